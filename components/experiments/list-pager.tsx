import Link from "next/link";
import { button } from "@/components/ui/styles";
import type { ListQuery } from "./use-experiments";

/** Previous/next links that keep the search and label filter in the URL. */
export function ListPager({ query, total }: { query: ListQuery; total: number }) {
  const { limit, offset } = query;
  const href = (o: number) => {
    const qs = new URLSearchParams();
    if (query.search) qs.set("search", query.search);
    if (query.label) qs.set("label", query.label);
    qs.set("limit", String(limit));
    qs.set("offset", String(o));
    return `/experiments?${qs}`;
  };
  const first = total === 0 ? 0 : offset + 1;
  const last = Math.min(offset + limit, total);
  const prev = offset > 0 ? href(Math.max(0, offset - limit)) : null;
  const next = offset + limit < total ? href(offset + limit) : null;
  return (
    <nav aria-label="Pagination" className="flex items-center justify-between gap-4 text-sm">
      <p data-testid="pager-range" className="text-slate-600 dark:text-slate-400">
        {first}–{last} of {total}
      </p>
      <div className="flex gap-2">
        {[
          { label: "Previous", to: prev },
          { label: "Next", to: next },
        ].map(({ label, to }) =>
          to ? (
            <Link key={label} href={to} className={button.secondary}>
              {label}
            </Link>
          ) : (
            <span key={label} aria-disabled="true" className={`${button.secondary} opacity-50`}>
              {label}
            </span>
          ),
        )}
      </div>
    </nav>
  );
}
