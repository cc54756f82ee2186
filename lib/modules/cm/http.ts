/** HTTP calls for cm.http_probe and cm.http_request: JSON bodies, timeouts, aborts, oauth2 tokens. */
import { z } from "zod";
import { refusalFor } from "@/lib/credentials/destinations";
import { resolveCredential } from "@/lib/credentials/handlers";
import { isSecretKey } from "@/lib/credentials/mask";
import type { CredentialHandler } from "@/lib/credentials/types";
import { FailedAction } from "../types";
import { withDeadline } from "@/lib/deadline";

export const authenticationArg = z
  .object({
    type: z.literal("oauth2_token").describe("Only oauth2_token is supported"),
    url: z.url().describe("Token endpoint"),
    credentials: z
      .record(z.string(), z.unknown())
      .describe("A credentials block: a token, or a username/password for the password grant"),
    client: z
      .object({ id: z.string(), secret: z.string().optional() })
      .optional()
      .describe("OAuth2 client for the password grant"),
    resource: z.string().optional().describe("Optional `resource` form field"),
    token_key: z.string().default("access_token").describe("Key of the token in the token endpoint's JSON answer"),
  })
  .optional()
  .describe("Obtain a bearer token before the request (Kallisti's oauth2_token)");

export const commonHttpArgs = {
  url: z.url().describe("URL to call"),
  request_body: z.unknown().optional().describe("JSON body (not sent with GET or DELETE)"),
  headers: z.record(z.string(), z.string()).optional().describe("HTTP headers"),
  authentication: authenticationArg,
  timeout_seconds: z.number().positive().max(3600).default(30).describe("Seconds before the request is abandoned"),
};

type Authentication = NonNullable<z.output<typeof authenticationArg>>;
type RequestArgs = {
  url: string;
  method: string;
  request_body?: unknown;
  headers?: Record<string, string>;
  authentication?: Authentication;
  timeout_seconds: number;
};

type Secret = ((value: string) => void) | undefined;

/**
 * Registers a secret header's value for masking by value, with the parts a target may echo
 * separately: the token after `Bearer`, the decoded `user:password` of Basic, each cookie value.
 */
export function registerHeaderSecret(name: string, value: string, secret: Secret): void {
  if (!secret) return;
  secret(value);
  const scheme = /^(\w+)\s+(.+)$/.exec(value.trim());
  if (scheme) {
    secret(scheme[2]);
    if (scheme[1].toLowerCase() === "basic") {
      const decoded = Buffer.from(scheme[2], "base64").toString("utf8");
      secret(decoded);
      secret(decoded.slice(decoded.indexOf(":") + 1));
    }
  }
  if (/cookie/i.test(name)) for (const pair of value.split(";")) secret(pair.slice(pair.indexOf("=") + 1).trim());
}

/** The request headers; a value HTTP cannot carry is refused without quoting it (it may be a secret). */
function buildHeaders(given: Record<string, string> | undefined, secret: Secret): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(given ?? {})) {
    if (isSecretKey(name)) registerHeaderSecret(name, value, secret);
    try {
      headers.set(name, value);
    } catch {
      throw new FailedAction(
        `Header "${name.replace(/[^\x21-\x7e]/g, "?")}" cannot be sent: its name or value holds a line break or another character HTTP headers do not allow`,
      );
    }
  }
  return headers;
}

async function bearerToken(
  auth: Authentication,
  target: string,
  handlers: Record<string, CredentialHandler>,
  signal: AbortSignal,
  secret: Secret,
): Promise<string> {
  const credential = await resolveCredential(handlers, auth.credentials, { secret });
  // A token goes to the target itself; a username and password go to the token endpoint.
  const destination = credential.kind === "token" ? target : auth.url;
  const refused = refusalFor(credential, destination);
  if (refused) throw new FailedAction(`Authentication for http request refused: ${refused}`);
  if (credential.kind === "token") return credential.token;
  const form = new URLSearchParams({
    grant_type: "password",
    username: credential.username ?? "",
    password: credential.password ?? "",
  });
  if (auth.resource) form.set("resource", auth.resource);
  if (auth.client?.secret) secret?.(auth.client.secret);
  const basic = Buffer.from(`${auth.client?.id ?? ""}:${auth.client?.secret ?? ""}`).toString("base64");
  const res = await fetch(auth.url, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", authorization: `Basic ${basic}` },
    body: form,
    signal,
  });
  const text = await res.text();
  if (res.status >= 400)
    throw new FailedAction(`Authentication for http request failed with status code ${res.status}. Details: ${text}`);
  let token: unknown;
  try {
    token = (JSON.parse(text) as Record<string, unknown>)[auth.token_key];
  } catch {
    token = undefined;
  }
  if (typeof token !== "string")
    throw new FailedAction(`Authentication for http request failed: no "${auth.token_key}" in the token response`);
  secret?.(token);
  if (!/^[\x21-\x7e]+$/.test(token))
    throw new FailedAction(
      `Authentication for http request failed: the "${auth.token_key}" it returned is not a token`,
    );
  return token;
}

/** Sends the request; the result is Kallisti's shape, `response` present only for a JSON body. */
export async function httpCall(
  args: RequestArgs,
  signal: AbortSignal,
  handlers: Record<string, CredentialHandler>,
  secret?: (value: string) => void,
) {
  const deadline = withDeadline(signal, args.timeout_seconds * 1000);
  const headers = buildHeaders(args.headers, secret);
  if (args.authentication) {
    const token = await bearerToken(args.authentication, args.url, handlers, deadline, secret);
    headers.set("Authorization", `Bearer ${token}`);
  }
  const hasBody = args.request_body !== undefined && args.method !== "GET" && args.method !== "DELETE";
  if (hasBody && !headers.has("content-type")) headers.set("content-type", "application/json");
  const started = performance.now();
  const res = await fetch(args.url, {
    method: args.method,
    headers,
    body: hasBody ? JSON.stringify(args.request_body) : undefined,
    signal: deadline,
  });
  const text = await res.text();
  const result: Record<string, unknown> = {
    status_code: res.status,
    response_text: text,
    response_headers: Object.fromEntries(res.headers.entries()),
    response_time_in_seconds: Number(((performance.now() - started) / 1000).toFixed(6)),
  };
  try {
    result.response = JSON.parse(text);
  } catch {
    // not JSON: `response` stays absent, as in Kallisti
  }
  return result;
}

/** Upper-cases a method and checks it against the allowed list with Kallisti's message. */
export const methodArg = (allowed: readonly [string, ...string[]], message: (m: string) => string) =>
  z
    .string()
    .default("GET")
    .transform((m) => m.toUpperCase())
    .refine((m) => allowed.includes(m), { error: (iss) => message(String(iss.input).toUpperCase()) })
    .describe(allowed.join(", "));
