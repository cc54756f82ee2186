import type { UpcomingRun } from "./types";

/** One line of a calendar day: a single run, or a frequent schedule's runs folded into one. */
export type CalendarLine = {
  run: UpcomingRun;
  count: number;
  lastAt: string;
  /** Runs of the line that fall in a blackout window (they would be Skipped), and the windows' names. */
  held: number;
  windows: string[];
};

function line(own: UpcomingRun[]): CalendarLine {
  const windows = [...new Set(own.flatMap((r) => (r.blackout ? [r.blackout] : [])))];
  return {
    run: own[0],
    count: own.length,
    lastAt: own[own.length - 1].at,
    held: own.filter((r) => r.blackout).length,
    windows,
  };
}

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
    if (own.length > FOLD_ABOVE) lines.push(line(own));
    else for (const run of own) lines.push(line([run]));
  }
  return lines.sort((a, b) => a.run.at.localeCompare(b.run.at));
}
