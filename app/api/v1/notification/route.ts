import { getDb } from "@/db/client";
import { allow, defineRoute, json, readBody } from "@/lib/api/route";
import { putEmailsSchema } from "@/lib/notifications/schemas";
import { NotificationService } from "@/lib/notifications/service";

export const { GET, POST, PUT, PATCH, DELETE } = defineRoute({
  // GET /api/v1/notification — Kallisti's notification e-mail list: {"emails": [...]}
  GET: allow("admin", async () => json(await new NotificationService(getDb()).emails())),
  // PUT /api/v1/notification {"emails": ["sre@example.com"]} — who gets the trial e-mails
  PUT: allow("admin", async ({ req, principal }) => {
    const { emails } = await readBody(req, putEmailsSchema);
    return json(await new NotificationService(getDb()).setEmails(emails, principal.actor));
  }),
});
