import { getDb } from "@/db/client";
import { allow, defineRoute, json, readBody } from "@/lib/api/route";
import { notificationSettingsSchema } from "@/lib/notifications/schemas";
import { NotificationService } from "@/lib/notifications/service";

export const { GET, POST, PUT, PATCH, DELETE } = defineRoute({
  // GET /api/v1/notification/settings — SMTP, Slack and Grafana (secrets masked) and the last delivery per channel
  GET: allow("admin", async () => json(await new NotificationService(getDb()).settings())),
  // PUT /api/v1/notification/settings {"email": {...}, "slack": {...}, "grafana": {...}} — "*****" keeps a secret
  PUT: allow("admin", async ({ req, principal }) => {
    const input = await readBody(req, notificationSettingsSchema);
    return json(await new NotificationService(getDb()).updateSettings(input, principal.actor));
  }),
});
