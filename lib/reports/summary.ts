/**
 * The numbers and the words every report format uses, so none of them contradicts another: a
 * trial counts as succeeded, failed (Failed, Aborted, Invalid) or without an outcome (stopped,
 * skipped, still running); the success rate is succeeded / (succeeded + failed), and each sentence
 * says which trials it counts. Times read as "25 Nov 2026, 18:13:16 UTC", the zone always named.
 */
const FAILED = new Set(["Failed", "Aborted", "Invalid"]);

export type Counts = { trials: number; succeeded: number; failed: number; other: number; success_rate: number | null };

export function countTrials(statuses: string[]): Counts {
  const tally: Record<string, number> = {};
  for (const s of statuses) tally[s] = (tally[s] ?? 0) + 1;
  return countTally(tally);
}

/** The same counts from a tally of trials by status (as a GROUP BY gives it). */
export function countTally(tally: Record<string, number>): Counts {
  let trials = 0;
  let succeeded = 0;
  let failed = 0;
  for (const [status, n] of Object.entries(tally)) {
    trials += n;
    if (status === "Succeeded") succeeded += n;
    else if (FAILED.has(status)) failed += n;
  }
  return {
    trials,
    succeeded,
    failed,
    other: trials - succeeded - failed,
    success_rate: succeeded + failed ? succeeded / (succeeded + failed) : null,
  };
}

/** Counts added up (a report's overall numbers from its experiments'). */
export function sumCounts(all: Counts[]): Counts {
  const tally = { Succeeded: 0, Failed: 0, Other: 0 };
  for (const c of all) {
    tally.Succeeded += c.succeeded;
    tally.Failed += c.failed;
    tally.Other += c.other;
  }
  return countTally(tally);
}

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export const percent = (rate: number | null) => (rate === null ? "n/a" : `${Math.round(rate * 100)}%`);

/** "5 trials: 2 succeeded, 0 failed, 3 without an outcome (stopped, skipped or unfinished). Success rate 100% (2 of 2 with an outcome)." */
export function summarySentence(c: Counts): string {
  if (c.trials === 0) return "No trials.";
  const decided = c.succeeded + c.failed;
  const other = c.other ? `, ${c.other} without an outcome (stopped, skipped or unfinished)` : "";
  const rate = decided
    ? `Success rate ${percent(c.success_rate)} (${c.succeeded} of ${decided} with an outcome).`
    : "No success rate: no trial has an outcome yet.";
  return `${plural(c.trials, "trial")}: ${c.succeeded} succeeded, ${c.failed} failed${other}. ${rate}`;
}

/** A time for people, in the report's zone, with the zone named; "—" when there is none. */
export function formatTime(iso: string | null | undefined, timeZone: string): string {
  if (!iso) return "—";
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
    timeZoneName: "short",
  }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("day")} ${get("month")} ${get("year")}, ${get("hour")}:${get("minute")}:${get("second")} ${get("timeZoneName")}`;
}

/** "9 ms", "1.2 s", "2 min 05 s": a duration for people; "—" when there is none. */
export function formatSeconds(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return "—";
  if (seconds < 1) return `${Math.round(seconds * 1000)} ms`;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const s = Math.round(seconds);
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, "0")} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, "0")} min`;
}

/** A step as the table, the timeline and the logs all name it: its own name, else its action's. */
export const stepLabel = (s: { description: string | null; name: string }) => s.description ?? s.name;

/** The report's first line in every format: "1 experiment, 5 trials: 2 succeeded, …". */
export function overallSentence(s: Counts & { experiments: number }): string {
  const sentence = summarySentence(s);
  return `${plural(s.experiments, "experiment")}, ${s.trials ? sentence : "no trials."}`;
}
