// Headers that every answer carries, and the fixed policy of API answers and static files (no
// inline script at all; the HTML and XML reports carry inline styles only). next.config.mjs
// applies them to what the framework serves; the fast lane (lib/api/fast-lane.ts) to what it
// answers itself. Pages get a per-request nonce policy from proxy.ts instead (lib/security/csp.ts).
// Plain JavaScript: next.config.mjs imports it before anything is compiled.

export const API_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
].join("; ");

export const SECURITY_HEADERS = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];
