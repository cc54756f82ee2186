/**
 * API benchmark: starts the real app (web + runner) on a fresh database seeded with 1,000
 * experiments, then reports API latency and the idle memory of both processes.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const PORT = Number(process.env.BENCH_PORT ?? 3290);
const BASE = `http://127.0.0.1:${PORT}/api/v1`;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "eris-bench-"));
const ADMIN = { email: "bench@eris.test", password: "bench-password-123" };
const env = {
  ...process.env,
  PORT: String(PORT),
  HOSTNAME: "127.0.0.1",
  DATABASE_PATH: path.join(dir, "eris.db"),
  ERIS_ADMIN_EMAIL: ADMIN.email,
  ERIS_ADMIN_PASSWORD: ADMIN.password,
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

async function waitUp(): Promise<void> {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${BASE}/health`)).ok) return;
    } catch {}
    await sleep(500);
  }
  throw new Error("the app did not start");
}

/** Resident memory (MB) of a process and all its descendants. */
function rssTree(pid: number): number {
  const out = execFileSync("ps", ["-e", "-o", "pid=,ppid=,rss="]).toString();
  const rows = out
    .trim()
    .split("\n")
    .map((l) => l.trim().split(/\s+/).map(Number));
  const tree = new Set([pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [p, pp] of rows) {
      if (tree.has(pp) && !tree.has(p)) {
        tree.add(p);
        grew = true;
      }
    }
  }
  return rows.filter(([p]) => tree.has(p)).reduce((kb, r) => kb + r[2], 0) / 1024;
}

function childPids(pid: number): { pid: number; args: string }[] {
  const out = execFileSync("ps", ["-e", "-o", "pid=,ppid=,args="]).toString();
  const all = out
    .trim()
    .split("\n")
    .map((l) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(l)!)
    .filter(Boolean);
  const found: { pid: number; args: string }[] = [];
  const walk = (p: number) => {
    for (const m of all) {
      if (Number(m[2]) !== p) continue;
      found.push({ pid: Number(m[1]), args: m[3] });
      walk(Number(m[1]));
    }
  };
  walk(pid);
  return found;
}

export async function benchApi(): Promise<void> {
  const app: ChildProcess = spawn(process.execPath, ["jobs/launch.mjs", "start"], {
    env,
    stdio: "ignore",
    detached: true,
  });
  try {
    await waitUp();
    const login = await fetch(`${BASE}/auth/token`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ ...ADMIN, name: "bench" }),
    });
    const auth = { authorization: `Bearer ${((await login.json()) as { token: string }).token}` };
    const seedStart = Date.now();
    for (let i = 0; i < 1000; i++) {
      const res = await fetch(`${BASE}/experiment/`, {
        method: "POST",
        headers: { "content-type": "application/json", ...auth },
        body: JSON.stringify({
          name: `bench ${i}`,
          metadata: { team: `t${i % 10}` },
          steps: [{ do: "cm.wait", where: { time_in_seconds: 1 } }],
        }),
      });
      if (res.status !== 201) throw new Error(`seed failed: ${res.status}`);
    }
    const seedMs = Date.now() - seedStart;
    // Idle: long enough for V8's memory reducer to give back what the seeding used.
    await sleep(Number(process.env.BENCH_IDLE_MS ?? 30_000));
    const procs = childPids(app.pid!);
    const web = procs.find((p) => /jobs\/web\.mjs/.test(p.args));
    const runner = procs.find((p) => /launch\.mjs index/.test(p.args));
    const rss = () => ({
      supervisor: rssTree(app.pid!) - (web ? rssTree(web.pid) : 0) - (runner ? rssTree(runner.pid) : 0),
      web: web ? rssTree(web.pid) : NaN,
      runner: runner ? rssTree(runner.pid) : NaN,
    });
    const idle = rss();

    const measure = async (url: string, n: number) => {
      const times: number[] = [];
      for (let i = 0; i < n; i++) {
        const t = performance.now();
        const res = await fetch(url, { headers: auth });
        await res.arrayBuffer();
        times.push(performance.now() - t);
      }
      return { p50: pct(times, 50), p95: pct(times, 95), p99: pct(times, 99) };
    };
    await measure(`${BASE}/experiment/`, 5); // warm-up
    const full = await measure(`${BASE}/experiment/`, 100);
    const paged = await measure(`${BASE}/experiment/?limit=50`, 300);
    const after = rss();

    const f = (x: number) => x.toFixed(1);
    console.log("Eris benchmark (1,000 experiments, sequential requests over loopback)");
    console.log(`  seed: 1,000 POST /experiment in ${seedMs} ms (${f(seedMs / 1000)} ms each)`);
    console.log(`  GET /experiment (all 1,000):   p50 ${f(full.p50)} ms  p95 ${f(full.p95)} ms  p99 ${f(full.p99)} ms`);
    console.log(
      `  GET /experiment?limit=50:      p50 ${f(paged.p50)} ms  p95 ${f(paged.p95)} ms  p99 ${f(paged.p99)} ms`,
    );
    const sum = (r: typeof idle) => r.supervisor + r.web + r.runner;
    console.log(
      `  RSS idle:           supervisor ${f(idle.supervisor)} MB, web ${f(idle.web)} MB, runner ${f(idle.runner)} MB = ${f(sum(idle))} MB`,
    );
    console.log(
      `  RSS after 400 GETs: supervisor ${f(after.supervisor)} MB, web ${f(after.web)} MB, runner ${f(after.runner)} MB = ${f(sum(after))} MB`,
    );
  } finally {
    process.kill(-(app.pid as number), "SIGTERM");
    await sleep(1000);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
