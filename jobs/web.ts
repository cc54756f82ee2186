/**
 * The web process (`npm start` runs it under the supervisor): the framework's request handler
 * behind a plain node:http server, which first offers each request to the fast lane
 * (lib/api/fast-lane.ts). The lane is installed on globalThis by instrumentation.ts, inside the
 * framework's own bundle, so it shares the app's modules, database connection and caches; this
 * file loads nothing of Eris itself. Usage: `node .eris/jobs/web.mjs <port> <hostname>`.
 */
import http from "node:http";
import next from "next";

type Lane = (req: http.IncomingMessage, res: http.ServerResponse) => Promise<boolean>;
const lane = () => (globalThis as unknown as { __erisFastLane?: Lane }).__erisFastLane;

const port = Number(process.argv[2] ?? process.env.PORT ?? 3000);
const hostname = process.argv[3] ?? process.env.HOSTNAME ?? "0.0.0.0";
const app = next({ dev: false, dir: process.cwd(), hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((req, res) => void serve(req, res));

async function serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  let answered = false;
  try {
    answered = (await lane()?.(req, res)) ?? false;
  } catch (err) {
    // The lane is only a shortcut: whatever goes wrong in it, the route answers (and reports it).
    console.error("fast lane failed; the route answers instead:", err);
    answered = res.headersSent;
  }
  if (!answered) void handle(req, res);
}

server.on("error", (err) => {
  // Port taken, address not available: say so and exit (the supervisor retries with a backoff).
  console.error(`the web server could not listen on ${hostname}:${port}: ${err.message}`);
  process.exit(1);
});
server.listen(port, hostname, () => console.log(`web ready on http://${hostname}:${port}`));

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  // Finish the requests in flight, then exit; idle keep-alive connections must not hold it open.
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setTimeout(() => process.exit(0), 5000).unref();
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
