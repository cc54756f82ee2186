/**
 * `prom`: Prometheus probes, Kallisti's `prom` module (chaostoolkit-prometheus 0.6): instant and
 * range queries returning Prometheus's JSON as-is, so `expect` can JSONPath into `data.result`,
 * and means over a window returning one number.
 */
import https from "node:https";
import { z } from "zod";
import { type ActionContext, FailedAction, type ModuleDef, defineAction } from "../types";
import { formatSeconds, parseDuration, parseTime } from "./when";

const MAX_TIMEOUT_S = 3600;

const common = {
  base_url: z
    .url({ protocol: /^https?$/ })
    .describe("Prometheus base URL, e.g. http://prometheus:9090 (a path prefix and user:password@ are kept)"),
  timeout: z
    .number()
    .positive()
    .max(MAX_TIMEOUT_S)
    .default(30)
    .describe("Seconds before the request is abandoned (also sent as Prometheus's query timeout)"),
  verify_tls: z.boolean().default(true).describe("Check the server's TLS certificate (https only)"),
};
const queryArg = z.string().min(1).describe("PromQL expression");
const timeArg = z.union([z.string(), z.number().nonnegative()]);
const windowArg = z
  .union([z.string().min(1), z.number().positive()])
  .default("1d")
  .describe('How far back from now: a Prometheus duration ("30m", "1h30m", "1d") or seconds');

type Common = { base_url: string; timeout: number; verify_tls: boolean };
type HttpResult = { status: number; text: string };

/** The part of every Prometheus API answer we look at; the rest is passed through untouched. */
const envelope = z.looseObject({
  status: z.string(),
  errorType: z.string().optional(),
  error: z.string().optional(),
});
const matrix = z.object({
  data: z.object({
    resultType: z.literal("matrix"),
    result: z.array(z.object({ values: z.array(z.tuple([z.number(), z.string()])) })),
  }),
});

/**
 * fetch cannot skip certificate checks per request without undici's Agent, which is not a
 * dependency here, so the insecure case goes through node:https, which takes the flag directly.
 */
function insecureGet(url: URL, headers: Record<string, string>, signal: AbortSignal): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    // The explicit listener guarantees settling even if the stream never emits after a destroy.
    signal.addEventListener("abort", () => reject(signal.reason), { once: true });
    const req = https.get(url, { headers, rejectUnauthorized: false, signal }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    req.on("error", reject);
  });
}

async function httpGet(url: URL, verifyTls: boolean, signal: AbortSignal): Promise<HttpResult> {
  const headers: Record<string, string> = { accept: "application/json" };
  // fetch refuses URLs with credentials; requests (Kallisti) turns them into basic auth, so do we.
  if (url.username || url.password) {
    const pair = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
    headers.authorization = `Basic ${Buffer.from(pair).toString("base64")}`;
    url.username = "";
    url.password = "";
  }
  if (!verifyTls && url.protocol === "https:") return insecureGet(url, headers, signal);
  const res = await fetch(url, { headers, signal });
  return { status: res.status, text: await res.text() };
}

/** The cause fetch hides behind "fetch failed" (ECONNREFUSED, a certificate error...). */
function reasonOf(err: unknown): string {
  const cause = err instanceof Error && err.cause instanceof Error ? err.cause : err;
  return cause instanceof Error ? cause.message : String(cause);
}

/** GETs a Prometheus API path; returns the parsed answer or throws FailedAction with Prometheus's words. */
async function promGet(
  what: string,
  args: Common,
  path: string,
  params: Record<string, string>,
  ctx: ActionContext,
): Promise<Record<string, unknown>> {
  const url = new URL(`${args.base_url.replace(/\/+$/, "")}${path}`);
  for (const [key, value] of Object.entries({ ...params, timeout: formatSeconds(args.timeout) })) {
    url.searchParams.set(key, value);
  }
  ctx.log(`Prometheus ${what}: GET ${url.origin}${url.pathname} ${JSON.stringify(params)}`);
  const timer = AbortSignal.timeout(args.timeout * 1000);
  let res: HttpResult;
  try {
    res = await httpGet(url, args.verify_tls, AbortSignal.any([ctx.signal, timer]));
  } catch (err) {
    // A stop or the step's own deadline is the caller's business: hand its reason back unchanged.
    if (ctx.signal.aborted) throw ctx.signal.reason;
    if (timer.aborted) {
      const timeout = new Error(`Prometheus ${what} got no answer from ${url.origin} within ${args.timeout} seconds`);
      timeout.name = "TimeoutError";
      throw timeout;
    }
    throw new FailedAction(`Prometheus ${what} request to ${url.origin} failed: ${reasonOf(err)}`);
  }
  let body: unknown;
  try {
    body = JSON.parse(res.text);
  } catch {
    body = undefined;
  }
  const parsed = envelope.safeParse(body);
  if (!parsed.success) {
    throw new FailedAction(
      `Prometheus ${what} failed: HTTP ${res.status} from ${url.origin} is not a Prometheus API answer: ${res.text.slice(0, 500)}`,
    );
  }
  if (res.status >= 400 || parsed.data.status !== "success") {
    const kind = parsed.data.errorType ? `, ${parsed.data.errorType}` : "";
    throw new FailedAction(
      `Prometheus ${what} ${JSON.stringify(params.query)} failed (HTTP ${res.status}${kind}): ${parsed.data.error ?? res.text.slice(0, 500)}`,
    );
  }
  return parsed.data;
}

export type MeanType = "arithmetic" | "geometric" | "harmonic";

/** Python's statistics semantics: a zero makes geometric and harmonic means 0; negatives are refused. */
export function mean(values: number[], type: MeanType): number {
  if (type === "arithmetic") return values.reduce((sum, v) => sum + v, 0) / values.length;
  if (values.some((v) => v < 0)) throw new FailedAction(`A ${type} mean needs values >= 0`);
  if (values.includes(0)) return 0;
  if (type === "geometric") return Math.exp(values.reduce((sum, v) => sum + Math.log(v), 0) / values.length);
  return values.length / values.reduce((sum, v) => sum + 1 / v, 0);
}

async function computeMean(
  args: Common & { query: string; window: string | number; mean_type: MeanType },
  ctx: ActionContext,
): Promise<number> {
  const window = parseDuration(args.window);
  const end = Date.now() / 1000;
  // About a hundred points per series: enough for a mean, far below Prometheus's 11,000 cap.
  const step = Math.max(1, window / 100);
  const params = {
    query: args.query,
    start: formatSeconds(end - window),
    end: formatSeconds(end),
    step: formatSeconds(step),
  };
  const answer = matrix.safeParse(await promGet("range query", args, "/api/v1/query_range", params, ctx));
  if (!answer.success) throw new FailedAction(`Prometheus range query ${JSON.stringify(args.query)} gave no matrix`);
  const all = answer.data.data.result.flatMap((series) => series.values.map(([, v]) => Number(v)));
  // NaN samples (a rate over a zero-length range, 0/0) have no place in a mean: skip them.
  const values = all.filter((v) => !Number.isNaN(v));
  if (values.length < all.length) ctx.log(`Skipped ${all.length - values.length} NaN samples`);
  if (values.length === 0) {
    throw new FailedAction(
      `Prometheus query ${JSON.stringify(args.query)} returned no samples in the last ${args.window}`,
    );
  }
  return mean(values, args.mean_type);
}

const meanTypeArg = z
  .enum(["arithmetic", "geometric", "harmonic"])
  .default("arithmetic")
  .describe("Which mean of all the samples of all the series");

export const prom: ModuleDef = {
  description: "Prometheus probes: instant and range PromQL queries, means over a window.",
  actions: {
    query: defineAction({
      description: "Runs an instant PromQL query and returns Prometheus's JSON answer as-is.",
      args: z.object({
        ...common,
        query: queryArg,
        when: timeArg
          .optional()
          .describe('Evaluation time: "now", "5 minutes ago", an ISO-8601 time or unix seconds; default now'),
      }),
      defaultTimeoutMs: (MAX_TIMEOUT_S + 60) * 1000,
      // async, so a bad `when` rejects like any other failure instead of throwing synchronously.
      run: async (args, ctx) => {
        const params: Record<string, string> = { query: args.query };
        // Like Kallisti (`if when:`), an empty `when` means "now".
        if (args.when !== undefined && args.when !== "") params.time = formatSeconds(parseTime(args.when));
        return promGet("query", args, "/api/v1/query", params, ctx);
      },
    }),
    query_interval: defineAction({
      description: "Runs a PromQL range query between two times and returns Prometheus's JSON answer as-is.",
      args: z.object({
        ...common,
        query: queryArg,
        start: timeArg.describe('Start: "10 minutes ago", an ISO-8601 time or unix seconds'),
        end: timeArg.describe('End: "now", "1 minute ago", an ISO-8601 time or unix seconds'),
        step: z
          .union([z.number().positive(), z.string().min(1)])
          .default(1)
          .describe('Seconds between points, or a Prometheus duration ("15s")'),
      }),
      defaultTimeoutMs: (MAX_TIMEOUT_S + 60) * 1000,
      run: async (args, ctx) => {
        const now = Date.now();
        const params = {
          query: args.query,
          start: formatSeconds(parseTime(args.start, now)),
          end: formatSeconds(parseTime(args.end, now)),
          step: formatSeconds(parseDuration(args.step)),
        };
        return promGet("range query", args, "/api/v1/query_range", params, ctx);
      },
    }),
    compute_mean: defineAction({
      description: "Averages every sample of every series a PromQL query returns over a window ending now.",
      args: z.object({ ...common, query: queryArg, window: windowArg, mean_type: meanTypeArg }),
      defaultTimeoutMs: (MAX_TIMEOUT_S + 60) * 1000,
      run: (args, ctx) => computeMean(args, ctx),
    }),
    nodes_cpu_usage_mean: defineAction({
      description: "Mean CPU usage (%) of all nodes over a window, from node_exporter's node_cpu_seconds_total.",
      args: z.object({ ...common, window: windowArg }),
      defaultTimeoutMs: (MAX_TIMEOUT_S + 60) * 1000,
      run: (args, ctx) =>
        computeMean(
          {
            ...args,
            query: '100 * (1 - avg(rate(node_cpu_seconds_total{mode="idle"}[1m])))',
            mean_type: "arithmetic",
          },
          ctx,
        ),
    }),
  },
};
