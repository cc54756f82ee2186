/**
 * CSRF: a state-changing request authenticated by the session cookie must come from our own
 * origin (OWASP's "verify the origin with standard headers"); the session cookie is also
 * SameSite=Lax. Bearer-token clients send no cookie and are not affected.
 */
import { AppError } from "@/lib/api/errors";

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

function allowedHosts(req: Request): Set<string> {
  const hosts = new Set<string>();
  for (const h of [req.headers.get("host"), req.headers.get("x-forwarded-host")])
    if (h) hosts.add(h.split(",")[0].trim().toLowerCase());
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
