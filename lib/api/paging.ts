import { config } from "@/lib/config";
import { MSG } from "./drf";
import { AppError, type FieldErrors } from "./errors";

export type Page = { limit: number | null; offset: number };

function intParam(url: URL, name: string, min: number, max: number): number | null | FieldErrors {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === "") return null;
  if (!/^\d+$/.test(raw)) return { [name]: [MSG.integer] };
  const n = Number(raw);
  if (n < min) return { [name]: [MSG.minValue(min)] };
  if (n > max) return { [name]: [MSG.maxValue(max)] };
  return n;
}

/** `?limit=&offset=`; without `limit` a list returns every row, as Kallisti's unpaginated lists do. */
export function parsePage(url: URL): Page {
  const limit = intParam(url, "limit", 1, config().maxPageSize);
  const offset = intParam(url, "offset", 0, Number.MAX_SAFE_INTEGER);
  const errors = { ...(typeof limit === "object" ? limit : {}), ...(typeof offset === "object" ? offset : {}) };
  if (Object.keys(errors).length) throw new AppError("validation", "Invalid paging.", { fields: errors });
  return { limit: limit as number | null, offset: (offset as number | null) ?? 0 };
}

/** `X-Total-Count` always; a `Link` header (first/prev/next/last) when the client pages. */
export function pageHeaders(url: URL, page: Page, total: number): Headers {
  const headers = new Headers({ "X-Total-Count": String(total) });
  if (page.limit === null) return headers;
  const limit = page.limit;
  const link = (offset: number, rel: string) => {
    const u = new URL(url);
    u.searchParams.set("limit", String(limit));
    u.searchParams.set("offset", String(offset));
    return `<${u.pathname}${u.search}>; rel="${rel}"`;
  };
  const last = Math.max(0, Math.floor((total - 1) / limit) * limit);
  const links = [link(0, "first")];
  if (page.offset > 0) links.push(link(Math.max(0, page.offset - limit), "prev"));
  if (page.offset + limit < total) links.push(link(page.offset + limit, "next"));
  links.push(link(last, "last"));
  headers.set("Link", links.join(", "));
  return headers;
}
