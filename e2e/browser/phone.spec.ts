import { expect, test } from "@playwright/test";
import {
  createExperiment,
  createSchedule,
  shot,
  sidewaysOverflow,
  startTrial,
  unique,
  wait,
  waitForStatus,
} from "./helpers";

// A phone held upright (390 × 844, an iPhone 12-14): what the defects were measured on.
test.use({ viewport: { width: 390, height: 844 } });

test("the header is compact and its links are behind a menu", async ({ page }) => {
  await page.goto("/trials");
  const header = page.locator("body > header, header").first();
  const height = (await header.boundingBox())?.height ?? 844;
  expect(height, `header height ${height}px`).toBeLessThanOrEqual(844 * 0.1);
  const menu = page.getByRole("button", { name: "Menu" });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await menu.click();
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  const nav = page.getByRole("navigation", { name: "Main" });
  await nav.getByRole("link", { name: "Schedules" }).click();
  await expect(page).toHaveURL(/\/schedules$/);
  await expect(menu).toHaveAttribute("aria-expanded", "false"); // closed after navigating
  await shot(page, "phone-header");
});

test("/admin/users fits the screen", async ({ page }) => {
  await page.goto("/admin/users");
  await expect(page.getByRole("heading", { name: "Users" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Users" })).toBeVisible();
  const { overflow, culprits } = await sidewaysOverflow(page);
  expect(overflow, culprits.join(" | ")).toBeLessThanOrEqual(0);
});

test("each schedule's Pause button is on screen", async ({ page, request }) => {
  const name = unique("Phone schedule");
  const experiment = await createExperiment(request, { name, steps: [wait("Wait", 0)] });
  const schedule = await createSchedule(request, experiment.id, { recurrence_pattern: "0 * * * *" });
  await page.goto("/schedules");
  const pause = page
    .getByTestId(`schedule-row-${schedule.id}`)
    .getByRole("button", { name: `Pause schedule of ${name}` });
  await expect(pause).toBeVisible();
  const box = await pause.boundingBox();
  expect((box?.x ?? 999) + (box?.width ?? 0)).toBeLessThanOrEqual(390);
  const { overflow, culprits } = await sidewaysOverflow(page);
  expect(overflow, culprits.join(" | ")).toBeLessThanOrEqual(0);
});

test("the trial timeline's axis labels do not overlap", async ({ page, request }) => {
  const experiment = await createExperiment(request, {
    name: unique("Phone timeline"),
    steps: [wait("First", 1), wait("Second", 1)],
  });
  const trial = await startTrial(request, experiment.id);
  await waitForStatus(request, trial, /^Succeeded$/);
  await page.goto(`/trials/${trial}`);
  await expect(page.getByTestId("timeline-bar")).toHaveCount(2);
  // The tick labels of the axis above the bars.
  const boxes = await page
    .getByTestId("timeline")
    .locator(".sticky span.relative > span")
    .evaluateAll((ticks) => ticks.map((t) => t.getBoundingClientRect()).map((r) => [r.left, r.right]));
  expect(boxes.length).toBeGreaterThanOrEqual(2);
  for (let i = 1; i < boxes.length; i++) expect(boxes[i][0], `tick ${i}`).toBeGreaterThanOrEqual(boxes[i - 1][1]);
  const { overflow, culprits } = await sidewaysOverflow(page);
  expect(overflow, culprits.join(" | ")).toBeLessThanOrEqual(0);
  await shot(page, "phone-trial");
});
