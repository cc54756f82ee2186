import { expect, test } from "@playwright/test";
import { adminAuth, stateFile } from "./accounts";
import { createExperiment, createSchedule, startTrial, unique, wait, waitForStatus } from "./helpers";

// The smaller defects, one test each.

test("every page has a favicon", async ({ page, request }) => {
  const icon = await request.get("/favicon.ico");
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toMatch(/^image\//);
  await page.goto("/");
  const href = await page.locator('link[rel="icon"]').first().getAttribute("href");
  expect((await request.get(href ?? "/missing")).status()).toBe(200);
});

test("the experiments list counts steps as the detail page does", async ({ page, request }) => {
  const experiment = await createExperiment(request, {
    name: unique("Counted steps"),
    pre_steps: [wait("Before", 0)],
    steps: [wait("One", 0), wait("Two", 0)],
    post_steps: [wait("After", 0)],
  });
  await page.goto(`/experiments/${experiment.id}`);
  await expect(page.getByRole("heading", { name: /^Steps/ })).toContainText("(2)");
  await page.goto(`/experiments?search=${encodeURIComponent(experiment.name)}`);
  const row = page.getByTestId("experiment-row");
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId("experiment-steps")).toHaveText(/^2\b/);
  await expect(row.getByTestId("experiment-steps")).toContainText("1 pre-step");
  await expect(row.getByTestId("experiment-steps")).toContainText("1 post-step");
});

test("the trials list filters by a schedule picked by name, not typed as a UUID", async ({ page, request }) => {
  const name = unique("Filter by schedule");
  const experiment = await createExperiment(request, { name, steps: [wait("Wait", 0)] });
  const schedule = await createSchedule(request, experiment.id, {
    recurrence_pattern: "@every 2s",
    recurrence_count: 1,
  });
  await expect
    .poll(
      async () =>
        (await (await request.get(`/api/v1/trial?schedule=${schedule.id}`, { headers: adminAuth() })).json()).length,
      { timeout: 20_000 },
    )
    .toBe(1);
  const manual = await startTrial(request, experiment.id);
  await waitForStatus(request, manual, /^Succeeded$/);

  await page.goto("/trials");
  const filters = page.getByRole("form", { name: "Filter trials" });
  const picker = filters.getByLabel("Schedule");
  const option = picker.locator("option", { hasText: name });
  await expect(option).toHaveCount(1);
  await picker.selectOption((await option.getAttribute("value")) ?? "");
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(new RegExp(`schedule=${schedule.id}`));
  await expect(page.getByTestId("trial-row")).toHaveCount(1);
  await expect(page.locator(`[data-trial-id="${manual}"]`)).toHaveCount(0);
});

test.describe("as an operator", () => {
  test.use({ storageState: stateFile("operator") });

  test("the home page's empty state offers New experiment", async ({ page, request }) => {
    // Start from an empty catalogue: every other test makes its own experiments when it runs.
    const all = await (await request.get("/api/v1/experiment?limit=1000", { headers: adminAuth() })).json();
    for (const e of all as { id: string }[]) {
      expect((await request.delete(`/api/v1/experiment/${e.id}`, { headers: adminAuth() })).status()).toBe(204);
    }
    await page.goto("/");
    const empty = page.getByTestId("home-empty");
    await expect(empty).toBeVisible();
    await empty.getByRole("link", { name: "New experiment" }).click();
    await expect(page).toHaveURL(/\/experiments\/new/);
  });
});
