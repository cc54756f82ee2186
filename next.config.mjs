/** @type {import('next').NextConfig} */
const nextConfig = {
  // Kallisti clients call both `/x` and `/x/`; answer both directly instead of redirecting
  // (a redirect drops the body of a POST/PUT).
  skipTrailingSlashRedirect: true,
  poweredByHeader: false,
  reactStrictMode: true,
  // The runner and the web app share lib/; keep native and ESM-only server packages out of the bundle.
  serverExternalPackages: ["better-sqlite3"],
  // The production build type-checks the app only; `npm run typecheck` covers tests too.
  typescript: { ignoreBuildErrors: false, tsconfigPath: "tsconfig.build.json" },
};

export default nextConfig;
