"use client";

import { useEffect, useRef, useState } from "react";
import { formatDuration } from "./format";
import { TIMELINE_COLUMNS } from "./timeline-bar";
import type { Axis } from "./timeline-model";

/** Room one "+12.3 s" label needs, so labels never run into each other on a narrow axis. */
const LABEL_PX = 64;

/** As many evenly spaced ticks (0 to 1) as the axis's width has room for: 2, 3 or 5. */
function ticksFor(width: number): number[] {
  if (width >= LABEL_PX * 5) return [0, 0.25, 0.5, 0.75, 1];
  if (width >= LABEL_PX * 3) return [0, 0.5, 1];
  return [0, 1];
}

/** The sticky row above the bars: column titles and the time axis's tick labels. */
export function TimelineAxis({ axis, started }: { axis: Axis | null; started: string }) {
  const track = useRef<HTMLSpanElement>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = track.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => setWidth(entry.contentRect.width));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return (
    <div
      className={`sticky top-0 z-10 grid ${TIMELINE_COLUMNS} gap-3 border-b border-slate-200 bg-white px-4 py-1 text-[11px] text-slate-600 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-400`}
    >
      <span>{axis ? "Step" : started}</span>
      <span ref={track} className="relative h-4">
        {axis &&
          width > 0 &&
          ticksFor(width).map((t) => (
            <span
              key={t}
              className="absolute -translate-x-1/2 whitespace-nowrap tabular-nums last:-translate-x-full first:translate-x-0"
              style={{ left: `${t * 100}%` }}
            >
              +{formatDuration(axis.span * t)}
            </span>
          ))}
      </span>
      <span className="text-right">Duration</span>
    </div>
  );
}
