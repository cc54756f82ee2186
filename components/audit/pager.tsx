import Link from "next/link";
import { button } from "@/components/ui/styles";

type Props = { limit: number; offset: number; total: number; basePath: string };

/** Previous/next links carrying ?limit=&offset=, so every page of the log has its own URL. */
export function Pager({ limit, offset, total, basePath }: Props) {
  const first = total === 0 ? 0 : offset + 1;
  const last = Math.min(offset + limit, total);
  const href = (o: number) => `${basePath}?limit=${limit}&offset=${o}`;
  const prev = offset > 0 ? href(Math.max(0, offset - limit)) : null;
  const next = offset + limit < total ? href(offset + limit) : null;
  return (
    <nav aria-label="Pagination" className="flex items-center justify-between gap-4 text-sm">
      <p data-testid="pager-range" className="text-slate-600 dark:text-slate-400">
        {first}–{last} of {total}
      </p>
      <div className="flex gap-2">
        <PagerLink href={prev} label="Previous" />
        <PagerLink href={next} label="Next" />
      </div>
    </nav>
  );
}

function PagerLink({ href, label }: { href: string | null; label: string }) {
  if (!href)
    return (
      <span aria-disabled="true" className={`${button.secondary} opacity-50`}>
        {label}
      </span>
    );
  return (
    <Link href={href} className={button.secondary}>
      {label}
    </Link>
  );
}
