/**
 * `signal`, or `ms` milliseconds, whichever aborts first; the timeout aborts with the same reason
 * AbortSignal.timeout gives (a TimeoutError). Not AbortSignal.any([signal, AbortSignal.timeout(ms)]):
 * Node 20 can collect the timeout signal inside the composite before it fires (nodejs/node#57736),
 * and a request then waits as long as the server makes it. Here the timer holds the controller;
 * it does not keep the process alive, and it is cleared when `signal` aborts first.
 */
export function withDeadline(signal: AbortSignal, ms: number): AbortSignal {
  const controller = new AbortController();
  const onAbort = () => {
    clearTimeout(timer);
    controller.abort(signal.reason);
  };
  const timer = setTimeout(() => {
    signal.removeEventListener("abort", onAbort);
    controller.abort(new DOMException("The operation was aborted due to timeout", "TimeoutError"));
  }, ms);
  timer.unref();
  if (signal.aborted) onAbort();
  else signal.addEventListener("abort", onAbort, { once: true });
  return controller.signal;
}
