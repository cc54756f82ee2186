import { execFileSync } from "node:child_process";

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

/** Resident memory (MB) of one process. */
export function rssMb(pid: number): number {
  const out = execFileSync("ps", ["-o", "rss=", "-p", String(pid)])
    .toString()
    .trim();
  return Number(out) / 1024;
}
