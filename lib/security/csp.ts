/**
 * The Content Security Policy of the dashboard's pages: scripts run only with this request's
 * nonce (no 'unsafe-inline'), and what those scripts load ('strict-dynamic'). The proxy draws a
 * fresh nonce per request and sets the policy on the request too: Next.js reads the nonce from
 * it and puts it on its own scripts; the root layout puts it on the theme script. Pages are
 * therefore rendered per request (the layout reads the headers). API answers and static files
 * get a fixed policy without inline scripts (./response-headers.mjs, the same directives).
 */
import { policy } from "./response-headers.mjs";

/** The request header the layout reads the nonce from. */
export const NONCE_HEADER = "x-nonce";

/** 128 random bits, base64: unguessable, and new for every page view. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

export function pageCsp(nonce: string, dev = process.env.NODE_ENV === "development"): string {
  // 'unsafe-eval' in development only: React rebuilds server error stacks with eval there.
  return policy(`'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`, ["form-action 'self'"]);
}
