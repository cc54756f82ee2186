import Link from "next/link";
import { stacked, table } from "@/components/ui/styles";
import { Time } from "@/components/ui/time";
import type { Experiment } from "./types";

const COLUMNS = ["Name", "Labels", "Steps", "Created by", "Updated"];

export function ExperimentTable({ experiments }: { experiments: Experiment[] }) {
  return (
    <div className={table.wrap}>
      <table className={stacked.table} aria-label="Experiments">
        <thead className={stacked.head}>
          <tr>
            {COLUMNS.map((c) => (
              <th key={c} scope="col" className={table.th}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className={stacked.body}>
          {experiments.map((e) => (
            <tr className={stacked.row} key={e.id} data-testid="experiment-row">
              <td className={stacked.cell} data-label="Name">
                <div className="min-w-0">
                  <Link href={`/experiments/${e.id}`} className="font-medium underline-offset-2 hover:underline">
                    {e.name}
                  </Link>
                  {e.description && (
                    <p className="line-clamp-1 text-xs text-slate-600 dark:text-slate-400">{e.description}</p>
                  )}
                </div>
              </td>
              <td className={stacked.cell} data-label="Labels">
                <Labels metadata={e.metadata} />
              </td>
              <td className={stacked.cell} data-label="Steps" data-testid="experiment-steps">
                <div>
                  <StepCount experiment={e} />
                </div>
              </td>
              <td className={stacked.cell} data-label="Created by">
                {e.created_by}
              </td>
              <td className={stacked.cell} data-label="Updated">
                <Time iso={e.updated_at} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** The steps, as the detail page counts them; pre- and post-steps (the rollback) beside them. */
function StepCount({ experiment: e }: { experiment: Experiment }) {
  const around = [
    e.pre_steps.length ? plural(e.pre_steps.length, "pre-step") : "",
    e.post_steps.length ? plural(e.post_steps.length, "post-step") : "",
  ].filter(Boolean);
  return (
    <>
      {e.steps.length}
      {around.length > 0 && (
        <span className="block text-xs text-slate-600 dark:text-slate-400">+ {around.join(", ")}</span>
      )}
    </>
  );
}

export function Labels({ metadata }: { metadata: Record<string, unknown> }) {
  const entries = Object.entries(metadata);
  if (!entries.length) return <span className="text-slate-600 dark:text-slate-400">—</span>;
  return (
    <ul className="flex flex-wrap gap-1">
      {entries.map(([k, v]) => (
        <li
          key={k}
          className="rounded-full bg-slate-100 px-2 py-0.5 font-mono text-xs text-slate-700 dark:bg-slate-800 dark:text-slate-300"
        >
          {k}
          {v === "" || v === null ? "" : `: ${typeof v === "string" ? v : JSON.stringify(v)}`}
        </li>
      ))}
    </ul>
  );
}
