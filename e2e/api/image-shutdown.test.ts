/**
 * Eris as the container image runs it (JSON logs, so the children's output goes through the
 * supervisor): when the supervisor is killed, the children's log pipes close with it, and the runner
 * must still roll the running trial back, write it Stopped and exit, with nothing left running.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import Database from "better-sqlite3";
import { beforeAll, expect, test } from "vitest";
import { alive, descendants, ensureBuilt } from "@/e2e/fixtures/eris-process";
import { startImage } from "@/e2e/fixtures/image-process";
import { until } from "@/e2e/fixtures/runner-process";

beforeAll(() => ensureBuilt(), 600_000);

test("with JSON logs, a killed supervisor still gets the running trial rolled back, and nothing is left running", {
  timeout: 120_000,
}, async () => {
  let rollbacks = 0;
  const probe = http.createServer((_req, res) => {
    rollbacks++;
    res.end("ok");
  });
  await new Promise<void>((r) => probe.listen(0, "127.0.0.1", r));
  const probeUrl = `http://127.0.0.1:${(probe.address() as AddressInfo).port}/rollback`;
  const second = await startImage();
  try {
    const exp = await second.call("POST", "/api/v1/experiment/", {
      name: "orphaned",
      steps: [{ do: "cm.wait", where: { time_in_seconds: 60 } }],
      post_steps: [{ do: "cm.http_probe", where: { url: probeUrl } }],
    });
    const t = await second.call("POST", "/api/v1/trial/", { experiment: exp.body.id });
    await until(
      "running",
      async () => (await second.call("GET", `/api/v1/trial/${t.body.id}/`)).body.status === "In Progress",
    );
    const tree = descendants(second.proc.pid as number);
    // The supervisor dies; its children's output pipes close with it.
    process.kill(second.proc.pid as number, "SIGKILL");
    await until("every process gone", () => tree.every((p) => !alive(p)), 60_000);
    const row = new Database(path.join(second.dir, "eris.db"), { readonly: true })
      .prepare("select status, status_reason from trials where id = ?")
      .get(t.body.id) as { status: string; status_reason: string };
    expect(row.status).toBe("Stopped");
    expect(row.status_reason).toContain("supervisor gone");
    expect(rollbacks).toBe(1);
  } finally {
    probe.close();
    try {
      process.kill(-(second.proc.pid as number), "SIGKILL");
    } catch {} // already gone, as it should be
  }
});
