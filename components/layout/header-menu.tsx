"use client";

import { usePathname } from "next/navigation";
import { type ReactNode, useEffect, useId, useRef, useState } from "react";

/**
 * Below the `lg` breakpoint the header is one row (the name and a Menu button); the links, the
 * signal, the theme and the account open under it. From `lg` up everything shows in the row.
 * One copy of the content either way, so nothing is rendered twice.
 */
export function HeaderMenu({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const pathname = usePathname();
  const panelId = useId();
  const button = useRef<HTMLButtonElement>(null);

  // A link followed from the menu closes it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on navigation, which the pathname marks
  useEffect(() => setOpen(false), [pathname]);

  return (
    <>
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
        className="ml-auto inline-flex items-center gap-2 rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-sky-500 lg:hidden dark:border-slate-700 dark:hover:bg-slate-800"
      >
        <span aria-hidden="true" className="text-base leading-none">
          {open ? "×" : "☰"}
        </span>
        Menu
      </button>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: Escape bubbles up from the controls inside */}
      <div
        id={panelId}
        onKeyDown={(e) => {
          if (e.key !== "Escape" || !open) return;
          setOpen(false);
          button.current?.focus();
        }}
        className={`${open ? "flex" : "hidden"} w-full flex-col gap-4 border-t border-slate-200 pt-3 pb-1 lg:flex lg:w-auto lg:flex-1 lg:flex-row lg:flex-wrap lg:items-center lg:gap-x-6 lg:gap-y-2 lg:border-0 lg:p-0 dark:border-slate-800`}
      >
        {children}
      </div>
    </>
  );
}
