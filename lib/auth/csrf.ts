/**
 * CSRF: a state-changing request authenticated by the session cookie must come from our own
 * origin (OWASP's "verify the origin with standard headers"); the session cookie is also
 * SameSite=Lax. Bearer-token clients send no cookie and are not affected. X-Forwarded-Host counts
 * only behind a trusted proxy (ERIS_TRUST_PROXY): otherwise the caller writes it and could name
 * its own origin as ours.
 */
import { AppError } from "@/lib/api/errors";
import { trustsProxy } from "./trust-proxy";

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

function allowedHosts(req: Request): Set<string> {
  const hosts = new Set<string>();
  const forwarded = trustsProxy() ? req.headers.get("x-forwarded-host") : null;
  for (const h of [req.headers.get("host"), forwarded]) if (h) hosts.add(h.split(",")[0].trim().toLowerCase());
  if (process.env.NEXTAUTH_URL) hosts.add(new URL(process.env.NEXTAUTH_URL).host.toLowerCase());
  return hosts;
}

export function checkSameOrigin(req: Request): void {
  if (SAFE.has(req.method)) return;
  const source = req.headers.get("origin") ?? req.headers.get("referer");
  let host: string | null = null;
  try {
    host = source && source !== "null" ? new URL(source).host.toLowerCase() : null;
  } catch {
    host = null;
  }
  if (!host || !allowedHosts(req).has(host)) {
    throw new AppError(
      "forbidden",
      "CSRF check failed: a request made with the session cookie must come from the Eris origin.",
    );
  }
}
