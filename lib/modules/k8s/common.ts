/** Argument fields and small helpers shared by the k8s action files. */
import { z } from "zod";

export const nsArg = z.string().min(1).default("default").describe("Namespace");

export const labelSelectorArg = z
  .string()
  .optional()
  .describe("Label selector, e.g. app=web,tier!=db or app in (web,api); `{name}` is replaced by `name`");

/** Longest wait an action accepts; the step timeout (defaultTimeoutMs) leaves a minute on top. */
export const MAX_WAIT_SECONDS = 3600;
export const WAIT_STEP_TIMEOUT_MS = (MAX_WAIT_SECONDS + 60) * 1000;

export const timeoutArg = (seconds: number) =>
  z.number().positive().max(MAX_WAIT_SECONDS).default(seconds).describe("Seconds to wait before failing");

/** chaostoolkit formats selectors with the name (`name in ({name})`); so do we. */
export const withName = (selector: string | undefined, name: string | undefined): string | undefined =>
  selector && name !== undefined ? selector.replaceAll("{name}", name) : selector || undefined;

/** `qty` items drawn without replacement (chaostoolkit's random.sample). */
export function sample<T>(items: T[], qty: number, random: () => number = Math.random): T[] {
  const pool = [...items];
  const n = Math.min(qty, pool.length);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(random() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, n);
}

const UNIT_SECONDS: Record<string, number> = {
  ms: 0.001,
  s: 1,
  sec: 1,
  secs: 1,
  second: 1,
  seconds: 1,
  m: 60,
  min: 60,
  mins: 60,
  minute: 60,
  minutes: 60,
  h: 3600,
  hr: 3600,
  hrs: 3600,
  hour: 3600,
  hours: 3600,
  d: 86400,
  day: 86400,
  days: 86400,
};

/**
 * "10s", "5m", "1h30m", "10 minutes", "2 hours ago" or a bare number of seconds → seconds; null
 * when it cannot be read (chaostoolkit hands `last` to dateparser; these are the forms people use).
 */
export function parseDurationSeconds(text: string): number | null {
  const t = text
    .trim()
    .toLowerCase()
    .replace(/\s+ago$/, "");
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t);
  const re = /(\d+(?:\.\d+)?)\s*([a-z]+)\s*/g;
  let total = 0;
  let consumed = 0;
  for (const m of t.matchAll(re)) {
    const unit = UNIT_SECONDS[m[2]];
    if (m.index !== consumed || unit === undefined) return null;
    total += Number(m[1]) * unit;
    consumed += m[0].length;
  }
  return consumed === t.length && consumed > 0 ? total : null;
}
