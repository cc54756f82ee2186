/**
 * Around every API request (lib/api/route.ts): a request id (the caller's `X-Request-Id` when it is
 * sane, else a new one) on the response and on every log line written while handling it, one access
 * line per request, and the HTTP metrics by route pattern.
 */
import { randomUUID } from "node:crypto";
import { withLogContext } from "@/lib/log/context";
import { createLogger } from "@/lib/log/logger";
import { observeRequest, routePattern } from "@/lib/metrics/http";

export const webLog = createLogger("web");

const SANE_ID = /^[\w.:-]{1,128}$/;

function withHeader(res: Response, name: string, value: string): Response {
  try {
    res.headers.set(name, value);
    return res;
  } catch {
    // Headers of some responses are immutable: copy the response.
    const copy = new Response(res.body, res);
    copy.headers.set(name, value);
    return copy;
  }
}

export async function observed(
  req: Request,
  params: Promise<unknown> | undefined,
  handle: () => Promise<Response>,
): Promise<Response> {
  const started = performance.now();
  const requestId = requestIdOf(req.headers.get("x-request-id"));
  return withLogContext({ request_id: requestId }, async () => {
    const res = await handle();
    const seconds = (performance.now() - started) / 1000;
    const path = new URL(req.url).pathname;
    let route = path;
    try {
      route = routePattern(path, ((await params) ?? {}) as Record<string, unknown>);
    } catch {}
    recordRequest({ method: req.method, path, route, status: res.status, seconds });
    return withHeader(res, "X-Request-Id", requestId);
  });
}

/** The request id to answer with: the caller's `X-Request-Id` when it is sane, else a new one. */
export function requestIdOf(sent: string | null | undefined): string {
  return sent && SANE_ID.test(sent) ? sent : randomUUID();
}

/** The HTTP metrics and the access line of one answered request (inside its log context). */
export function recordRequest(r: { method: string; path: string; route: string; status: number; seconds: number }) {
  observeRequest(r.route, r.method, r.status, r.seconds);
  // Health checks come every few seconds from the container runtime: not worth an info line each.
  const quiet = r.route === "/api/v1/health" && r.status < 400;
  webLog[quiet ? "debug" : "info"]("request", {
    method: r.method,
    path: r.path,
    route: r.route,
    status: r.status,
    duration_ms: Math.round(r.seconds * 10_000) / 10,
  });
}
