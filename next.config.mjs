import { API_CSP, SECURITY_HEADERS } from "./lib/security/response-headers.mjs";

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Several checkouts' test servers can build side by side (ERIS_DIST_DIR=.next-x); default .next.
  distDir: process.env.ERIS_DIST_DIR || ".next",
  async headers() {
    const csp = [{ key: "Content-Security-Policy", value: API_CSP }];
    return [
      { source: "/:path*", headers: SECURITY_HEADERS },
      { source: "/api/:path*", headers: csp },
      { source: "/_next/:path*", headers: csp },
      { source: "/favicon.ico", headers: csp },
      { source: "/icon.svg", headers: csp },
      { source: "/swagger-ui/:path*", headers: csp },
    ];
  },
  // Kallisti clients call both `/x` and `/x/`; answer both directly instead of redirecting
  // (a redirect drops the body of a POST/PUT).
  skipTrailingSlashRedirect: true,
  poweredByHeader: false,
  reactStrictMode: true,
  // The runner and the web app share lib/; keep native and ESM-only server packages out of the bundle.
  serverExternalPackages: ["better-sqlite3", "pdfkit"],
  // The production build type-checks the app only; `npm run typecheck` covers tests too.
  typescript: { ignoreBuildErrors: false, tsconfigPath: "tsconfig.build.json" },
};

export default nextConfig;
