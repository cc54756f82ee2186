/**
 * Runs once when the web server starts, inside the framework's bundle: installs the fast lane
 * (lib/api/fast-lane.ts) where the HTTP server in front of the framework finds it (jobs/web.ts).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { fastLane } = await import("@/lib/api/fast-lane");
  (globalThis as unknown as { __erisFastLane?: typeof fastLane }).__erisFastLane = fastLane;
}
