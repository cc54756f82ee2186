import { memo } from "react";

const LINE = /^\[(?<at>[^\]]*?) - (?<level>[A-Z]+)\] (?<message>.*)$/s;

const LEVEL_COLOURS: Record<string, string> = {
  INFO: "text-sky-700 dark:text-sky-400",
  WARNING: "text-amber-700 dark:text-amber-400",
  ERROR: "text-red-700 dark:text-red-400",
};

/** Runner log lines (`[2026-…Z - INFO] message`) in monospace, the level coloured so errors stand out. */
export const LogLines = memo(function LogLines({ lines, testId }: { lines: string[]; testId?: string }) {
  if (lines.length === 0) return <p className="text-sm text-slate-500">No log lines yet.</p>;
  return (
    <ol
      data-testid={testId}
      className="max-h-80 overflow-auto rounded-md bg-slate-950 p-3 font-mono text-xs leading-5 text-slate-100"
    >
      {lines.map((line, i) => {
        const m = LINE.exec(line)?.groups;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: log lines only ever get appended, never reordered
          <li key={i} className="whitespace-pre-wrap break-words">
            {m ? (
              <>
                <span className="text-slate-400">[{m.at} - </span>
                <span className={`font-semibold ${LEVEL_COLOURS[m.level] ?? ""}`}>{m.level}</span>
                <span className="text-slate-400">] </span>
                {m.message}
              </>
            ) : (
              line
            )}
          </li>
        );
      })}
    </ol>
  );
});

/** Values from the API (secrets already masked by the server) shown as indented JSON. */
export function JsonBlock({ value, testId }: { value: unknown; testId?: string }) {
  const empty = value === undefined || value === null || (typeof value === "object" && Object.keys(value).length === 0);
  if (empty) return <p className="text-sm text-slate-500">None.</p>;
  return (
    <pre
      data-testid={testId}
      className="max-h-64 overflow-auto rounded-md bg-slate-100 p-3 font-mono text-xs dark:bg-slate-800"
    >
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}
