/**
 * Runs before every page:
 * - draws the page's CSP nonce and sets the policy on the request (Next.js puts the nonce on its
 *   own scripts from it) and on the response (lib/security/csp.ts);
 * - sends a page address with an upper-case UUID to its lower-case form (Kallisti accepted ids
 *   in any case; links pasted from its clients must keep working);
 * - passes the requested path along as a request header, since layouts cannot see the URL yet the
 *   dashboard layout's sign-in redirect should come back to that page (set here, so a client
 *   cannot supply its own; it is only ever used as a same-site callbackUrl).
 */
import { type NextRequest, NextResponse } from "next/server";
import { REQUEST_PATH_HEADER } from "@/components/auth/callback-url";
import { lowerUuid, lowerUuidQuery } from "@/lib/api/uuid-case";
import { NONCE_HEADER, newNonce, pageCsp } from "@/lib/security/csp";

export function proxy(req: NextRequest) {
  const pathname = req.nextUrl.pathname.split("/").map(lowerUuid).join("/");
  const search = lowerUuidQuery(new URL(req.nextUrl.href)).search;
  if (pathname !== req.nextUrl.pathname || search !== req.nextUrl.search) {
    const canonical = req.nextUrl.clone();
    canonical.pathname = pathname;
    canonical.search = search;
    return NextResponse.redirect(canonical, 308);
  }
  const nonce = newNonce();
  const csp = pageCsp(nonce);
  const headers = new Headers(req.headers);
  headers.set(REQUEST_PATH_HEADER, req.nextUrl.pathname + req.nextUrl.search);
  headers.set(NONCE_HEADER, nonce);
  headers.set("Content-Security-Policy", csp);
  const res = NextResponse.next({ request: { headers } });
  res.headers.set("Content-Security-Policy", csp);
  return res;
}

// Pages only: the API, next-auth and static assets get next.config.mjs's fixed policy.
export const config = { matcher: ["/((?!api/|_next/|swagger-ui/|favicon.ico|icon.svg|metrics$).*)"] };
