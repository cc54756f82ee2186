/**
 * How Eris grows (`npm run bench -- scaling`): the same measurements on the embedded SQLite file
 * and on PostgreSQL (a throwaway local server, one new database per measurement), side by side:
 * the API's list and detail latency with 1,000 and 100,000 trials in the history, firing lag with
 * 10,000 armed schedules, and trials per second. Without PostgreSQL's server programs the
 * PostgreSQL column is skipped with the reason. A process speaks one dialect (db/tables.ts picks it
 * from DATABASE_URL when it starts), so the PostgreSQL column is measured by a child process.
 */
import { spawnSync } from "node:child_process";
import { createDatabase, startPostgres } from "../fixtures/postgres";
import { postgresSkipReason } from "../fixtures/postgres-binaries";
import { benchHistory } from "./history";
import { benchRunner, type RunnerFigures } from "./runner";

const SIZES = [1_000, 100_000];
/** The rows of the history benchmark the summary keeps: the lists and details users poll. */
const KEPT = ["trial list, first page", "trial list, middle page (cursor)", "trial detail", "schedule detail"];

type Column = { history: string[][]; runner: RunnerFigures };

async function measure(database: (name: string) => Promise<string | null>, label: string): Promise<Column> {
  const history = await benchHistory(SIZES, (size) => database(`history_${size}`), label);
  const runner = await benchRunner(await database("runner"), label);
  return { history, runner };
}

const COLUMN = "scaling column:";

/** The child's part: the PostgreSQL column, on databases of the server at `serverUrl`. */
export async function benchScalingColumn(serverUrl: string): Promise<void> {
  const column = await measure((name) => createDatabase(serverUrl, name), "PostgreSQL");
  console.log(`${COLUMN}${JSON.stringify(column)}`);
}

function postgresColumn(serverUrl: string): Column {
  const child = spawnSync(process.execPath, ["--import", "tsx", "e2e/bench/index.ts", "scaling-column", serverUrl], {
    env: { ...process.env, DATABASE_URL: serverUrl },
    stdio: ["ignore", "pipe", "inherit"],
    encoding: "utf8",
    maxBuffer: 64 * 2 ** 20,
  });
  const lines = child.stdout.split("\n");
  for (const l of lines) if (!l.startsWith(COLUMN)) console.log(l);
  const result = lines.find((l) => l.startsWith(COLUMN));
  if (child.status !== 0 || !result) throw new Error(`the PostgreSQL measurements failed (exit ${child.status})`);
  return JSON.parse(result.slice(COLUMN.length)) as Column;
}

export async function benchScaling(): Promise<void> {
  const columns: [string, Column][] = [["SQLite", await measure(async () => null, "SQLite")]];
  const skip = postgresSkipReason();
  if (skip) console.log(`PostgreSQL: skipped: ${skip}`);
  else {
    const server = await startPostgres({ database: "bench" });
    try {
      columns.push(["PostgreSQL", postgresColumn(server.url)]);
    } finally {
      await server.stop();
    }
  }
  const f = (x: number) => x.toFixed(1);
  console.log(`\nScaling: ${columns.map(([name]) => name).join(" vs ")} (p50 / p90 ms, or as named)`);
  for (const size of SIZES) {
    for (const name of KEPT) {
      const cells = columns.map(([, c]) => {
        const row = c.history.find((r) => r[0] === String(size) && r[1].startsWith(name));
        return row ? `${row[2]} / ${row[3]}`.padStart(15) : "".padStart(15);
      });
      console.log(`  ${size.toLocaleString("en").padStart(9)} trials  ${name.padEnd(34)}${cells.join("")}`);
    }
  }
  const line = (name: string, value: (r: RunnerFigures) => string) =>
    console.log(`  ${name.padEnd(52)}${columns.map(([, c]) => value(c.runner).padStart(15)).join("")}`);
  line("10,000 schedules: due slot → trial created, p50 / p99", (r) => `${f(r.createdP50)} / ${f(r.createdP99)}`);
  line("10,000 schedules: due slot → trial started, p50", (r) => f(r.startedP50));
  line("one-step trials per second", (r) => f(r.trialsPerSecond));
}
