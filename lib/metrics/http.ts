/**
 * HTTP metrics of this web process (each web process counts its own requests; Prometheus tells them
 * apart by instance), and the process's own default metrics (CPU, memory, event loop).
 */
import { Counter, Histogram, Registry, collectDefaultMetrics } from "prom-client";

type HttpMetrics = { registry: Registry; requests: Counter; duration: Histogram };

// One set per process, kept on globalThis so that every route bundle counts into the same one.
const holder = globalThis as unknown as { __erisHttpMetrics?: HttpMetrics };

export function httpMetrics(): HttpMetrics {
  if (holder.__erisHttpMetrics) return holder.__erisHttpMetrics;
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "eris_web_" });
  const labelNames = ["route", "method", "status"] as const;
  holder.__erisHttpMetrics = {
    registry,
    requests: new Counter({
      name: "eris_http_requests_total",
      help: "API requests answered by this web process, by route pattern, method and status.",
      labelNames,
      registers: [registry],
    }),
    duration: new Histogram({
      name: "eris_http_request_duration_seconds",
      help: "API request latency in this web process, by route pattern, method and status.",
      labelNames,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
  };
  return holder.__erisHttpMetrics;
}

export function observeRequest(route: string, method: string, status: number, seconds: number): void {
  const m = httpMetrics();
  const labels = { route, method, status: String(status) };
  m.requests.inc(labels);
  m.duration.observe(labels, seconds);
}

/**
 * The route pattern of a request, from its path and the route's params: each segment that is a
 * param's value becomes `{name}` (`/api/v1/experiment/{id}/schedule/{sid}`), and a catch-all param
 * swallows the rest, so ids and unknown paths never multiply the series.
 */
export function routePattern(pathname: string, params: Record<string, unknown>): string {
  const segments = pathname.replace(/\/+$/, "").split("/");
  const names = new Map<string, string>();
  for (const [name, value] of Object.entries(params)) {
    if (Array.isArray(value)) {
      const at = segments.length - value.length;
      return [...segments.slice(0, at), `{${name}}`].join("/");
    }
    if (typeof value === "string") names.set(value.toLowerCase(), name);
  }
  return segments
    .map((s) => {
      let decoded = s;
      try {
        decoded = decodeURIComponent(s);
      } catch {}
      const name = names.get(decoded.toLowerCase());
      return name ? `{${name}}` : s;
    })
    .join("/");
}
