/** `<input type="datetime-local">` speaks local wall-clock time; the API speaks ISO-8601 UTC. */
export function isoToLocalInput(iso: string | undefined): string {
  if (!iso) return "";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "";
  const local = new Date(d.getTime() - d.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

export function localInputToIso(value: string): string | undefined {
  if (!value) return undefined;
  const d = new Date(value); // parsed as local time, which is what the person typed
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}
