// GET /metrics: Prometheus text format; open, or behind ERIS_METRICS_TOKEN (lib/metrics).
import { getDb } from "@/db/client";
import { config } from "@/lib/config";
import { metricsAccess } from "@/lib/metrics/access";
import { metricsText } from "@/lib/metrics/scrape";

export const dynamic = "force-dynamic";

export async function GET(req: Request): Promise<Response> {
  const denied = metricsAccess(req, config().metricsToken);
  if (denied) return denied;
  const { contentType, body } = await metricsText(getDb());
  return new Response(body, { headers: { "content-type": contentType, "cache-control": "no-store" } });
}
