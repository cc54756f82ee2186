import { expect, test } from "vitest";
import { withDeadline } from "./deadline";

test("the deadline aborts with a TimeoutError, even after garbage collection pressure", async () => {
  const signal = withDeadline(new AbortController().signal, 50);
  // Allocate enough to provoke collections while the only holder of the timeout is its timer.
  for (let i = 0; i < 50; i++) new Array(100_000).fill(i);
  await new Promise((resolve) => signal.addEventListener("abort", resolve, { once: true }));
  expect((signal.reason as DOMException).name).toBe("TimeoutError");
});

test("the caller's abort wins before the deadline, with the caller's reason", () => {
  const stop = new AbortController();
  const signal = withDeadline(stop.signal, 60_000);
  stop.abort(new Error("stopped"));
  expect(signal.aborted).toBe(true);
  expect((signal.reason as Error).message).toBe("stopped");
  expect(withDeadline(stop.signal, 60_000).aborted).toBe(true);
});
