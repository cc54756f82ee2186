import type { ReactNode } from "react";

type Props = { title: string; testId: string; children: ReactNode; action?: ReactNode };

/** One home-page card with a heading; the section is named by it for assistive technology. */
export function Panel({ title, testId, children, action }: Props) {
  const headingId = `${testId}-title`;
  return (
    <section
      aria-labelledby={headingId}
      data-testid={testId}
      className="min-w-0 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="mb-3 flex items-baseline justify-between gap-2">
        <h2 id={headingId} className="text-base font-semibold">
          {title}
        </h2>
        {action}
      </div>
      {children}
    </section>
  );
}

type QueryLike = { isPending: boolean; isError: boolean; error: Error | null };

/** Loading, error and empty states shared by every panel; `children` renders only with data. */
export function PanelState({
  query,
  isEmpty,
  empty,
  children,
}: {
  query: QueryLike;
  isEmpty: boolean;
  empty: string;
  children: ReactNode;
}) {
  if (query.isPending) return <p className="text-sm text-slate-600 dark:text-slate-400">Loading…</p>;
  if (query.isError)
    return (
      <p role="alert" className="text-sm text-red-600 dark:text-red-400">
        Could not load: {query.error?.message}
      </p>
    );
  if (isEmpty) return <p className="text-sm text-slate-600 dark:text-slate-400">{empty}</p>;
  return <>{children}</>;
}
