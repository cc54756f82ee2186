import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "vitest";
import { ensureAuthSecret } from "./secret";

const databasePath = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), "eris-secret-")), "eris.db");

test("on SQLite, a secret is generated once and kept next to the database", () => {
  const file = databasePath();
  const first = ensureAuthSecret(file, {});
  expect(first.length).toBeGreaterThanOrEqual(32);
  expect(ensureAuthSecret(file, {})).toBe(first);
  expect(fs.statSync(path.join(path.dirname(file), "nextauth-secret")).mode & 0o777).toBe(0o600);
});

test("on PostgreSQL, replicas on other hosts share no file: NEXTAUTH_SECRET must be set", () => {
  const env = { DATABASE_URL: "postgres://eris@db.internal/eris" };
  expect(() => ensureAuthSecret(databasePath(), env)).toThrow(/set NEXTAUTH_SECRET too/);
  expect(ensureAuthSecret(databasePath(), { ...env, NEXTAUTH_SECRET: "shared" })).toBe("shared");
});
