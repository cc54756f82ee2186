import { allow, defineRoute, queryObject, validate } from "@/lib/api/route";
import { exportExperiment } from "@/lib/import/export";
import { exportQuerySchema } from "@/lib/import/schemas";
import { services } from "@/lib/services";

export const { GET, POST, PUT, PATCH, DELETE } = defineRoute<{ id: string }>({
  // GET /api/v1/experiment/{id}/export?format=json|yaml|chaos-mesh
  GET: allow("viewer", async ({ req, url, params }) => {
    const { format } = validate(exportQuerySchema, queryObject(url));
    const { experiments, schedules } = services();
    const experiment = await experiments.get(params.id);
    const live = (await schedules.list(params.id, { limit: null, offset: 0 })).rows;
    const out = exportExperiment(experiment, live, format, req.headers.get("accept") ?? "");
    return new Response(out.text, {
      headers: {
        "content-type": `${out.type}; charset=utf-8`,
        "content-disposition": `attachment; filename="${out.filename}"`,
      },
    });
  }),
});
