import { config } from "@/lib/config";
import { MSG } from "./drf";
import { AppError, type FieldErrors } from "./errors";

/**
 * A page: Kallisti's offset paging, or (where a list supports it) a keyset cursor from the previous
 * page's `Link: rel="next"`, which costs the same however deep the page is.
 */
export type Page = { limit: number | null; offset: number; cursor?: Cursor };

/** Where the previous page ended, in the list's order: its last row's sort key and id (the tie-break). */
export type Cursor = { at: number; id: string };

export const encodeCursor = (c: Cursor) => `${c.at.toString(36)}.${c.id}`;

function decodeCursor(raw: string): Cursor | null {
  const m = /^([0-9a-z]{1,12})\.([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/.exec(raw);
  if (!m) return null;
  const c = { at: Number.parseInt(m[1], 36), id: m[2] };
  return Number.isSafeInteger(c.at) ? c : null;
}

/**
 * The LIMIT of a page's query: its limit, or every row (a page without limit may still have an
 * offset, and SQLite takes OFFSET only after a LIMIT).
 */
export const limitOf = (page: Pick<Page, "limit">) => page.limit ?? Number.MAX_SAFE_INTEGER;

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
  const rawCursor = url.searchParams.get("cursor");
  const cursor = rawCursor ? decodeCursor(rawCursor) : undefined;
  if (cursor === null) Object.assign(errors, { cursor: ["Not a cursor this list gave: use the Link header's next."] });
  if (Object.keys(errors).length) throw new AppError("validation", "Invalid paging.", { fields: errors });
  return { limit: limit as number | null, offset: (offset as number | null) ?? 0, ...(cursor ? { cursor } : {}) };
}

/**
 * `X-Total-Count` always; a `Link` header (first/prev/next/last) when the client pages. With
 * `next` (the cursor after this page's last row), the next link is a keyset cursor.
 */
export function pageHeaders(url: URL, page: Page, total: number, next?: Cursor | null): Headers {
  const headers = new Headers({ "X-Total-Count": String(total) });
  if (page.limit === null) return headers;
  const limit = page.limit;
  const link = (rel: string, at: { offset: number } | { cursor: Cursor }) => {
    const u = new URL(url);
    u.searchParams.set("limit", String(limit));
    u.searchParams.delete("offset");
    u.searchParams.delete("cursor");
    if ("cursor" in at) u.searchParams.set("cursor", encodeCursor(at.cursor));
    else u.searchParams.set("offset", String(at.offset));
    return `<${u.pathname}${u.search}>; rel="${rel}"`;
  };
  const last = Math.max(0, Math.floor((total - 1) / limit) * limit);
  const links = [link("first", { offset: 0 })];
  if (!page.cursor && page.offset > 0) links.push(link("prev", { offset: Math.max(0, page.offset - limit) }));
  if (next !== undefined) {
    if (next) links.push(link("next", { cursor: next }));
  } else if (page.offset + limit < total) {
    links.push(link("next", { offset: page.offset + limit }));
  }
  links.push(link("last", { offset: last }));
  headers.set("Link", links.join(", "));
  return headers;
}
