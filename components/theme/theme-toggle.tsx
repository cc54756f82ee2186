"use client";

import { THEMES, type Theme } from "./theme-script";
import { useTheme } from "./use-theme";

const LABEL: Record<Theme, string> = { light: "Light", dark: "Dark", system: "System" };

/** Three pressed-state buttons rather than a cycling icon, so the current choice is always readable. */
export function ThemeToggle() {
  const { theme, setTheme } = useTheme();
  return (
    <fieldset className="m-0 flex min-w-0 items-center border-0 p-0 text-xs">
      <legend className="sr-only">Theme</legend>
      <div className="flex overflow-hidden rounded-md border border-slate-300 dark:border-slate-700">
        {THEMES.map((t) => (
          <button
            key={t}
            type="button"
            data-testid={`theme-${t}`}
            aria-pressed={theme === t}
            title={`Use the ${LABEL[t].toLowerCase()} theme`}
            onClick={() => setTheme(t)}
            className="border-l border-slate-300 px-2 py-0.5 font-medium first:border-l-0 hover:bg-slate-100 focus-visible:relative focus-visible:outline-2 focus-visible:outline-sky-500 aria-pressed:bg-slate-900 aria-pressed:text-white dark:border-slate-700 dark:hover:bg-slate-800 dark:aria-pressed:bg-slate-100 dark:aria-pressed:text-slate-900"
          >
            {LABEL[t]}
          </button>
        ))}
      </div>
    </fieldset>
  );
}
