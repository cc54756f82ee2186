/**
 * The `eris` CLI end to end, as a CI job uses it: the real bin against a running Eris (`npm start`).
 * apply twice reports "unchanged"; edits update and omitted fields do not survive; schedules are
 * matched by pattern and zone and removed only with --prune; a shared name is refused; run --follow
 * prints the timeline, writes the JUnit report and exits non-zero on a failing trial; export, get,
 * stop and signal; the prebuilt bundle runs with plain node.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { type Eris, ensureBuilt, startEris } from "@/e2e/fixtures/eris-process";
import { SEED_001_SCHEDULE } from "@/e2e/fixtures/seed-001";

let eris: Eris;
let target: http.Server;
let targetUrl = "";
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "eris-cli-"));

beforeAll(async () => {
  ensureBuilt();
  eris = await startEris();
  target = http.createServer((req, res) => res.writeHead(req.url === "/down" ? 503 : 200).end("ok"));
  await new Promise<void>((r) => target.listen(0, "127.0.0.1", r));
  targetUrl = `http://127.0.0.1:${(target.address() as AddressInfo).port}`;
}, 600_000);
afterAll(() => {
  eris?.kill();
  target?.close();
});

type Result = { code: number | null; out: string; err: string };
function cli(args: string[], env: Record<string, string> = {}, bin = "jobs/cli/eris.mjs"): Promise<Result> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [bin, ...args], {
      env: {
        PATH: process.env.PATH ?? "",
        HOME: dir,
        ERIS_URL: eris.base,
        ERIS_TOKEN: eris.token(),
        ...env,
      } as unknown as NodeJS.ProcessEnv,
    });
    let out = "";
    let err = "";
    p.stdout.on("data", (d) => (out += d));
    p.stderr.on("data", (d) => (err += d));
    p.on("exit", (code) => resolve({ code, out, err }));
  });
}

const write = (name: string, text: string) => {
  fs.writeFileSync(path.join(dir, name), text);
  return path.join(dir, name);
};

const CHECKOUT = (description: string, extra = "") => `
name: checkout survives a pod kill
description: ${description}
parameters:
  region: eu-west-1
steps:
  - step: Probe checkout
    do: cm.http_probe
    where: {url: "${targetUrl}/up"}
guards:
  - name: health
    do: cm.http_probe
    where: {url: "${targetUrl}/up"}
    interval_seconds: 5
schedules:
  - recurrence_pattern: "0 9 * * 1-5"
    timezone: Europe/Paris
    history_limit: 10
  - recurrence_pattern: "@every 1h"
    paused: true
${extra}`;

test("apply creates, then reports unchanged; an edit updates and what the file omits does not survive", async () => {
  const files = path.join(dir, "experiments");
  fs.mkdirSync(files);
  fs.writeFileSync(path.join(files, "checkout.yaml"), CHECKOUT("first"));
  fs.writeFileSync(path.join(files, "search.json"), JSON.stringify([{ name: "search stays up", steps: [] }]));
  fs.writeFileSync(path.join(files, "notes.txt"), "not an experiment");

  const started = Date.now();
  const first = await cli(["apply", "-f", files]);
  const firstMs = Date.now() - started;
  expect(first.code, first.err).toBe(0);
  expect(first.out).toMatch(/experiment "checkout survives a pod kill" created \([0-9a-f-]{36}\)/);
  expect(first.out).toContain("schedule 0 9 * * 1-5 (Europe/Paris) created");
  expect(first.out).toContain("schedule @every 1h (UTC) created");
  expect(first.out).toMatch(/experiment "search stays up" created/);

  const t0 = Date.now();
  const second = await cli(["apply", "-f", files]);
  console.log(`eris apply: first ${firstMs} ms, second (unchanged) ${Date.now() - t0} ms`);
  expect(second.code, second.err).toBe(0);
  expect(second.out.trim().split("\n")).toEqual([
    'experiment "checkout survives a pod kill" unchanged',
    "  schedule 0 9 * * 1-5 (Europe/Paris) unchanged",
    "  schedule @every 1h (UTC) unchanged",
    'experiment "search stays up" unchanged',
  ]);

  // The edit drops the parameters and the @every schedule, and changes a schedule's history limit.
  const edited = CHECKOUT("second")
    .replace("parameters:\n  region: eu-west-1\n", "")
    .replace("history_limit: 10", "history_limit: 5");
  const file = write("checkout.yaml", edited.replace(/ {2}- recurrence_pattern: "@every 1h"\n {4}paused: true\n/, ""));
  const third = await cli(["apply", "-f", file]);
  expect(third.out).toContain('experiment "checkout survives a pod kill" updated (revision 2)');
  expect(third.out).toContain("schedule 0 9 * * 1-5 (Europe/Paris) updated");
  expect(third.out).toContain("schedule @every 1h (UTC) kept (not in the file; --prune deletes it)");
  const [exp] = (await eris.api("GET", `/api/v1/experiment/?search=${encodeURIComponent("checkout survives")}`)).body;
  expect(exp.parameters).toEqual({});
  expect(exp.description).toBe("second");

  const pruned = await cli(["apply", "-f", file, "--prune"]);
  expect(pruned.out).toContain("schedule @every 1h (UTC) deleted");
  const schedules = (await eris.api("GET", `/api/v1/experiment/${exp.id}/schedule/`)).body;
  expect(schedules.map((s: { history_limit: number }) => s.history_limit)).toEqual([5]);
  expect((await cli(["apply", "-f", file, "--prune"])).out).toContain("schedule 0 9 * * 1-5 (Europe/Paris) unchanged");
});

test("apply refuses a name shared by two live experiments and lists their ids; bad files are named", async () => {
  const a = await eris.api("POST", "/api/v1/experiment/", { name: "twins", steps: [] });
  const b = await eris.api("POST", "/api/v1/experiment/", { name: "twins", steps: [] });
  const res = await cli(["apply", "-f", write("twins.yaml", "name: twins\nsteps: []\n")]);
  expect(res.code).toBe(1);
  expect(res.out).toContain(`2 live experiments have this name (${b.body.id}, ${a.body.id})`);

  // A Chaos Mesh Schedule without what Chaos Mesh requires: the server's message names the field.
  const mesh = write("mesh.yaml", "apiVersion: chaos-mesh.org/v1alpha1\nkind: Schedule\nmetadata: {name: x}\n");
  const refused = await cli(["apply", "-f", mesh]);
  expect(refused.code).toBe(1);
  expect(refused.out).toContain('experiment "x"');
  expect(refused.out).toContain("spec");
  const invalid = await cli(["apply", "-f", write("bad.yaml", "name: bad step\nsteps:\n  - do: nothing\n")]);
  expect(invalid.code).toBe(1);
  expect(invalid.out).toContain('experiment "bad step"');
  expect(invalid.out).toContain("steps");
  const noToken = await cli(["get", "experiments"], { ERIS_TOKEN: "" });
  expect(noToken.code).toBe(2);
  expect(noToken.err).toContain("no API token");
});

test("apply takes Chaos Mesh's own Schedule YAML (seed 001): created with its schedule, then unchanged", async () => {
  const file = write("seed-001.yaml", SEED_001_SCHEDULE);
  const first = await cli(["apply", "-f", file]);
  expect(first.code, first.out + first.err).toBe(0);
  expect(first.out).toMatch(/experiment "schedule-delay-example" created \([0-9a-f-]{36}\)/);
  expect(first.out).toContain("schedule 5 * * * * (UTC) created");
  const [exp] = (await eris.api("GET", "/api/v1/experiment/?search=schedule-delay-example")).body;
  expect(exp.steps.map((s: { do: string }) => s.do)).toEqual(["chaosmesh.network_chaos"]);
  const schedules = (await eris.api("GET", `/api/v1/experiment/${exp.id}/schedule/`)).body;
  expect(
    schedules.map((s: { recurrence_pattern: string; history_limit: number }) => [
      s.recurrence_pattern,
      s.history_limit,
    ]),
  ).toEqual([["5 * * * *", 2]]);
  const second = await cli(["apply", "-f", file]);
  expect(second.out).toContain('experiment "schedule-delay-example" unchanged');
  expect(second.out).toContain("schedule 5 * * * * (UTC) unchanged");
});

test("run --follow: the timeline, a JUnit report, and exit 1 on a failing trial; exit 0 on success", async () => {
  await eris.api("POST", "/api/v1/experiment/", {
    name: "payments gate",
    steps: [
      { step: "Warm up", do: "cm.http_probe", where: { url: `${targetUrl}/up` } },
      { step: "Probe payments", do: "cm.http_probe", where: { url: `${targetUrl}/{{ path }}` } },
    ],
    parameters: { path: "up" },
  });
  const junit = path.join(dir, "reports", "junit.xml");
  const failed = await cli(["run", "payments gate", "--param", "path=down", "--follow", "--report", `junit=${junit}`]);
  expect(failed.code, failed.err).toBe(1);
  expect(failed.out).toMatch(/steps +Warm up: succeeded in \d+\.\d s/);
  expect(failed.out).toMatch(
    /steps +Probe payments: failed in \d+\.\d s\n +\[.* - ERROR\] Step failed.*status code 503/,
  );
  expect(failed.out).toMatch(/trial [0-9a-f-]{36} Failed: /);
  expect(failed.out).toContain(`report junit written to ${junit}`);
  const xml = fs.readFileSync(junit, "utf8");
  expect(xml).toContain("<testsuite");
  expect(xml).toContain("<failure");

  const ok = await cli(["run", "payments gate", "--follow"]);
  expect(ok.code, ok.out + ok.err).toBe(0);
  expect(ok.out).toMatch(/trial [0-9a-f-]{36} Succeeded/);
});

test("export round-trips through apply; get, stop and signal; a config file; the bundle runs on plain node", async () => {
  const exported = await cli(["export", "checkout survives a pod kill"]);
  expect(exported.code, exported.err).toBe(0);
  expect(exported.out).toContain("recurrence_pattern: 0 9 * * 1-5");
  const back = await cli(["apply", "-f", write("exported.yaml", exported.out)]);
  expect(back.out).toContain('experiment "checkout survives a pod kill" unchanged');

  const list = await cli(["get", "experiments"]);
  expect(list.out.split("\n")[0]).toMatch(/^ID +NAME +REVISION +UPDATED$/);
  expect(list.out).toContain("payments gate");

  await eris.api("POST", "/api/v1/experiment/", {
    name: "long wait",
    steps: [{ do: "cm.wait", where: { time_in_seconds: 60 } }],
  });
  const detached = await cli(["run", "long wait", "--detach"]);
  const id = /trial ([0-9a-f-]{36})/.exec(detached.out)?.[1] as string;
  expect(detached.code).toBe(0);
  const stopped = await cli(["stop", id]);
  expect(stopped.out).toMatch(/Stop Initiated|Stopped/);

  const config = write("cli.json", JSON.stringify({ url: eris.base, token: eris.token() }));
  const paused = await cli(["signal", "PAUSE", "--reason", "game day", "--config", config], {
    ERIS_TOKEN: "",
    ERIS_URL: "",
  });
  expect(paused.out.trim()).toBe("signal PAUSE (game day)");
  expect((await cli(["signal"])).out).toMatch(/^PAUSE \(game day\), set by soak-admin@eris.test/);
  expect((await cli(["signal", "RUN"])).code).toBe(0);

  // The bundle a container image builds: copied away from node_modules, run with plain node.
  const bundle = path.join(dir, "bundle", "eris.mjs");
  const built = spawnSync("npx", [
    "esbuild",
    "lib/cli/main.ts",
    "--bundle",
    "--platform=node",
    "--format=esm",
    `--outfile=${path.join(dir, "bundle", "main.mjs")}`,
    "--banner:js=import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
  ]);
  expect(built.status, String(built.stderr)).toBe(0);
  fs.writeFileSync(
    bundle,
    'import { main } from "./main.mjs";\nprocess.exitCode = await main(process.argv.slice(2));\n',
  );
  const plain = await cli(["get", "experiments", "-o", "json"], {}, bundle);
  expect(plain.code, plain.err).toBe(0);
  expect(JSON.parse(plain.out).some((e: { name: string }) => e.name === "payments gate")).toBe(true);
}, 60_000);
