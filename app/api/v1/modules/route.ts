import { allow, defineRoute, json } from "@/lib/api/route";
import { catalogue } from "@/lib/modules/catalogue";
import { getToolbox } from "@/lib/plugins/toolbox";

export const { GET, POST, PUT, PATCH, DELETE } = defineRoute({
  // GET /api/v1/modules — modules, actions and their argument JSON Schemas, credential types, operators
  GET: allow("viewer", async () => json(catalogue(await getToolbox()))),
});
