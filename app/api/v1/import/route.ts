import { allow, defineRoute, json, queryObject, validate } from "@/lib/api/route";
import { planImport } from "@/lib/import/plan";
import { readDocument } from "@/lib/import/read";
import { importQuerySchema } from "@/lib/import/schemas";
import { getToolbox } from "@/lib/plugins/toolbox";
import { services } from "@/lib/services";

export const { GET, POST, PUT, PATCH, DELETE } = defineRoute({
  // POST /api/v1/import?dry_run= — an Eris export, a Chaos Mesh Schedule or chaos object (YAML or JSON)
  POST: allow("operator", async ({ req, url, principal }) => {
    const { dry_run } = validate(importQuerySchema, queryObject(url));
    const plan = planImport(await getToolbox(), await readDocument(req));
    const { imports } = services();
    return dry_run ? json(imports.preview(plan)) : json(await imports.apply(plan, principal.actor), 201);
  }),
});
