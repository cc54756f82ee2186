/** Shared Tailwind class lists, so every form and table in the dashboard looks the same. */
const base =
  "inline-flex items-center justify-center gap-1 rounded-md px-3 py-1.5 text-sm font-medium transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500 disabled:cursor-not-allowed disabled:opacity-50";

export const button = {
  primary: `${base} bg-slate-900 text-white hover:bg-slate-700 dark:bg-slate-100 dark:text-slate-900 dark:hover:bg-white`,
  secondary: `${base} border border-slate-300 bg-white text-slate-700 hover:bg-slate-100 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200 dark:hover:bg-slate-800`,
  danger: `${base} bg-red-600 text-white hover:bg-red-500`,
};

export const input =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm shadow-sm placeholder:text-slate-400 focus:border-sky-500 focus:outline-none focus:ring-2 focus:ring-sky-500/30 aria-[invalid=true]:border-red-500 dark:border-slate-700 dark:bg-slate-900";

export const card = "rounded-lg border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900";

export const table = {
  // `relative` keeps a visually hidden header cell (absolutely positioned) inside the scroll box;
  // without it, it hangs off the page's right edge at phone width and the page scrolls sideways.
  wrap: "relative overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900",
  table: "min-w-full divide-y divide-slate-200 text-left text-sm dark:divide-slate-800",
  th: "px-4 py-2 text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400",
  td: "px-4 py-2 align-middle",
  row: "divide-y divide-slate-100 dark:divide-slate-800",
};

/**
 * Tables whose rows become cards below `md`, for lists with actions (schedules, users, tokens): each
 * cell shows its column's name from `data-label`, and the row's buttons stay on screen.
 */
export const stacked = {
  table: `${table.table} max-md:block`,
  head: "max-md:sr-only",
  body: `${table.row} max-md:block`,
  row: "max-md:block max-md:py-2",
  cell: `${table.td} max-md:flex max-md:items-baseline max-md:gap-3 max-md:py-1 max-md:before:w-28 max-md:before:shrink-0 max-md:before:text-xs max-md:before:font-semibold max-md:before:uppercase max-md:before:tracking-wide max-md:before:text-slate-600 max-md:before:content-[attr(data-label)] dark:max-md:before:text-slate-400`,
  actions: `${table.td} max-md:flex max-md:justify-start max-md:py-2`,
};
