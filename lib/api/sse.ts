/**
 * Server-Sent Events: a response that stays open and carries named events. `start` gets `send`
 * and `close`, and returns what to do when the stream ends (the client went away, or `close`).
 */
export type EventSink = { send: (event: string, data: unknown) => void; close: () => void };

// Proxies close idle connections; a comment line every so often keeps the stream open.
const KEEP_ALIVE_MS = 15_000;

export function eventStream(signal: AbortSignal, start: (sink: EventSink) => () => void): Response {
  const encoder = new TextEncoder();
  let stop: (() => void) | null = null;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      let open = true;
      let cleanup: (() => void) | undefined;
      const write = (text: string) => {
        if (!open) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          close(); // the client went away between two checks
        }
      };
      const keepAlive = setInterval(() => write(": keep-alive\n\n"), KEEP_ALIVE_MS);
      const close = () => {
        if (!open) return;
        open = false;
        clearInterval(keepAlive);
        signal.removeEventListener("abort", close);
        cleanup?.();
        try {
          controller.close();
        } catch {
          // already closed by the client going away
        }
      };
      stop = close;
      signal.addEventListener("abort", close, { once: true });
      const ended = start({
        send: (event, data) => write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`),
        close,
      });
      // `start` may have closed the stream already (nothing left to follow): clean up at once then.
      if (open) cleanup = ended;
      else ended();
      if (signal.aborted) close();
    },
    cancel() {
      stop?.();
    },
  });
  return new Response(body, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      // no-transform: a compressing proxy (or Next's own compression) must not buffer the events.
      "cache-control": "no-cache, no-transform",
      "x-accel-buffering": "no",
    },
  });
}
