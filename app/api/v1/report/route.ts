import { z } from "zod";
import { getDb } from "@/db/client";
import { allow, defineRoute, queryObject, validate } from "@/lib/api/route";
import { openReport } from "@/lib/reports/collect";
import { chooseFormat, renderReport } from "@/lib/reports/render";
import { isValidTimezone } from "@/lib/schedules/timezone";

const query = z.object({
  "trial-id": z.string().optional(),
  experiment: z.uuid({ error: "Must be an experiment id." }).optional(),
  schedule: z.uuid({ error: "Must be a schedule id." }).optional(),
  since: z.iso.datetime({ offset: true, error: "Enter a valid ISO-8601 date-time." }).optional(),
  until: z.iso.datetime({ offset: true, error: "Enter a valid ISO-8601 date-time." }).optional(),
  format: z.string().optional(),
  // The zone the human-readable formats show times in (the dashboard sends the reader's).
  tz: z.string().refine(isValidTimezone, { error: "Must be an IANA time zone, e.g. Europe/Paris." }).optional(),
});

export const { GET, POST, PUT, PATCH, DELETE } = defineRoute({
  // GET /api/v1/report?trial-id=|experiment=&schedule=&since=&until=&format=xml|json|html|junit|pdf|md&tz=
  GET: allow("viewer", async ({ req, url }) => {
    const q = validate(query, queryObject(url));
    const format = chooseFormat(q.format ?? null, req.headers.get("accept"));
    const groups = await openReport(getDb(), {
      trialId: q["trial-id"],
      experimentId: q.experiment,
      scheduleId: q.schedule,
      since: q.since ? Date.parse(q.since) : undefined,
      until: q.until ? Date.parse(q.until) : undefined,
    });
    const scope = q["trial-id"]
      ? `trial-${q["trial-id"].slice(0, 8)}`
      : q.experiment
        ? `experiment-${q.experiment.slice(0, 8)}`
        : "all";
    const title = process.env.ERIS_REPORT_TITLE || "Eris Report";
    return renderReport(groups, format, title, scope, q.tz ?? "UTC");
  }),
});
