/** One-line structured logs for the runner process. */
export function log(event: string, fields: Record<string, unknown> = {}): void {
  const extra = Object.entries(fields)
    .map(([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`)
    .join(" ");
  console.log(`${new Date().toISOString()} [runner] ${event}${extra ? ` ${extra}` : ""}`);
}
