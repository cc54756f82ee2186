"use client";

import { type KeyboardEvent, useRef } from "react";
import { GuardLane } from "./guard-lane";
import { TimelineAxis } from "./timeline-axis";
import { TimelineBar } from "./timeline-bar";
import { type Axis, type Bar, barDuration, LIST_TITLES, placeBar } from "./timeline-model";
import { type GuardRecord, STEP_LISTS } from "./types";

type Props = {
  bars: Bar[];
  axis: Axis | null;
  /** The trial can still start (or is running): no axis yet means "not started yet", not "did not run". */
  active: boolean;
  now: number;
  selectedKey: string | null;
  onSelect: (key: string) => void;
  /** The guards' checks, drawn as a lane on the same axis under the steps. */
  guardRecord?: GuardRecord;
};

/** Every pre-step, step and post-step on one time axis; Up/Down move the selection between bars. */
export function TrialTimeline({ bars, axis, active, now, selectedKey, onSelect, guardRecord }: Props) {
  const listRef = useRef<HTMLDivElement>(null);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    const buttons = [...(listRef.current?.querySelectorAll<HTMLButtonElement>("[data-testid=timeline-bar]") ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next = buttons[Math.max(0, Math.min(buttons.length - 1, at + (event.key === "ArrowDown" ? 1 : -1)))];
    if (!next) return;
    event.preventDefault();
    next.focus();
    onSelect(next.dataset.key ?? "");
  }

  if (bars.length === 0)
    return <p className="text-sm text-slate-600 dark:text-slate-400">This experiment has no steps.</p>;
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: arrow keys bubble up from the bar buttons inside
    <div
      ref={listRef}
      onKeyDown={onKeyDown}
      data-testid="timeline"
      className="max-h-[28rem] overflow-y-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900"
    >
      <TimelineAxis axis={axis} started={active ? "Not started yet" : "Did not run"} />
      {STEP_LISTS.map((list) => {
        const ofList = bars.filter((b) => b.list === list);
        if (ofList.length === 0) return null;
        return (
          <section key={list} aria-label={LIST_TITLES[list]} className="px-2 py-1">
            <h3 className="px-2 pt-1 text-[11px] font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">
              {LIST_TITLES[list]}
            </h3>
            <ul>
              {ofList.map((bar) => {
                const place = placeBar(bar, axis, now);
                return (
                  <TimelineBar
                    key={bar.key}
                    barKey={bar.key}
                    label={bar.label}
                    status={bar.status}
                    duration={barDuration(bar, now)}
                    left={place?.left ?? null}
                    width={place?.width ?? null}
                    remaining={place?.remaining ?? 0}
                    selected={bar.key === selectedKey}
                    onSelect={onSelect}
                  />
                );
              })}
            </ul>
          </section>
        );
      })}
      <GuardLane record={guardRecord} axis={axis} />
    </div>
  );
}
