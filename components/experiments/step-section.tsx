import { useId } from "react";
import { card } from "@/components/ui/styles";
import type { Guard, Step } from "./types";

const isGuard = (s: Step | Guard): s is Guard => "interval_seconds" in s;

/** One step list (or the guards), read-only: what each does, with which arguments, and what it expects. */
export function StepSection({ title, steps }: { title: string; steps: (Step | Guard)[] }) {
  const titleId = useId();
  return (
    <section aria-labelledby={titleId} className={card}>
      <h2 id={titleId} className="mb-3 text-base font-semibold">
        {title} <span className="text-sm font-normal text-slate-600 dark:text-slate-400">({steps.length})</span>
      </h2>
      {steps.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">None.</p>
      ) : (
        <ol className="space-y-4">
          {steps.map((s, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: steps have no id; their order is their identity
            <li key={i} className="space-y-2 border-l-2 border-slate-200 pl-3 dark:border-slate-700" data-testid="step">
              <p className="text-sm">
                <span className="text-slate-600 dark:text-slate-400">{i + 1}.</span>{" "}
                <code className="font-mono font-semibold">{s.do}</code>
                {isGuard(s) && s.name ? (
                  <span className="text-slate-600 dark:text-slate-400"> — {s.name}</span>
                ) : (
                  s.step && <span className="text-slate-600 dark:text-slate-400"> — {s.step}</span>
                )}
                {isGuard(s) && (
                  <span className="text-slate-600 dark:text-slate-400" data-testid="guard-timing">
                    {" "}
                    · every {s.interval_seconds} s, tolerance {s.tolerance}
                  </span>
                )}
              </p>
              <pre className="overflow-x-auto rounded bg-slate-50 p-3 font-mono text-xs dark:bg-slate-950">
                {JSON.stringify(s.where, null, 2)}
              </pre>
              {s.expect && s.expect.length > 0 && (
                <ul className="space-y-1 text-xs" aria-label="Expectations">
                  {s.expect.map((x, j) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: expectations have no id either
                    <li key={j} className="font-mono">
                      expect {describeExpectation(x)}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** `{"operator": "eq", "status_code": 200}` reads as `status_code eq 200`. */
function describeExpectation(x: Record<string, unknown>) {
  const { operator, ...rest } = x;
  const [key, value] = Object.entries(rest)[0] ?? ["?", undefined];
  return `${key} ${String(operator)} ${JSON.stringify(value)}`;
}
