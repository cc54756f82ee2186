/**
 * Krkn-compatible signal listener: `GET /` answers the state, `POST /RUN`, `/PAUSE`, `/STOP` set
 * it (recorded as set by "signal-listener"). Bound to 127.0.0.1 unless ERIS_SIGNAL_HOST says otherwise.
 */
import http from "node:http";
import type { DB } from "@/db/client";
import { SIGNAL_STATES, type SignalState } from "@/db/schema";
import { readSignal, setSignal } from "@/lib/signal/service";
import { log } from "./log";

export function startSignalListener(db: DB, host: string, port: number): http.Server {
  const answer = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const reply = (code: number, text: string) => {
      res.writeHead(code, { "content-type": "text/plain; charset=utf-8" });
      res.end(text);
    };
    const path = (req.url ?? "/").split("?")[0].replace(/\/+$/, "") || "/";
    if (req.method === "GET" && path === "/") return reply(200, (await readSignal(db)).state);
    const state = path.slice(1).toUpperCase() as SignalState;
    if (req.method === "POST" && SIGNAL_STATES.includes(state)) {
      await setSignal(db, { state, reason: "set through the signal listener" }, "signal-listener");
      log("signal set", { state, via: "listener" });
      return reply(200, state);
    }
    reply(404, "Not found. Use GET / or POST /RUN, /PAUSE, /STOP.");
  };
  const server = http.createServer((req, res) => void answer(req, res));
  server.on("error", (err) => log("signal listener error", { error: err.message }));
  server.listen(port, host, () => log("signal listener", { url: `http://${host}:${port}/` }));
  return server;
}
