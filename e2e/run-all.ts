/**
 * `npm test`: unit + integration (vitest) and end-to-end (Playwright in Chromium), then one line
 * `N passed, N failed` summing every suite. Exits non-zero if anything failed or a suite crashed.
 *
 * The database suites run twice: on SQLite (every vitest suite), then on a throwaway PostgreSQL
 * server (the suites that touch the database: API, runner and jobs, database, domain services);
 * the browser suite runs once, on PostgreSQL. Without PostgreSQL's server programs the PostgreSQL
 * passes are skipped with a notice (and the browser suite runs on SQLite), except under CI, where
 * that is a failure.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createDatabase, startPostgres } from "./fixtures/postgres";
import { postgresSkipReason } from "./fixtures/postgres-binaries";

type Counts = { passed: number; failed: number; skipped: number; crashed: boolean };

function run(name: string, command: string, args: string[], env: Record<string, string> = {}): number {
  console.log(`\n=== ${name}: ${command} ${args.join(" ")}`);
  const r = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  return r.status ?? 1;
}

function readJson(file: string): any {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

/** The vitest suites that reach the database: run again on PostgreSQL. */
const DATABASE_SUITES = [
  "e2e/api",
  "jobs",
  "db",
  ...["audit", "auth", "blackout", "experiments", "global-guards", "import", "metrics", "notifications"].map(
    (d) => `lib/${d}/`,
  ),
  ...["reports", "runner", "schedules", "signal", "trials", "users"].map((d) => `lib/${d}/`),
];

function vitest(name: string, filters: string[] = [], env: Record<string, string> = {}): Counts {
  const out = ".vitest-results.json";
  fs.rmSync(out, { force: true });
  const code = run(
    name,
    process.execPath,
    [
      "node_modules/vitest/vitest.mjs",
      "run",
      "--reporter=default",
      "--reporter=json",
      `--outputFile=${out}`,
      ...filters,
    ],
    env,
  );
  const r = readJson(out);
  if (!r) return { passed: 0, failed: 0, skipped: 0, crashed: true };
  const failedSuites = (r.testResults ?? []).filter(
    (f: any) => f.status === "failed" && !(f.assertionResults ?? []).some((a: any) => a.status === "failed"),
  ).length;
  return {
    passed: r.numPassedTests,
    failed: r.numFailedTests + failedSuites,
    skipped: r.numPendingTests + r.numTodoTests,
    crashed: code !== 0 && r.numFailedTests === 0 && failedSuites === 0,
  };
}

function playwright(env: Record<string, string>): Counts {
  const out = ".playwright-results.json";
  fs.rmSync(out, { force: true });
  const code = run(
    `end-to-end${env.DATABASE_URL ? " (PostgreSQL)" : ""}`,
    process.execPath,
    ["node_modules/@playwright/test/cli.js", "test", "--reporter=list,json"],
    { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: out },
  );
  const r = readJson(out);
  if (!r?.stats) return { passed: 0, failed: 0, skipped: 0, crashed: true };
  const { expected, unexpected, flaky, skipped } = r.stats;
  const errors = (r.errors ?? []).length;
  return {
    passed: expected + flaky,
    failed: unexpected + errors,
    skipped,
    crashed: code !== 0 && unexpected + errors === 0,
  };
}

/** The web build the supervisor tests and the browser tests start (once, before either runs). */
function build(): Counts {
  const code = run("build", process.execPath, ["jobs/launch.mjs", "build"]);
  return { passed: 0, failed: code === 0 ? 0 : 1, skipped: 0, crashed: false };
}

const skipped = (why: string): Counts => {
  console.log(`\n=== PostgreSQL: ${process.env.CI ? "FAILED" : "skipped"}: ${why}`);
  return { passed: 0, failed: process.env.CI ? 1 : 0, skipped: 0, crashed: false };
};

async function onPostgres(unitOnly: boolean): Promise<Counts[]> {
  const reason = postgresSkipReason();
  if (reason) return [skipped(reason), ...(unitOnly ? [] : [playwright({})])];
  const server = await startPostgres({ database: "postgres_tests" });
  try {
    const serverUrl = server.url;
    const suites = [vitest("unit + integration on PostgreSQL", DATABASE_SUITES, { ERIS_TEST_POSTGRES: serverUrl })];
    if (!unitOnly) suites.push(playwright({ DATABASE_URL: await createDatabase(serverUrl, "eris_browser") }));
    return suites;
  } finally {
    await server.stop();
  }
}

const unitOnly = process.argv.includes("--unit-only");
const suites = [
  ...(unitOnly ? [] : [build()]),
  vitest("unit + integration on SQLite"),
  ...(await onPostgres(unitOnly)),
];
const total = suites.reduce(
  (a, s) => ({ passed: a.passed + s.passed, failed: a.failed + s.failed, skipped: a.skipped + s.skipped }),
  { passed: 0, failed: 0, skipped: 0 },
);
const crashed = suites.some((s) => s.crashed);
if (crashed) console.log("A test suite did not complete (see its output above).");
console.log(
  `\n${total.passed} passed, ${total.failed + (crashed ? 1 : 0)} failed${total.skipped ? `, ${total.skipped} skipped` : ""}`,
);
process.exit(total.failed || crashed ? 1 : 0);
