/** "850 ms", "12.3 s", "4 min 05 s", "2 h 03 min": short enough for a table cell and a bar label. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return "—";
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const s = Math.floor(ms / 1000);
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, "0")} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, "0")} min`;
}

/** A trial's run time: finished ones from start to end, running ones up to `now`. */
export function trialDuration(executedAt: string | null, completedAt: string | null, now: number): string {
  if (!executedAt) return "—";
  const end = completedAt ? Date.parse(completedAt) : now;
  return formatDuration(end - Date.parse(executedAt));
}

export const shortId = (id: string) => id.slice(0, 8);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string) => UUID.test(s.trim());
