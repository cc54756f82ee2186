/**
 * Layouts cannot see the URL, yet the dashboard layout's sign-in redirect should come back to the
 * page the visitor asked for. This passes the path along as a request header (set here, so a
 * client cannot supply its own; it is only ever used as a same-site callbackUrl).
 */
import { type NextRequest, NextResponse } from "next/server";
import { REQUEST_PATH_HEADER } from "@/components/auth/callback-url";

export function proxy(req: NextRequest) {
  const headers = new Headers(req.headers);
  headers.set(REQUEST_PATH_HEADER, req.nextUrl.pathname + req.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

// Pages only: the API, next-auth and static assets do not need it.
export const config = { matcher: ["/((?!api/|_next/|favicon.ico).*)"] };
