import { expect, test } from "vitest";
import { withLogContext } from "./context";
import { formatLine } from "./logger";
import { wrapLine } from "./wrap";

const at = new Date("2026-11-25T12:00:00.000Z");
const json = { format: "json" as const, level: "info" as const };
const text = { format: "text" as const, level: "info" as const };

test("text lines keep the runner's format; JSON lines are objects with time, level, process, msg", () => {
  expect(formatLine(text, "runner", "info", "trial finished", { trial: "t-1", status: "Failed" }, at)).toBe(
    "2026-11-25T12:00:00.000Z [runner] trial finished trial=t-1 status=Failed",
  );
  expect(
    JSON.parse(formatLine(json, "runner", "info", "trial finished", { trial: "t-1", status: "Failed" }, at)),
  ).toEqual({
    time: "2026-11-25T12:00:00.000Z",
    level: "info",
    process: "runner",
    msg: "trial finished",
    trial_id: "t-1",
    status: "Failed",
  });
});

test("the context's request and trial ids reach every line written inside it, errors become objects", async () => {
  const line = await withLogContext({ request_id: "r-1" }, async () => {
    await new Promise((r) => setTimeout(r, 1));
    return formatLine(json, "web", "error", "unhandled error", { error: new Error("boom") }, at);
  });
  const parsed = JSON.parse(line);
  expect(parsed.request_id).toBe("r-1");
  expect(parsed.error.message).toBe("boom");
  expect(withLogContext({ trial_id: "t-2" }, () => formatLine(text, "runner", "info", "observer", {}, at))).toContain(
    "trial=t-2",
  );
});

test("output that is not JSON is wrapped; JSON lines pass as they are", () => {
  expect(JSON.parse(wrapLine("  ▲ Next.js 16.4.6", "web", "info", at))).toEqual({
    time: "2026-11-25T12:00:00.000Z",
    level: "info",
    process: "web",
    msg: "  ▲ Next.js 16.4.6",
  });
  expect(wrapLine('{"msg":"x"}', "web", "info", at)).toBe('{"msg":"x"}');
  expect(JSON.parse(wrapLine("{not json", "web", "warn", at)).msg).toBe("{not json");
});
