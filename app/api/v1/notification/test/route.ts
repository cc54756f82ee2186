import { getDb } from "@/db/client";
import { allow, defineRoute, json, readBody } from "@/lib/api/route";
import { config } from "@/lib/config";
import { Notifier } from "@/lib/notifications/deliver";
import { sendTestSchema } from "@/lib/notifications/schemas";

export const { GET, POST, PUT, PATCH, DELETE } = defineRoute({
  // POST /api/v1/notification/test {"channel": "email"|"slack"|"grafana"} — one delivery now; `ok` and `error` say how it went
  POST: allow("admin", async ({ req }) => {
    const { channel } = await readBody(req, sendTestSchema);
    const notifier = new Notifier(getDb(), { publicUrl: config().publicUrl });
    const result = await notifier.test(channel, AbortSignal.timeout(30_000));
    return json({ channel, ...result });
  }),
});
