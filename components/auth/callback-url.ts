/** Set by proxy.ts on page requests: the path and query, which layouts cannot otherwise see. */
export const REQUEST_PATH_HEADER = "x-eris-request-path";

/** A same-site path to return to after signing in; anything else (other hosts, `//evil`) becomes "/". */
export function safeCallbackUrl(raw: string | string[] | undefined | null): string {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!value?.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  return value;
}
