/**
 * A window's length as people say it: "16h", "90m", "1h30m", "2d", or a bare number of minutes.
 * Returns seconds, or null when the text is not one of those.
 */
export function parseDuration(text: string): number | null {
  const t = text.trim().toLowerCase().replaceAll(" ", "");
  if (/^\d+$/.test(t)) return Number(t) * 60;
  const m = /^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?$/.exec(t);
  if (!t || !m || (!m[1] && !m[2] && !m[3])) return null;
  return Number(m[1] ?? 0) * 86_400 + Number(m[2] ?? 0) * 3600 + Number(m[3] ?? 0) * 60;
}

/** 57600 → "16h", 5400 → "1h30m". */
export function formatDuration(seconds: number): string {
  const d = Math.floor(seconds / 86_400);
  const h = Math.floor((seconds % 86_400) / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  return `${d ? `${d}d` : ""}${h ? `${h}h` : ""}${m ? `${m}m` : ""}` || "0m";
}
