/**
 * An audit entry's summary is `{before, after}` holding only the fields that changed (secrets
 * already masked by the API); shown as one "field: old → new" line per field.
 */
type Fields = Record<string, unknown> | null;
export type AuditSummary = { before: Fields; after: Fields };

function show(v: unknown): string {
  if (v === undefined) return "—";
  if (v === "") return "(empty)";
  return typeof v === "string" ? v : JSON.stringify(v);
}

export function ChangeSummary({ summary }: { summary: AuditSummary | null }) {
  const before = summary?.before ?? null;
  const after = summary?.after ?? null;
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  if (!keys.length) return <span className="text-slate-600 dark:text-slate-400">—</span>;
  return (
    <ul className="space-y-0.5 text-xs">
      {keys.map((k) => (
        <li key={k} className="break-all">
          <span className="font-medium text-slate-700 dark:text-slate-300">{k}:</span>{" "}
          {before && k in before && (
            <span className="text-slate-600 dark:text-slate-400 line-through decoration-slate-400">
              {show(before[k])}
            </span>
          )}
          {before && k in before && after && " → "}
          {after && (k in after ? show(after[k]) : <em className="text-slate-600 dark:text-slate-400">removed</em>)}
        </li>
      ))}
    </ul>
  );
}
