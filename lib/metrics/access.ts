/** Who may scrape /metrics: anyone, or with ERIS_METRICS_TOKEN set, whoever sends it as a Bearer token. */
import { createHash, timingSafeEqual } from "node:crypto";

const digest = (s: string) => createHash("sha256").update(s).digest();

/** null when the scrape may go ahead, else the 401 to answer. */
export function metricsAccess(req: Request, token: string | null): Response | null {
  if (!token) return null;
  const sent = /^Bearer (.+)$/.exec(req.headers.get("authorization") ?? "")?.[1] ?? "";
  // Compared as digests: constant time, whatever the lengths.
  if (sent && timingSafeEqual(digest(sent), digest(token))) return null;
  return Response.json(
    { detail: "Authentication credentials were not provided." },
    { status: 401, headers: { "WWW-Authenticate": 'Bearer realm="eris-metrics"' } },
  );
}
