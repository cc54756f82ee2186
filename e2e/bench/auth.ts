/**
 * Access benchmark: the cost of a password check (scrypt, deliberately slow) and of authenticating
 * a request by API token (a SHA-256 and one indexed lookup), in-process on a temp database.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pct } from "./proc";

export async function benchAuth(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "eris-bench-auth-"));
  process.env.DATABASE_PATH = path.join(dir, "eris.db");
  const { getDb, migrateDb } = await import("@/db/client");
  migrateDb(getDb());
  const { UserService } = await import("@/lib/users/service");
  const { hashPassword, verifyPassword } = await import("@/lib/auth/password");
  const { authenticate } = await import("@/lib/auth/authenticate");
  const users = new UserService(getDb());
  const u = await users.create(
    { email: "bench@eris.test", name: "", password: "a long bench password", role: "operator" },
    "bench",
  );
  const { raw } = await users.createToken(u.id, "bench", null, "bench");

  const time = async (n: number, fn: () => Promise<unknown>) => {
    const ms: number[] = [];
    for (let i = 0; i < n; i++) {
      const t = performance.now();
      await fn();
      ms.push(performance.now() - t);
    }
    return `p50 ${pct(ms, 50).toFixed(2)} ms  p99 ${pct(ms, 99).toFixed(2)} ms`;
  };
  const stored = await hashPassword("a long bench password");
  console.log("Access benchmark (in-process)");
  console.log(`  password hash (scrypt N=2^15):  ${await time(20, () => hashPassword("x".repeat(16)))}`);
  console.log(
    `  password check:                 ${await time(20, () => verifyPassword("a long bench password", stored))}`,
  );
  const req = () => new Request("http://eris.test/api/v1/auth/me", { headers: { authorization: `Bearer ${raw}` } });
  console.log(`  authenticate by API token:      ${await time(2000, () => authenticate(req()))}`);
  fs.rmSync(dir, { recursive: true, force: true });
}
