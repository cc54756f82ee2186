/**
 * The fast lane: the reads polled hardest (an experiment, a trial, a schedule with its trials,
 * an experiment's schedules), answered for an API token by the HTTP server itself (jobs/web.ts)
 * before the framework's per-request routing, which costs about ten times the handler's own work.
 *
 * Each lane calls the very function its route calls for the answer, and the lane answers only
 * what it is sure of: GET, lower-case ids, no query parameter it does not know, a valid `eris_`
 * token of a viewer or better, 200 or 304 — with the route's body, ETag and headers (tested side by
 * side). Anything else, errors included, goes on to the route: the error contract keeps one
 * implementation. Answers are gzip-compressed (when the client takes it) once per version; the
 * framework would compress them again on every request.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { gzip } from "node:zlib";
import { LRUCache } from "lru-cache";
import { getDb } from "@/db/client";
import { hasRole } from "@/lib/auth/roles";
import { withLogContext } from "@/lib/log/context";
import { API_CSP, SECURITY_HEADERS } from "@/lib/security/response-headers.mjs";
import { services } from "@/lib/services";
import { TOKEN_PREFIX, UserService } from "@/lib/users/service";
import { recordRequest, requestIdOf } from "./observe";
import { pageHeaders, parsePage } from "./paging";

type Answer = { etag: string; body: () => string | Promise<string>; headers?: Headers };
type Lane = { route: string; path: RegExp; query: string[]; answer: (ids: string[], url: URL) => Promise<Answer> };

const ID = "([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})";
const LANES: Lane[] = [
  {
    route: "/api/v1/experiment/{id}",
    path: new RegExp(`^/api/v1/experiment/${ID}/?$`),
    query: [],
    answer: ([id]) => services().experiments.answer(id),
  },
  {
    route: "/api/v1/trial/{id}",
    path: new RegExp(`^/api/v1/trial/${ID}/?$`),
    query: [],
    answer: ([id]) => services().trials.answer(id),
  },
  {
    route: "/api/v1/experiment/{id}/schedule/{sid}",
    path: new RegExp(`^/api/v1/experiment/${ID}/schedule/${ID}/?$`),
    query: [],
    answer: ([id, sid]) => services().schedules.answer(id, sid),
  },
  {
    route: "/api/v1/experiment/{id}/schedule",
    path: new RegExp(`^/api/v1/experiment/${ID}/schedule/?$`),
    query: ["limit", "offset"],
    answer: async ([id], url) => {
      const page = parsePage(url);
      const a = await services().schedules.listAnswer(id, page);
      return { ...a, headers: pageHeaders(url, page, a.total) };
    },
  },
];

const BEARER = /^Bearer\s+(\S+)$/i;
const FIXED_HEADERS: Record<string, string> = {
  ...Object.fromEntries(SECURITY_HEADERS.map((h) => [h.key, h.value])),
  "Content-Security-Policy": API_CSP,
};

const holder = globalThis as unknown as { __erisLaneGzip?: LRUCache<string, Buffer> };
holder.__erisLaneGzip ??= new LRUCache<string, Buffer>({
  maxSize: 16 * 1024 * 1024,
  sizeCalculation: (b) => Math.max(1, b.byteLength),
});
const gzipped = holder.__erisLaneGzip;

/** Whether the client takes gzip: named (or `*`) in Accept-Encoding without `q=0`. */
export function acceptsGzip(header: string | undefined): boolean {
  let star = false;
  for (const part of (header ?? "").split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const accepted = !q || Number(q.slice(2)) > 0;
    if (name === "gzip") return accepted;
    if (name === "*") star = accepted;
  }
  return star;
}

/** The lane's answer to this request, or null when it is not the lane's to give. */
async function answerOf(req: IncomingMessage): Promise<{ lane: Lane; answer: Answer } | null> {
  if (req.method !== "GET" || req.headers.cookie) return null;
  const url = new URL(req.url ?? "/", "http://eris.lane");
  const lane = LANES.find((l) => l.path.test(url.pathname));
  if (!lane || [...url.searchParams.keys()].some((k) => !lane.query.includes(k))) return null;
  const token = BEARER.exec(req.headers.authorization?.trim() ?? "")?.[1];
  if (!token?.startsWith(TOKEN_PREFIX)) return null;
  const found = await new UserService(getDb()).userForToken(token);
  if (!found || !hasRole(found.user.role, "viewer")) return null;
  try {
    return { lane, answer: await lane.answer((lane.path.exec(url.pathname) as RegExpExecArray).slice(1), url) };
  } catch {
    return null; // not found, bad paging: the route says so, in the error contract's words
  }
}

/** Answers the request when it is in the lane (true); false leaves it, untouched, to the framework. */
export async function fastLane(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const started = performance.now();
  const found = await answerOf(req);
  if (!found) return false;
  const { lane, answer } = found;
  const requestId = requestIdOf(req.headers["x-request-id"] as string | undefined);
  const headers: Record<string, string> = { ...FIXED_HEADERS, ...Object.fromEntries(answer.headers ?? []) };
  headers.ETag = answer.etag;
  headers["X-Request-Id"] = requestId;
  const sent = req.headers["if-none-match"];
  const fresh = !!sent && sent.split(",").some((t) => t.trim() === answer.etag || t.trim() === "*");
  const done = (status: number, body: string | Buffer) =>
    withLogContext({ request_id: requestId }, () => {
      res.writeHead(status, { ...headers, "Content-Length": String(Buffer.byteLength(body)) });
      res.end(body);
      const path = (req.url ?? "").split("?")[0];
      recordRequest({ method: "GET", path, route: lane.route, status, seconds: (performance.now() - started) / 1000 });
    });
  if (fresh) {
    done(304, "");
    return true;
  }
  headers["Content-Type"] = "application/json";
  headers.Vary = "Accept-Encoding";
  const text = await answer.body();
  // Gzip whatever the size, as the framework does for the answers it streams.
  if (!acceptsGzip(req.headers["accept-encoding"])) {
    done(200, text);
    return true;
  }
  headers["Content-Encoding"] = "gzip";
  const hit = gzipped.get(answer.etag);
  if (hit) done(200, hit);
  else
    gzip(text, (err, packed) => {
      if (err) {
        delete headers["Content-Encoding"];
        done(200, text);
        return;
      }
      gzipped.set(answer.etag, packed);
      done(200, packed);
    });
  return true;
}
