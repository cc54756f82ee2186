"use client";

import { type KeyboardEvent, useRef, useState } from "react";
import { input } from "@/components/ui/styles";
import { Labelled } from "./labelled";
import type { Catalogue } from "./use-modules";

type Candidate = { name: string; do: string; description: string };

/** The match Enter picks: the action named so, then one whose name starts so, then the first listed. */
function bestMatch<A extends Candidate>(actions: A[], needle: string): A | undefined {
  const rank = (a: A) => (a.name === needle ? 0 : a.name.startsWith(needle) ? 1 : a.do.includes(needle) ? 2 : 3);
  return [...actions].sort((a, b) => rank(a) - rank(b))[0];
}

type Props = {
  /** Marks the search box, so the step list can move the focus to a step it just added. */
  stepId: string;
  catalogue: Catalogue;
  value: string;
  onChange: (action: string) => void;
  error?: string;
  stepLabel: string;
};

/**
 * A filter box over a native select: keyboard and screen-reader friendly, and fast with 50+
 * actions. Enter in the box picks the first match. A namespace that is another name for a module
 * (Kallisti's `istio` is `k8s`) is not listed twice; a step that uses it still shows its action.
 */
export function ActionPicker({ stepId, catalogue, value, onChange, error, stepLabel }: Props) {
  const [filter, setFilter] = useState("");
  const select = useRef<HTMLSelectElement>(null);
  const needle = filter.trim().toLowerCase();
  const groups = catalogue.modules
    .filter((m) => !m.alias_of)
    .map((m) => ({
      ...m,
      actions: m.actions.filter(
        (a) => !needle || a.do.toLowerCase().includes(needle) || a.description.toLowerCase().includes(needle),
      ),
    }))
    .filter((m) => m.actions.length);
  const all = catalogue.modules.flatMap((m) => m.actions);
  const listed = groups.some((m) => m.actions.some((a) => a.do === value));
  const known = all.find((a) => a.do === value);
  const alias = catalogue.modules.find((m) => m.alias_of && value.startsWith(`${m.namespace}.`));

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key !== "Enter") return;
    e.preventDefault(); // no form submit: Enter means "this one"
    const first = bestMatch(
      groups.flatMap((m) => m.actions),
      needle,
    );
    if (!first) return;
    onChange(first.do);
    select.current?.focus();
  }

  return (
    <div className="grid gap-4 sm:grid-cols-[1fr_2fr]">
      <Labelled label={`Search actions for ${stepLabel.toLowerCase()}`} hint="Enter picks the best match.">
        {(control) => (
          <input
            {...control}
            data-step-search={stepId}
            type="search"
            className={input}
            placeholder="e.g. pods, http, wait"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            onKeyDown={onKeyDown}
          />
        )}
      </Labelled>
      <Labelled label="Action" required hint={known?.description} error={error}>
        {(control) => (
          <select {...control} ref={select} className={input} value={value} onChange={(e) => onChange(e.target.value)}>
            <option value="">Choose an action…</option>
            {value && !listed && (
              <option value={value}>
                {alias
                  ? `${value} (the same as ${alias.alias_of}.${value.slice(alias.namespace.length + 1)})`
                  : known
                    ? value
                    : `${value} (not in the catalogue)`}
              </option>
            )}
            {groups.map((m) => (
              <optgroup key={m.namespace} label={`${m.namespace} — ${m.description}`}>
                {m.actions.map((a) => (
                  <option key={a.do} value={a.do}>
                    {a.do}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        )}
      </Labelled>
    </div>
  );
}
