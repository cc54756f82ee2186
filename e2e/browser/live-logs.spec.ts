import { expect, test } from "@playwright/test";
import { createExperiment, shot, startTrial, stopTrial, unique, wait, waitForStatus } from "./helpers";

// The `ticker` module (e2e/fixtures/plugins/ticker.mjs, loaded through ERIS_CONFIG) logs
// `tick N at <epoch ms>` every second; the page notes when each line appears.

type Seen = Record<string, { logged: number; shown: number }>;

test("a running step's log lines show on the trial page within 2 s of being logged, and the log follows them", async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  const experiment = await createExperiment(request, {
    name: unique("Live log"),
    // Two lines a second: enough to overflow the log box (and test that it follows) in 10 s.
    steps: [{ step: "Tick", do: "ticker.tick", where: { count: 12, interval_ms: 1000, extra_lines: 1 } }],
  });
  const trial = await startTrial(request, experiment.id);
  await page.goto(`/trials/${trial}`);
  await page.evaluate(() => {
    const seen: Record<string, { logged: number; shown: number }> = {};
    (window as unknown as { __seen: typeof seen }).__seen = seen;
    new MutationObserver(() => {
      for (const li of document.querySelectorAll("[data-testid=step-logs] li")) {
        const m = /tick (\d+) at (\d+)/.exec(li.textContent ?? "");
        if (m && !(m[1] in seen)) seen[m[1]] = { logged: Number(m[2]), shown: Date.now() };
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  const logs = page.getByTestId("step-logs");
  await expect(logs).toContainText("tick 10 at", { timeout: 30_000 });
  await expect(page.getByTestId("trial-status")).toHaveText("In Progress"); // still running

  const seen = await page.evaluate(() => (window as unknown as { __seen: Seen }).__seen);
  const delays = Object.entries(seen)
    .filter(([n]) => Number(n) > 1) // the first may have been logged before the page opened
    .map(([, s]) => s.shown - s.logged);
  console.log(`log line to page, ms: ${delays.join(", ")}`);
  expect(delays.length).toBeGreaterThanOrEqual(8);
  expect(Math.max(...delays), `delays: ${delays.join(", ")} ms`).toBeLessThan(2000);
  // The box scrolls with the output: its newest line is in view.
  await expect
    .poll(() => logs.evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight))
    .toBeLessThanOrEqual(2);
  expect(await logs.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
  await shot(page, "trial-live-log");
  await waitForStatus(request, trial, /^Succeeded$/, 30_000);
});

test("a step with a known duration shows how far it is, and its bar grows against that duration", async ({
  page,
  request,
}) => {
  test.setTimeout(60_000);
  const experiment = await createExperiment(request, {
    name: unique("Known duration"),
    steps: [wait("Long wait", 120)],
  });
  const trial = await startTrial(request, experiment.id);
  try {
    await page.goto(`/trials/${trial}`);
    await expect(page.getByTestId("step-progress")).toHaveText(/^\d+ s of 120 s$/, { timeout: 20_000 });
    await expect(page.getByTestId("step-progress")).not.toHaveText(/^[0-3] s of/, { timeout: 10_000 });
    // After several seconds of 120, the bar covers a small part of the axis, not all of it.
    const share = await page
      .getByTestId("timeline-bar")
      .first()
      .evaluate((button) => {
        const bar = button.querySelector("span.relative > span.absolute") as HTMLElement;
        return bar.getBoundingClientRect().width / (bar.parentElement as HTMLElement).getBoundingClientRect().width;
      });
    expect(share).toBeLessThan(0.5);
    await shot(page, "trial-known-duration");
  } finally {
    await stopTrial(request, trial);
  }
  await waitForStatus(request, trial, /^Stopped$/);
});
