/**
 * Failover on PostgreSQL: two whole Eris instances (each `npm start`: supervisor, web server and
 * runner, as on two hosts) share one PostgreSQL database. The one whose runner runs a trial dies
 * at once (every process of it killed with SIGKILL, as when its node is lost); the other's standby
 * runner takes the lease over within the lease time and rolls the trial back exactly once, while
 * the surviving web server keeps answering. A local HTTP server counts every rollback step.
 * Runs in the PostgreSQL pass of `npm test` (ERIS_TEST_POSTGRES); skipped on SQLite.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, test } from "vitest";
import { type Eris, ensureBuilt, startEris, watchHealth } from "@/e2e/fixtures/eris-process";
import { createDatabase } from "@/e2e/fixtures/postgres";
import { until } from "@/e2e/fixtures/runner-process";

const server = process.env.ERIS_TEST_POSTGRES;
const LEASE_MS = 3000;
const hits = new Map<string, number>();
let probe: http.Server;
let base = "";
const instances: Eris[] = [];

beforeAll(async () => {
  if (!server) return;
  ensureBuilt();
  probe = http.createServer((req, res) => {
    hits.set(req.url ?? "", (hits.get(req.url ?? "") ?? 0) + 1);
    res.end("ok");
  });
  await new Promise<void>((r) => probe.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(probe.address() as AddressInfo).port}`;
}, 300_000);

afterAll(() => {
  for (const eris of instances) eris.kill();
  probe?.close();
});

test.skipIf(!server)(
  "the active instance dies mid-trial: the other one's runner takes over within the lease and rolls back once",
  async () => {
    const env = {
      DATABASE_URL: await createDatabase(server as string, `failover_${process.pid}`),
      NEXTAUTH_SECRET: "one-secret-shared-by-every-replica",
      ERIS_RUNNER_LEASE_MS: String(LEASE_MS),
      ERIS_RUNNER_HEARTBEAT_MS: "300",
    };
    const a = await startEris(env);
    instances.push(a);
    const b = await startEris(env, { waitForRunner: false });
    instances.push(b);
    await until("B's runner on standby", () => b.logs().includes("waiting for the lease"), 30_000);

    const experiment = await b.api<{ id: string }>("POST", "/api/v1/experiment", {
      name: "failover",
      steps: [{ do: "cm.wait", where: { time_in_seconds: 60 } }],
      post_steps: [
        { do: "cm.http_probe", where: { url: `${base}/rollback/begin` } },
        { do: "cm.wait", where: { time_in_seconds: 1 } },
        { do: "cm.http_probe", where: { url: `${base}/rollback/end` } },
      ],
    });
    expect(experiment.status).toBe(201);
    const created = await b.api<{ id: string }>("POST", "/api/v1/trial", { experiment: experiment.body.id });
    expect(created.status).toBe(201);
    const trial = (id: string) => b.api<{ status: string; status_reason?: string }>("GET", `/api/v1/trial/${id}`);
    await until("the trial running on A", () => a.logs().includes("trial started"), 30_000);
    await until("A's step running", async () => (await trial(created.body.id)).body.status === "In Progress", 30_000);

    const health = watchHealth(b.base, 100);
    const killedAt = Date.now();
    a.kill();
    await a.exited;
    await until("B's runner holding the lease", () => b.logs().includes("lease acquired"), 20_000);
    const tookOverMs = Date.now() - killedAt;
    const done = await until(
      "the trial rolled back",
      async () => {
        const t = (await trial(created.body.id)).body;
        return !["Scheduled", "In Progress", "Stop Initiated"].includes(t.status) && t;
      },
      30_000,
    );
    const rolledBackMs = Date.now() - killedAt;
    await new Promise((r) => setTimeout(r, 2000)); // a second rollback would show up here
    const { checks, failures } = await health.stop();

    console.log(`failover: lease taken over after ${tookOverMs} ms, trial rolled back after ${rolledBackMs} ms`);
    expect(tookOverMs).toBeLessThan(LEASE_MS + 5000);
    expect(done.status).toBe("Failed");
    expect(done.status_reason).toBe("runner interrupted");
    expect(hits.get("/rollback/begin")).toBe(1);
    expect(hits.get("/rollback/end")).toBe(1);
    expect(b.logs().match(/recovering trial/g)).toHaveLength(1);
    expect(checks).toBeGreaterThan(10);
    expect(failures).toBe(0);
  },
  180_000,
);
