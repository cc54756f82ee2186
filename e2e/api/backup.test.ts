/**
 * Backups as an operator takes them: `npm run backup -- <file>` against a running Eris whose runner is
 * running scheduled trials while API writes go on; the copy passes SQLite's integrity check, holds a
 * consistent state, and restored into a fresh Eris it serves, lists what was there and runs trials.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, expect, test } from "vitest";
import { onPostgres } from "@/e2e/fixtures/database";
import { type Eris, ensureBuilt, startEris } from "@/e2e/fixtures/eris-process";
import { until } from "@/e2e/fixtures/runner-process";

const started: Eris[] = [];
beforeAll(() => {
  if (!onPostgres) ensureBuilt();
}, 600_000);
afterAll(() => {
  for (const e of started) e.kill();
});

function npmBackup(file: string, databasePath: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const p = spawn("npm", ["run", "--silent", "backup", "--", file], {
      env: { ...process.env, DATABASE_PATH: databasePath, ERIS_LOG_LEVEL: "info" },
    });
    let out = "";
    p.stdout.on("data", (d) => (out += d));
    p.stderr.on("data", (d) => (out += d));
    p.on("exit", (code) => resolve({ code, out }));
  });
}

test.skipIf(onPostgres)("a backup taken under load restores into a working Eris", { timeout: 300_000 }, async () => {
  const eris = await startEris();
  started.push(eris);
  const db = path.join(eris.dir, "eris.db");

  // The runner at work: a trial every second; the API at work: experiments created and edited.
  const load = await eris.api("POST", "/api/v1/experiment/", {
    name: "under load",
    steps: [{ do: "cm.wait", where: { time_in_seconds: 0.3 } }],
  });
  const sched = await eris.api("POST", `/api/v1/experiment/${load.body.id}/schedule/`, {
    recurrence_pattern: "@every 1s",
    concurrency_policy: "Allow",
  });
  expect(sched.status).toBe(201);
  await until(
    "trials running",
    async () => (await eris.api("GET", "/api/v1/trial/?status=Succeeded")).body.length >= 2,
    30_000,
  );
  let writing = true;
  let writes = 0;
  const writer = (async () => {
    while (writing) {
      const e = await eris.api("POST", "/api/v1/experiment/", { name: `written ${writes}`, steps: [] });
      await eris.api("PATCH", `/api/v1/experiment/${e.body.id}/`, { description: "edited" });
      writes++;
    }
  })();
  await until("writes going on", () => writes >= 20, 30_000);

  const before = (await eris.api("GET", "/api/v1/experiment/")).body.length;
  const file = path.join(eris.dir, "backups", "eris-backup.db");
  const backup = await npmBackup(file, db);
  const after = (await eris.api("GET", "/api/v1/experiment/")).body.length;
  writing = false;
  await writer;
  expect(backup.code, backup.out).toBe(0);
  const written = /backup written file=(\S+) bytes=(\d+) pages=(\d+) ms=(\d+)/.exec(backup.out);
  expect(written, backup.out).not.toBeNull();
  console.log(
    `backup under load: ${written?.[2]} bytes, ${written?.[3]} pages, ${written?.[4]} ms; ${writes} API write pairs meanwhile`,
  );
  expect(fs.readdirSync(path.dirname(file))).toEqual(["eris-backup.db"]); // no partial file left

  // The copy is one consistent instant: every trial's experiment is there, nothing half-written.
  const copy = new Database(file, { readonly: true });
  expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
  expect(copy.pragma("foreign_key_check")).toEqual([]);
  const live = (copy.prepare("select count(*) n from experiments where deleted_at is null").get() as { n: number }).n;
  expect(live).toBeGreaterThanOrEqual(before);
  expect(live).toBeLessThanOrEqual(after);
  copy.close();

  // Restore: stop using it, put the file at DATABASE_PATH of a fresh Eris, start.
  eris.kill();
  const restoredDir = fs.mkdtempSync(path.join(path.dirname(eris.dir), "eris-restored-"));
  fs.copyFileSync(file, path.join(restoredDir, "eris.db"));
  const restored = await startEris({ DATABASE_PATH: path.join(restoredDir, "eris.db") });
  started.push(restored);
  const names = (await restored.api("GET", "/api/v1/experiment/")).body.map((e: { name: string }) => e.name);
  expect(names).toContain("under load");
  expect(names).toContain("written 0");
  // Nothing stays running from the instant of the copy: the new runner rolls such trials back.
  await until(
    "no trial left in progress",
    async () => (await restored.api("GET", "/api/v1/trial/?status=In%20Progress")).body.length === 0,
    30_000,
  );
  const t = await restored.api("POST", "/api/v1/trial/", { experiment: load.body.id });
  const done = await until(
    "the new trial ends",
    async () => {
      const r = (await restored.api("GET", `/api/v1/trial/${t.body.id}/`)).body;
      return ["Succeeded", "Failed"].includes(r.status) ? r : null;
    },
    30_000,
  );
  expect(done.status).toBe("Succeeded");
});

test.skipIf(onPostgres)("the backup command refuses to overwrite the database and explains its use", async () => {
  const db = path.join(fs.mkdtempSync(path.join(process.env.TMPDIR ?? "/tmp", "eris-bk-")), "eris.db");
  new Database(db).close();
  expect((await npmBackup(db, db)).out).toContain("the backup must not replace the database");
  const usage = await new Promise<string>((resolve) => {
    const p = spawn("npm", ["run", "--silent", "backup"], { env: process.env });
    let out = "";
    p.stderr.on("data", (d) => (out += d));
    p.on("exit", () => resolve(out));
  });
  expect(usage).toContain("usage: npm run backup -- <file>");
});

test.runIf(onPostgres)("on PostgreSQL, the backup command leaves the copy to PostgreSQL's own tools", async () => {
  const out = await npmBackup(path.join(process.env.TMPDIR ?? "/tmp", "never-written.db"), "unused");
  expect(out.code).toBe(2);
  expect(out.out).toContain("back PostgreSQL up with its own tools (pg_dump");
});
