/**
 * Trial page benchmark: how fast /trials/<id> becomes usable for a finished 200-step trial.
 *
 *   BENCH_URL=http://127.0.0.1:3302 BENCH_TOKEN=eris_… BENCH_EMAIL=… BENCH_PASSWORD=… \
 *     npx tsx e2e/bench/trial-page.ts
 *
 * Needs a running app (web + runner). Creates an experiment of 200 `cm.wait 0` steps, runs one
 * trial to the end, signs in through /signin with Chromium, then loads the page 5 times (after
 * one unmeasured warm-up) and prints the p50 of: navigation → 200 bars rendered, navigation →
 * the last bar clicked and its logs visible, and the click → logs latency alone.
 */
import { chromium } from "playwright-core";
import { pct, sleep } from "./proc";

const BASE = (process.env.BENCH_URL ?? "http://127.0.0.1:3302").replace(/\/$/, "");
const TOKEN = process.env.BENCH_TOKEN ?? "";
const EMAIL = process.env.BENCH_EMAIL ?? "";
const PASSWORD = process.env.BENCH_PASSWORD ?? "";
const STEPS = 200;
const RUNS = 5;
// The same launch arguments as playwright.config.ts, so the numbers compare with the browser suite.
const LAUNCH_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${BASE}/api/v1${path}`, {
    method,
    headers: { Authorization: `Bearer ${TOKEN}`, "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

async function finishedTrial(): Promise<string> {
  const steps = Array.from({ length: STEPS }, (_, i) => ({
    step: `Step ${i + 1}`,
    do: "cm.wait",
    where: { time_in_seconds: 0 },
  }));
  const experiment = await api<{ id: string }>("POST", "/experiment/", { name: `bench ${STEPS} steps`, steps });
  const trial = await api<{ id: string }>("POST", "/trial/", { experiment: experiment.id });
  for (let i = 0; i < 600; i++) {
    const { status } = await api<{ status: string }>("GET", `/trial/${trial.id}`);
    if (status === "Succeeded") return trial.id;
    if (!["Scheduled", "In Progress"].includes(status)) throw new Error(`the bench trial ended ${status}`);
    await sleep(500);
  }
  throw new Error("the bench trial did not finish within 5 minutes");
}

async function main() {
  if (!TOKEN || !EMAIL || !PASSWORD) throw new Error("set BENCH_TOKEN, BENCH_EMAIL and BENCH_PASSWORD");
  const trialId = await finishedTrial();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: LAUNCH_ARGS,
  });
  try {
    const context = await browser.newContext({ baseURL: BASE });
    const signin = await context.newPage();
    await signin.goto("/signin");
    await signin.getByLabel("Email").fill(EMAIL);
    await signin.getByLabel("Password").fill(PASSWORD);
    await signin.getByRole("button", { name: "Sign in", exact: true }).click();
    await signin.getByRole("heading", { name: "Home" }).waitFor();
    await signin.close();

    const bars: number[] = [];
    const interactive: number[] = [];
    const clickToLogs: number[] = [];
    for (let run = 0; run <= RUNS; run++) {
      const page = await context.newPage(); // a fresh page: no client cache carried over
      const start = Date.now();
      await page.goto(`/trials/${trialId}`, { waitUntil: "commit" });
      await page.waitForFunction((n) => document.querySelectorAll("[data-testid=timeline-bar]").length === n, STEPS, {
        polling: "raf",
      });
      const rendered = Date.now();
      const clicked = Date.now();
      await page.getByTestId("timeline-bar").last().click();
      await page
        .getByTestId("step-details")
        .filter({ hasText: `Step ${STEPS}` })
        .getByTestId("step-logs")
        .filter({ hasText: "Starting command execution." })
        .waitFor();
      const done = Date.now();
      await page.close();
      if (run === 0) continue; // the warm-up load fills the server's and the browser's caches
      bars.push(rendered - start);
      interactive.push(done - start);
      clickToLogs.push(done - clicked);
    }
    const line = (label: string, xs: number[]) =>
      console.log(`${label.padEnd(44)} p50 ${pct(xs, 50)} ms  (runs: ${xs.join(", ")})`);
    console.log(`Trial page benchmark: ${STEPS}-step finished trial, ${RUNS} loads, ${BASE}`);
    line("navigation → 200 timeline bars rendered", bars);
    line("navigation → last bar clicked, logs visible", interactive);
    line("click on last bar → its logs visible", clickToLogs);
  } finally {
    await browser.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
