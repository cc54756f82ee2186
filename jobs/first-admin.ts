/** First run without the setup page: ERIS_ADMIN_EMAIL + ERIS_ADMIN_PASSWORD create the first admin. */
import type { DB } from "@/db/client";
import { PASSWORD_MIN } from "@/lib/auth/password";
import { createLogger } from "@/lib/log/logger";
import { UserService } from "@/lib/users/service";

export async function createFirstAdminFromEnv(
  db: DB,
  env: Record<string, string | undefined> = process.env,
): Promise<void> {
  const email = env.ERIS_ADMIN_EMAIL?.trim().toLowerCase();
  const password = env.ERIS_ADMIN_PASSWORD;
  const users = new UserService(db);
  if (!email || !password || (await users.count()) > 0) return;
  if (password.length < PASSWORD_MIN)
    throw new Error(`ERIS_ADMIN_PASSWORD must have at least ${PASSWORD_MIN} characters`);
  await users.createFirstAdmin({ email, name: "Administrator", password });
  createLogger("supervisor", { tag: "eris" }).info("created the first administrator", { email });
}
