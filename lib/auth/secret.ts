/**
 * NEXTAUTH_SECRET signs sessions. When the operator sets none, one is generated on first start and
 * kept next to the database (mode 0600), so `npm install && npm start` just works and sessions
 * survive restarts. On PostgreSQL (DATABASE_URL) every replica must sign with the same secret, and
 * no file is shared between hosts: the operator sets it, or Eris does not start.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export function ensureAuthSecret(databasePath: string, env: Record<string, string | undefined> = process.env): string {
  if (env.NEXTAUTH_SECRET) return env.NEXTAUTH_SECRET;
  if (env.DATABASE_URL) {
    throw new Error(
      "With DATABASE_URL set, set NEXTAUTH_SECRET too, to the same value on every Eris replica " +
        "(for example the output of `openssl rand -base64 32`): sessions signed by one replica are read by the others.",
    );
  }
  const file = path.join(path.dirname(databasePath), "nextauth-secret");
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  const secret = randomBytes(32).toString("base64url");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
