/** A timestamp in the reader's locale, with the exact ISO value kept in the markup and the tooltip. */
export function Time({ iso, empty = "—" }: { iso: string | null; empty?: string }) {
  if (!iso) return <span className="text-slate-600 dark:text-slate-400">{empty}</span>;
  const text = new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
  return (
    <time dateTime={iso} title={iso}>
      {text}
    </time>
  );
}
