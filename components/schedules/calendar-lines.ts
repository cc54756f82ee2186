import type { UpcomingRun } from "./types";

/** One line of a calendar day: a single run, or a frequent schedule's runs folded into one. */
export type CalendarLine = { run: UpcomingRun; count: number; lastAt: string };

/** More runs of one schedule than this in a day fold into one "first–last ×N" line. */
const FOLD_ABOVE = 3;

/**
 * Without folding, a schedule firing every few minutes would fill the day and push every other
 * schedule out of view; folded, each schedule gets at least one line per day it runs.
 */
export function calendarLines(runs: UpcomingRun[]): CalendarLine[] {
  const bySchedule = new Map<string, UpcomingRun[]>();
  for (const run of runs) bySchedule.set(run.schedule, [...(bySchedule.get(run.schedule) ?? []), run]);
  const lines: CalendarLine[] = [];
  for (const own of bySchedule.values()) {
    if (own.length > FOLD_ABOVE) lines.push({ run: own[0], count: own.length, lastAt: own[own.length - 1].at });
    else for (const run of own) lines.push({ run, count: 1, lastAt: run.at });
  }
  return lines.sort((a, b) => a.run.at.localeCompare(b.run.at));
}
