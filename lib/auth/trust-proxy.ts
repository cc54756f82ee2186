/**
 * Whether a reverse proxy in front of Eris is trusted to report the client (X-Forwarded-For) and
 * the public host (X-Forwarded-Host). Without ERIS_TRUST_PROXY any client could write those
 * headers itself, so they are ignored.
 */
export function trustsProxy(env: Record<string, string | undefined> = process.env): boolean {
  return /^(1|true|yes)$/i.test(env.ERIS_TRUST_PROXY ?? "");
}
