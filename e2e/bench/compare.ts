/**
 * `npm run bench -- compare`: Eris's experiment list and detail against the raw node:http +
 * better-sqlite3 server (raw-server.mjs) reading the same database, in the same run, in interleaved
 * rounds, so the ratios mean something on a noisy machine. 1,000 two-step experiments; load from
 * wrk (-t2 -c16) when it is installed, else from an in-process client with 16 connections.
 * Prints requests/s and p99 per round, the median and spread, and Eris ÷ raw.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { closeDb, migrateDb, openDb } from "@/db/client";
import { createExperimentSchema } from "@/lib/experiments/schemas";
import { ExperimentService } from "@/lib/experiments/service";
import { freePort } from "../fixtures/eris-process";
import { sleep } from "./proc";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ADMIN = { email: "bench@eris.test", password: "bench-password-123" };

type Result = { rps: number; p99: number };

function hasWrk(): boolean {
  try {
    execFileSync("wrk", ["--version"], { stdio: "ignore" });
    return true;
  } catch (err) {
    return (err as { status?: number }).status === 1; // wrk --version exits 1 after printing
  }
}

function wrk(url: string, token: string): Result {
  const out = execFileSync("wrk", [
    "-t2",
    "-c16",
    `-d${SECONDS}s`,
    "--latency",
    "-H",
    `Authorization: Bearer ${token}`,
    url,
  ]).toString();
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1]);
  const p99 = /99%\s+([\d.]+)(us|ms|s)/.exec(out);
  const scale = { us: 0.001, ms: 1, s: 1000 } as const;
  return { rps, p99: p99 ? Number(p99[1]) * scale[p99[2] as keyof typeof scale] : Number.NaN };
}

/** Fallback load: 16 concurrent keep-alive clients for SECONDS. */
async function load(url: string, token: string): Promise<Result> {
  const times: number[] = [];
  const end = Date.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (Date.now() < end) {
        const t = performance.now();
        await (await fetch(url, { headers: { authorization: `Bearer ${token}` } })).arrayBuffer();
        times.push(performance.now() - t);
      }
    }),
  );
  times.sort((a, b) => a - b);
  return { rps: times.length / SECONDS, p99: times[Math.floor(times.length * 0.99)] };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function seed(): Promise<{ file: string; id: string }> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "eris-compare-")), "eris.db");
  const db = openDb(file);
  await migrateDb(db);
  const service = new ExperimentService(db);
  let id = "";
  for (let i = 0; i < 1000; i++) {
    id = (
      await service.create(
        createExperimentSchema.parse({
          name: `bench ${i}`,
          metadata: { team: `t${i % 10}` },
          steps: [
            { do: "cm.http_probe", where: { url: "https://example.com/health" } },
            { do: "cm.wait", where: { time_in_seconds: 1 } },
          ],
        }),
        "bench",
      )
    ).id;
  }
  await closeDb(db);
  return { file, id };
}

async function up(url: string) {
  for (let i = 0; i < 600; i++) {
    if (
      await fetch(url).then(
        (r) => r.status < 500,
        () => false,
      )
    )
      return;
    await sleep(500);
  }
  throw new Error(`${url} did not come up`);
}

export async function benchCompare(): Promise<void> {
  const { file, id } = await seed();
  const [erisPort, rawPort] = [await freePort(), await freePort()];
  const eris: ChildProcess = spawn(process.execPath, ["jobs/launch.mjs", "start"], {
    env: {
      ...process.env,
      PORT: String(erisPort),
      HOSTNAME: "127.0.0.1",
      DATABASE_PATH: file,
      ERIS_ADMIN_EMAIL: ADMIN.email,
      ERIS_ADMIN_PASSWORD: ADMIN.password,
    },
    stdio: "ignore",
    detached: true,
  });
  const raw = spawn(process.execPath, ["e2e/bench/raw-server.mjs", file, String(rawPort)], { stdio: "ignore" });
  try {
    await up(`http://127.0.0.1:${erisPort}/api/v1/health`);
    await up(`http://127.0.0.1:${rawPort}/api/v1/experiment`);
    const login = await fetch(`http://127.0.0.1:${erisPort}/api/v1/auth/token`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ ...ADMIN, name: "bench" }),
    });
    const token = ((await login.json()) as { token: string }).token;
    const run = hasWrk() ? async (u: string) => wrk(u, token) : (u: string) => load(u, token);
    const targets = { raw: `http://127.0.0.1:${rawPort}`, eris: `http://127.0.0.1:${erisPort}` };
    const paths = { list: "/api/v1/experiment/", detail: `/api/v1/experiment/${id}/` };
    const results: Record<string, Result[]> = {};
    for (let round = 0; round < ROUNDS; round++) {
      for (const [what, p] of Object.entries(paths)) {
        for (const [who, base] of Object.entries(targets)) {
          await run(`${base}${p}`); // each round begins warm
          const r = await run(`${base}${p}`);
          const key = `${who} ${what}`;
          results[key] = [...(results[key] ?? []), r];
        }
      }
    }
    console.log(
      `Compare (${hasWrk() ? "wrk -t2 -c16" : "16 in-process clients"}, ${SECONDS} s × ${ROUNDS} interleaved rounds, 1,000 experiments)`,
    );
    for (const [key, rs] of Object.entries(results)) {
      const rps = rs.map((r) => r.rps);
      console.log(
        `  ${key.padEnd(12)} req/s median ${median(rps).toFixed(0).padStart(6)} (min ${Math.min(...rps).toFixed(0)}, max ${Math.max(...rps).toFixed(0)})  p99 median ${median(rs.map((r) => r.p99)).toFixed(1)} ms`,
      );
    }
    for (const what of Object.keys(paths)) {
      const ratio =
        median(results[`eris ${what}`].map((r) => r.rps)) / median(results[`raw ${what}`].map((r) => r.rps));
      console.log(`  eris ÷ raw, ${what}: ${ratio.toFixed(2)}×`);
    }
  } finally {
    raw.kill();
    process.kill(-(eris.pid as number), "SIGTERM");
    await sleep(1500);
  }
}
