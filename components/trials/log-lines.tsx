import { memo, useLayoutEffect, useRef } from "react";

const LINE = /^\[(?<at>[^\]]*?) - (?<level>[A-Z]+)\] (?<message>.*)$/s;

const LEVEL_COLOURS: Record<string, string> = {
  INFO: "text-sky-300",
  WARNING: "text-amber-300",
  ERROR: "text-red-300",
};

// Within this many pixels of the end counts as "at the end": the log keeps following new lines.
const STICKY_PX = 24;

type Props = { lines: string[]; testId?: string; empty?: string };

/**
 * Runner log lines (`[2026-…Z - INFO] message`) in monospace, the level coloured so errors stand
 * out. It scrolls with the output while the reader is at the end, and stays put once they scroll up.
 */
export const LogLines = memo(function LogLines({ lines, testId, empty = "No log lines yet." }: Props) {
  const box = useRef<HTMLOListElement>(null);
  const following = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when lines arrive
  useLayoutEffect(() => {
    const el = box.current;
    if (el && following.current) el.scrollTop = el.scrollHeight;
  }, [lines.length]);

  if (lines.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">{empty}</p>;
  return (
    <ol
      ref={box}
      data-testid={testId}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
      tabIndex={0}
      aria-label="Log lines"
      onScroll={(e) => {
        const el = e.currentTarget;
        following.current = el.scrollHeight - el.scrollTop - el.clientHeight <= STICKY_PX;
      }}
      className="max-h-80 overflow-auto rounded-md bg-slate-950 p-3 font-mono text-xs leading-5 text-slate-100 focus-visible:outline-2 focus-visible:outline-sky-500"
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
  if (empty) return <p className="text-sm text-slate-600 dark:text-slate-400">None.</p>;
  return (
    <pre
      data-testid={testId}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
      tabIndex={0}
      className="max-h-64 overflow-auto rounded-md bg-slate-100 p-3 font-mono text-xs dark:bg-slate-800"
    >
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}
