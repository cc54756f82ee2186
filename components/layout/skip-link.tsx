/**
 * The first thing Tab reaches on every page: jumps past the header to the page's content. <main>
 * has tabIndex -1, so following the fragment moves the focus there, not only the scroll position.
 */
export function SkipLink() {
  return (
    <a
      href="#main"
      className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded-md focus:bg-white focus:px-3 focus:py-2 focus:text-sm focus:font-medium focus:text-slate-900 focus:shadow-lg focus:outline-2 focus:outline-sky-600"
    >
      Skip to content
    </a>
  );
}
