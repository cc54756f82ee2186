import { getDb } from "@/db/client";
import { pageHeaders, parsePage } from "@/lib/api/paging";
import { allow, defineRoute, json } from "@/lib/api/route";
import { listAudit, toPublicAudit } from "@/lib/audit/service";

export const { GET, POST, PUT, PATCH, DELETE } = defineRoute({
  // GET /api/v1/audit — every change and signal, newest first (admins only)
  GET: allow("admin", async ({ url }) => {
    const page = parsePage(url);
    const { rows, total } = await listAudit(getDb(), page);
    return json(rows.map(toPublicAudit), 200, pageHeaders(url, page, total));
  }),
});
