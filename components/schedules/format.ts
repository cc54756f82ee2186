/** Date and time helpers for runs: in the viewer's zone by default, or in a schedule's own zone. */
export function formatRun(iso: string, timeZone?: string): string {
  return new Date(iso).toLocaleString(undefined, {
    timeZone,
    weekday: "short",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  });
}

export function formatClock(iso: string, timeZone?: string): string {
  return new Date(iso).toLocaleTimeString(undefined, { timeZone, hour: "2-digit", minute: "2-digit" });
}

/** The viewer's local calendar day, as YYYY-MM-DD, for grouping runs by day. */
export function localDayKey(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}
