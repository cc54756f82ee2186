import { z } from "zod";
import { FailedAction, type ModuleDef, defineAction, sleep } from "../types";

const headersArg = z.record(z.string(), z.string()).optional().describe("HTTP headers to send");
const timeoutArg = z.number().positive().max(3600).default(30).describe("Seconds before the request is abandoned");

async function request(
  args: {
    url: string;
    method: string;
    request_body?: unknown;
    headers?: Record<string, string>;
    timeout_seconds: number;
  },
  signal: AbortSignal,
) {
  const started = performance.now();
  const hasBody = args.request_body !== undefined && args.method !== "GET" && args.method !== "DELETE";
  const res = await fetch(args.url, {
    method: args.method,
    headers: { ...(hasBody ? { "content-type": "application/json" } : {}), ...args.headers },
    body: hasBody ? JSON.stringify(args.request_body) : undefined,
    signal: AbortSignal.any([signal, AbortSignal.timeout(args.timeout_seconds * 1000)]),
    redirect: "follow",
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

export const cm: ModuleDef = {
  description: "Common actions: HTTP probes and requests, waiting.",
  actions: {
    wait: defineAction({
      description: "Waits a number of seconds (stops at once when the trial is stopped).",
      args: z.object({
        time_in_seconds: z.number().min(0).max(86_400).describe("Seconds to wait"),
      }),
      defaultTimeoutMs: 86_400_000 + 60_000,
      run: async (args, { signal }) => {
        await sleep(args.time_in_seconds * 1000, signal);
        return null;
      },
    }),
    http_probe: defineAction({
      description: "Calls a URL with GET or POST and fails when the status is 400 or above.",
      args: z.object({
        url: z.url().describe("URL to probe"),
        method: z
          .string()
          .default("GET")
          .transform((m) => m.toUpperCase())
          .pipe(
            z.enum(["GET", "POST"], {
              error: (i) => `Invalid method: ${String(i.input)}. HTTP Probe allows only GET and POST methods`,
            }),
          )
          .describe("GET or POST"),
        request_body: z.unknown().optional().describe("JSON body for POST"),
        headers: headersArg,
        timeout_seconds: timeoutArg,
      }),
      run: async (args, { signal }) => {
        const result = await request(args, signal);
        const code = result.status_code as number;
        if (code >= 400) {
          throw new FailedAction(
            `Http probe failed after ${result.response_time_in_seconds} seconds for url ${args.url} with status code ${code}. Details: ${result.response_text}`,
          );
        }
        return result;
      },
    }),
  },
};
