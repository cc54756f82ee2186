"use client";

import Link from "next/link";
import { useState } from "react";
import { Field, FormError } from "@/components/ui/field";
import { card } from "@/components/ui/styles";
import { useExperimentSearch } from "@/components/experiments/use-experiments";

/** Shown by /schedules/new without ?experiment=: each match links to the form for that experiment. */
export function ExperimentPicker() {
  const [search, setSearch] = useState("");
  const experiments = useExperimentSearch(search.trim());
  return (
    <section className={`${card} space-y-4`} aria-labelledby="pick-experiment-title">
      <h2 id="pick-experiment-title" className="text-base font-semibold">
        Which experiment should run?
      </h2>
      <Field label="Search experiments" type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
      {experiments.isPending ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">Loading experiments…</p>
      ) : experiments.isError ? (
        <FormError message={experiments.error.message} />
      ) : experiments.data.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          No experiment matches{search ? ` “${search}”` : ""}.
        </p>
      ) : (
        <ul className="divide-y divide-slate-100 dark:divide-slate-800">
          {experiments.data.map((e) => (
            <li key={e.id}>
              <Link
                href={`/schedules/new?experiment=${encodeURIComponent(e.id)}`}
                className="block px-2 py-2 hover:bg-slate-50 dark:hover:bg-slate-800"
              >
                <span className="font-medium">{e.name}</span>
                {e.description && (
                  <span className="block truncate text-xs text-slate-600 dark:text-slate-400">{e.description}</span>
                )}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
