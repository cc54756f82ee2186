/**
 * With JSON logs, output Eris does not write itself (Next.js's banner, a build, a crash trace) is
 * wrapped line by line into the same JSON shape, so that every line of the process tree parses.
 */
import type { Readable, Writable } from "node:stream";
import type { Level } from "./logger";

/** A line that is already a JSON object passes as it is; any other becomes `{"time","level","process","msg"}`. */
export function wrapLine(line: string, processName: string, level: Level, now = new Date()): string {
  const trimmed = line.trim();
  if (trimmed.startsWith("{")) {
    try {
      if (JSON.parse(trimmed) && typeof JSON.parse(trimmed) === "object") return trimmed;
    } catch {}
  }
  return JSON.stringify({ time: now.toISOString(), level, process: processName, msg: line.trimEnd() });
}

/** Copies `from` to `to` a line at a time, wrapping each (empty lines are dropped). */
export function pipeWrapped(from: Readable, to: Writable, processName: string, level: Level): void {
  let pending = "";
  from.setEncoding("utf8");
  from.on("data", (chunk: string) => {
    pending += chunk;
    const lines = pending.split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) if (line.trim()) to.write(`${wrapLine(line, processName, level)}\n`);
  });
  from.on("end", () => {
    if (pending.trim()) to.write(`${wrapLine(pending, processName, level)}\n`);
    pending = "";
  });
}
