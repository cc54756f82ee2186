import { LinkPager } from "@/components/ui/link-pager";
import type { ListQuery } from "./use-experiments";

/** Previous/next links that keep the search and label filter in the URL. */
export function ListPager({ query, total }: { query: ListQuery; total: number }) {
  const hrefFor = (offset: number) => {
    const qs = new URLSearchParams();
    if (query.search) qs.set("search", query.search);
    if (query.label) qs.set("label", query.label);
    qs.set("limit", String(query.limit));
    qs.set("offset", String(offset));
    return `/experiments?${qs}`;
  };
  return <LinkPager offset={query.offset} limit={query.limit} total={total} hrefFor={hrefFor} />;
}
