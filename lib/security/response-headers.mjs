// Headers that every answer carries, and the fixed policy of API answers and static files (no
// inline script at all; the HTML and XML reports carry inline styles only). next.config.mjs
// applies them to what the framework serves; the fast lane (lib/api/fast-lane.ts) to what it
// answers itself. Pages get a per-request nonce policy from proxy.ts instead (lib/security/csp.ts).
// Plain JavaScript: next.config.mjs imports it before anything is compiled.

/**
 * A Content Security Policy: Eris's one set of directives with the given `script-src` (and any
 * further directives). Pages pass their nonce (lib/security/csp.ts); API answers allow no inline
 * script at all.
 * @param {string} scriptSrc
 * @param {string[]} [more]
 */
export function policy(scriptSrc, more = []) {
  return [
    "default-src 'self'",
    `script-src ${scriptSrc}`,
    // Inline style attributes (React's style={...}, the API reference, reports) run no code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    ...more,
    "frame-ancestors 'none'",
  ].join("; ");
}

export const API_CSP = policy("'self'");

export const SECURITY_HEADERS = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];
