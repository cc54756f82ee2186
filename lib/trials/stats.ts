/** Trial outcomes per day, for the success-rate chart. */
import { and, gte, isNull, sql } from "drizzle-orm";
import type { Conn } from "@/db/client";
import { experiments, trialDays } from "@/db/tables";

/** Outcomes that count toward the success rate: trials that ran to an end of their own. */
const FINISHED = ["Succeeded", "Failed", "Aborted", "Invalid"];

export type DayStats = {
  date: string;
  total: number;
  succeeded: number;
  failed: number;
  other: number;
  success_rate: number | null;
};

export async function trialStats(db: Conn, days: number, now = Date.now()) {
  const start =
    Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth(), new Date(now).getUTCDate()) -
    (days - 1) * 86_400_000;
  // From the per-day summary (kept by triggers), not from the trials: a few rows per day.
  const summed = await db
    .select({ day: trialDays.day, status: trialDays.status, n: sql<number>`sum(${trialDays.n})`.mapWith(Number) })
    .from(trialDays)
    .innerJoin(experiments, sql`${experiments.id} = ${trialDays.experimentId}`)
    .where(and(gte(trialDays.day, Math.floor(start / 86_400_000)), isNull(experiments.deletedAt)))
    .groupBy(trialDays.day, trialDays.status);
  const rows = summed.map((r) => ({
    day: new Date(r.day * 86_400_000).toISOString().slice(0, 10),
    status: r.status,
    n: Number(r.n),
  }));
  const byDay = new Map<string, DayStats>();
  for (let i = 0; i < days; i++) {
    const date = new Date(start + i * 86_400_000).toISOString().slice(0, 10);
    byDay.set(date, { date, total: 0, succeeded: 0, failed: 0, other: 0, success_rate: null });
  }
  for (const r of rows) {
    const d = byDay.get(r.day);
    if (!d) continue;
    d.total += r.n;
    if (r.status === "Succeeded") d.succeeded += r.n;
    else if (FINISHED.includes(r.status)) d.failed += r.n;
    else d.other += r.n;
  }
  const list = [...byDay.values()].map((d) => ({
    ...d,
    success_rate: d.succeeded + d.failed ? d.succeeded / (d.succeeded + d.failed) : null,
  }));
  const ok = list.reduce((a, d) => a + d.succeeded, 0);
  const bad = list.reduce((a, d) => a + d.failed, 0);
  return { days: list, succeeded: ok, failed: bad, success_rate: ok + bad ? ok / (ok + bad) : null };
}
