import Link from "next/link";
import { button } from "@/components/ui/styles";

type Props = { offset: number; limit: number; total: number; hrefFor: (offset: number) => string };

/** Previous/next links that keep the filters, so every page of the list has its own URL. */
export function LinkPager({ offset, limit, total, hrefFor }: Props) {
  const first = total === 0 ? 0 : offset + 1;
  const last = Math.min(offset + limit, total);
  const prev = offset > 0 ? hrefFor(Math.max(0, offset - limit)) : null;
  const next = offset + limit < total ? hrefFor(offset + limit) : null;
  return (
    <nav aria-label="Pagination" className="flex items-center justify-between gap-4 text-sm">
      <p data-testid="pager-range" className="text-slate-600 dark:text-slate-400">
        {first}–{last} of {total}
      </p>
      <div className="flex gap-2">
        {[
          { href: prev, label: "Previous" },
          { href: next, label: "Next" },
        ].map(({ href, label }) =>
          href ? (
            <Link key={label} href={href} className={button.secondary}>
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
