/**
 * The fast lane: the hottest read, one experiment by id for an API token (what pipelines and
 * Kallisti clients poll), answered by the HTTP server itself (jobs/web.ts) before the framework's
 * per-request routing, which costs about ten times the handler's own work.
 *
 * It answers only what it is sure of: GET /api/v1/experiment/{lower-case id}[/] without a query,
 * a valid `eris_` token of a viewer or better, an existing experiment whose answer the framework
 * would not compress, with 200 or 304 and the body, ETag and headers the route gives
 * (app/api/v1/experiment/[id]/route.ts, tested side by side). Anything else, errors included,
 * goes on to the route: the error contract keeps one implementation.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { hasRole } from "@/lib/auth/roles";
import { withLogContext } from "@/lib/log/context";
import { API_CSP, SECURITY_HEADERS } from "@/lib/security/response-headers.mjs";
import { services } from "@/lib/services";
import { TOKEN_PREFIX, UserService } from "@/lib/users/service";
import { getDb } from "@/db/client";
import { recordRequest, requestIdOf } from "./observe";

const DETAIL = /^\/api\/v1\/experiment\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/?$/;
const BEARER = /^Bearer\s+(\S+)$/i;
/** The framework gzips answers from this size on when the client accepts it: those go to it. */
const COMPRESSED_FROM = 1024;

const FIXED_HEADERS: Record<string, string> = {
  ...Object.fromEntries(SECURITY_HEADERS.map((h) => [h.key, h.value])),
  "Content-Security-Policy": API_CSP,
};

/** Answers the request when it is in the lane (true); false leaves it, untouched, to the framework. */
export function fastLane(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method !== "GET" || req.headers.cookie) return false;
  const id = DETAIL.exec(req.url ?? "")?.[1];
  const token = BEARER.exec(req.headers.authorization?.trim() ?? "")?.[1];
  if (!id || !token?.startsWith(TOKEN_PREFIX)) return false;
  const started = performance.now();
  const found = new UserService(getDb()).userForToken(token);
  if (!found || !hasRole(found.user.role, "viewer")) return false;
  let answer: { etag: string; body: () => string };
  try {
    answer = services().experiments.answer(id);
  } catch {
    return false; // not found: the route says so, in the error contract's words
  }
  const sent = req.headers["if-none-match"];
  const fresh = !!sent && sent.split(",").some((t) => t.trim() === answer.etag || t.trim() === "*");
  const body = fresh ? "" : answer.body();
  if (body.length >= COMPRESSED_FROM && /\bgzip\b/i.test(req.headers["accept-encoding"] ?? "")) return false;

  const requestId = requestIdOf(req.headers["x-request-id"] as string | undefined);
  const status = fresh ? 304 : 200;
  withLogContext({ request_id: requestId }, () => {
    res.writeHead(status, {
      ...FIXED_HEADERS,
      ETag: answer.etag,
      ...(fresh ? {} : { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body) }),
      "X-Request-Id": requestId,
    });
    res.end(body);
    const path = (req.url ?? "").split("?")[0];
    recordRequest({
      method: "GET",
      path,
      route: "/api/v1/experiment/{id}",
      status,
      seconds: (performance.now() - started) / 1000,
    });
  });
  return true;
}
