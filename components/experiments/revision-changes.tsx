"use client";

import { Time } from "@/components/ui/time";
import { describeChanges } from "@/lib/experiments/diff";
import { useExperimentRevisions } from "./use-experiments";

/** Each revision after the first, newest first, with who made it, when, and what it changed. */
export function RevisionChanges({ experimentId }: { experimentId: string }) {
  const revisions = useExperimentRevisions(experimentId);
  const list = revisions.data ?? [];
  if (list.length < 2) return null;
  return (
    <details className="text-sm" open={list.length <= 4}>
      <summary className="cursor-pointer font-medium">What changed between revisions ({list.length - 1})</summary>
      <ol data-testid="revision-changes" className="mt-2 space-y-3">
        {list.slice(0, -1).map((r, i) => {
          const changes = describeChanges(list[i + 1], r);
          return (
            <li key={r.revision} className="border-l-2 border-slate-200 pl-3 dark:border-slate-700">
              <p className="font-medium">
                Revision {r.revision}{" "}
                <span className="font-normal text-slate-600 dark:text-slate-400">
                  by {r.created_by}, <Time iso={r.created_at} />
                </span>
              </p>
              <ul className="mt-1 list-disc pl-5">
                {changes.length ? changes.map((c) => <li key={c}>{c}</li>) : <li>No change to the definition.</li>}
              </ul>
            </li>
          );
        })}
      </ol>
    </details>
  );
}
