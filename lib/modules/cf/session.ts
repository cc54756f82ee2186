/**
 * How a cf action reaches Cloud Foundry: the arguments every action takes (`cf_api_url`,
 * `verify_ssl`, the UAA client), the user from the step's `credentials` block or, as in Kallisti,
 * the CF_USERNAME/CF_PASSWORD environment variables (both resolved through the credential-handler
 * map, so its rules apply), a token from UAA's password grant, and one client for the v3 API.
 * Neither the password nor the token reaches a log line, a result or an error message.
 */
import { z } from "zod";
import { refusalFor } from "@/lib/credentials/destinations";
import { cloudFoundryDefaultCredential } from "@/lib/credentials/handlers";
import { InvalidCredential } from "@/lib/credentials/types";
import { type ActionContext, FailedAction } from "../types";
import { type HttpResponse, parseJson, request } from "./http";

// Marked as the connection group: the wizard lists the optional ones after what the action acts on.
const CONNECTION = { "x-eris-group": "connection" };

export const connectionArgs = {
  cf_api_url: z.url().describe("Cloud Controller API URL, e.g. https://api.sys.example.com").meta(CONNECTION),
  verify_ssl: z
    .boolean()
    .default(true)
    .describe("Verify the API's and UAA's TLS certificates (false for a self-signed foundation)")
    .meta(CONNECTION),
  client_id: z.string().min(1).default("cf").describe("UAA client for the password grant").meta(CONNECTION),
  client_secret: z
    .string()
    .default("")
    .describe("That client's secret (the cf CLI's client has none)")
    .meta(CONNECTION),
};

/** Where Kallisti's cf actions look for an app (each narrows the search when given). */
export const placeArgs = {
  org_name: z.string().min(1).optional().describe("Organization"),
  space_name: z.string().min(1).optional().describe("Space"),
};

export type ConnectionArgs = { cf_api_url: string; verify_ssl: boolean; client_id: string; client_secret: string };

export type Query = Record<string, string | number | string[] | undefined>;
export type Sent = { status: number; headers: HttpResponse["headers"]; body: unknown };

export type Cf = {
  api: string;
  /** One request; fails on a status >= 400 with the Cloud Controller's own error text. */
  send(
    method: string,
    path: string,
    options?: { query?: Query; body?: unknown; headers?: Record<string, string> },
  ): Promise<Sent>;
  get<T>(path: string, query?: Query): Promise<T>;
  /** Every resource of a paginated list, following `pagination.next`. */
  list<T>(path: string, query?: Query): Promise<T[]>;
};

async function user(ctx: ActionContext) {
  // Kallisti's default (CF_USERNAME / CF_PASSWORD), under the administrator's allow-list like any credential.
  const credential = ctx.credential ?? (await cloudFoundryDefaultCredential({ secret: ctx.secret }));
  if (credential.kind !== "username_password") {
    throw new InvalidCredential(
      `Invalid credential type: ${credential.type} gives a token; cf logs in to UAA with a username and password (e.g. ENV_VAR_USERNAME_PASSWORD)`,
    );
  }
  const { username, password } = credential;
  if (!username || !password) {
    const where = ctx.credential ? "" : " (by default cf reads CF_USERNAME and CF_PASSWORD on the runner)";
    throw new InvalidCredential(`Credential ${credential.type} gave no ${username ? "password" : "username"}${where}`);
  }
  return { username, password, source: credential.type, credential };
}

/** v3 filters take comma-separated lists; Kallisti's v2 paths (call_api) repeat the parameter. */
function withQuery(base: string, query: Query | undefined, join: boolean): string {
  const url = new URL(base);
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v === undefined) continue;
    if (Array.isArray(v) && !join) for (const item of v) url.searchParams.append(k, item);
    else url.searchParams.set(k, Array.isArray(v) ? v.join(",") : String(v));
  }
  return url.toString();
}

function failure(what: string, res: HttpResponse): FailedAction {
  const errors = (parseJson(res.text) as { errors?: { title?: string; detail?: string }[] } | undefined)?.errors;
  const detail = errors?.length ? errors.map((e) => `${e.title}: ${e.detail}`).join("; ") : res.text.slice(0, 500);
  return new FailedAction(`failed to call '${what}': ${res.status} => ${detail}`);
}

function unreachable(api: string, err: unknown): FailedAction {
  const message = err instanceof Error ? err.message : String(err);
  const hint = /certificate|self.signed/i.test(message) ? "; set verify_ssl: false to accept it" : "";
  return new FailedAction(`cannot reach Cloud Foundry at ${api}: ${message}${hint}`);
}

/** Logs in (root document → UAA password grant) and returns the v3 client for this step. */
export async function connect(args: ConnectionArgs, ctx: ActionContext): Promise<Cf> {
  const api = args.cf_api_url.replace(/\/+$/, "");
  const { signal } = ctx;
  const verifyTls = args.verify_ssl;
  const http = async (method: string, url: string, headers: Record<string, string>, body?: string) => {
    try {
      return await request({ method, url, headers, body, verifyTls, signal });
    } catch (err) {
      if (signal.aborted) throw signal.reason;
      throw unreachable(api, err);
    }
  };

  const login = await user(ctx);
  const root = await http("GET", `${api}/`, { accept: "application/json" });
  if (root.status >= 400) throw failure(`GET ${api}/`, root);
  const links = (parseJson(root.text) as { links?: Record<string, { href?: string } | null> } | undefined)?.links;
  const uaa = (links?.uaa?.href ?? links?.login?.href)?.replace(/\/+$/, "");
  if (!uaa) throw new FailedAction(`${api} does not look like a Cloud Foundry API: its root document has no uaa link`);
  // A credential bound to some hosts is never sent elsewhere, here the UAA the API points to.
  const refused = refusalFor(login.credential, uaa);
  if (refused) throw new InvalidCredential(refused);
  ctx.secret?.(args.client_secret);
  const basic = Buffer.from(`${args.client_id}:${args.client_secret}`).toString("base64");
  const form = new URLSearchParams({ grant_type: "password", username: login.username, password: login.password });
  const granted = await http(
    "POST",
    `${uaa}/oauth/token`,
    {
      authorization: `Basic ${basic}`,
      "content-type": "application/x-www-form-urlencoded",
      accept: "application/json",
    },
    form.toString(),
  );
  if (granted.status >= 400) throw failure(`POST ${uaa}/oauth/token`, granted);
  const token = (parseJson(granted.text) as { access_token?: string } | undefined)?.access_token;
  if (!token) throw new FailedAction(`UAA at ${uaa} answered without an access_token`);
  ctx.secret?.(token);
  ctx.log(`Cloud Foundry API ${api} (user from ${login.source}, token from ${uaa})`);

  const send: Cf["send"] = async (method, path, options = {}) => {
    const absolute = /^https?:\/\//.test(path) ? path : `${api}${path}`;
    const url = withQuery(absolute, options.query, path.startsWith("/v3"));
    const hasBody = options.body !== undefined;
    const res = await http(
      method,
      url,
      {
        accept: "application/json",
        ...(hasBody ? { "content-type": "application/json" } : {}),
        ...options.headers,
        authorization: `bearer ${token}`,
      },
      hasBody ? JSON.stringify(options.body) : undefined,
    );
    if (res.status >= 400) throw failure(`${method} ${url}`, res);
    return { status: res.status, headers: res.headers, body: parseJson(res.text) ?? null };
  };
  return {
    api,
    send,
    get: async <T>(path: string, query?: Query) => (await send("GET", path, { query })).body as T,
    list: async <T>(path: string, query?: Query) => {
      const all: T[] = [];
      let next: string | null = withQuery(`${api}${path}`, query, true);
      while (next) {
        const page = (await send("GET", next)).body as {
          resources?: T[];
          pagination?: { next?: { href?: string } | null };
        };
        all.push(...(page.resources ?? []));
        next = page.pagination?.next?.href ?? null;
      }
      return all;
    },
  };
}

/** An action's argument schema: the connection fields plus its own. */
export const cfArgs = <S extends z.ZodRawShape>(shape: S) => z.object({ ...connectionArgs, ...shape });
