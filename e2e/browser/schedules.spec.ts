import path from "node:path";
import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { adminAuth, SCREENS, stateFile } from "./accounts";

// Runs as the signed-in admin unless a describe says otherwise; API calls carry the admin token.
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENS, `${name}.png`), fullPage: true });
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

async function createExperiment(request: APIRequestContext, name: string): Promise<string> {
  const res = await request.post("/api/v1/experiment/", {
    headers: adminAuth(),
    data: { name, steps: [{ step: "Wait", do: "cm.wait", where: { time_in_seconds: 0 } }] },
  });
  expect(res.status()).toBe(201);
  return (await res.json()).id;
}

async function createSchedule(request: APIRequestContext, experimentId: string, data: object) {
  const res = await request.post(`/api/v1/experiment/${experimentId}/schedule/`, { headers: adminAuth(), data });
  expect(res.status()).toBe(201);
  return (await res.json()) as { id: string; next_run_at: string };
}

/** The weekday (0 = Sunday) of the local date in an ISO string with an offset, e.g. 2026-03-09T09:00:00+01:00. */
const weekdayOf = (local: string) => new Date(`${local.slice(0, 10)}T00:00:00Z`).getUTCDay();

test("an operator creates a weekday schedule with a live preview, then pauses and resumes it", async ({
  page,
  request,
}) => {
  const name = `sched-weekdays-${Date.now()}`;
  const experimentId = await createExperiment(request, name);

  await page.goto(`/schedules/new?experiment=${experimentId}`);
  await expect(page.getByTestId("schedule-experiment")).toHaveText(name);
  await page.getByLabel("Repeat").selectOption("weekdays");
  await page.getByLabel("At", { exact: true }).fill("09:00");
  await page.getByLabel("Time zone").fill("Europe/Paris");
  await expect(page.getByLabel("Pattern")).toHaveValue("0 9 * * 1-5");

  // The preview is debounced and keeps the previous answer meanwhile, so wait for the Paris one.
  await expect(page.getByTestId("preview-description")).toHaveText(/09:00.*Monday through Friday/);
  const runs = page.getByTestId("preview-runs").getByRole("listitem");
  await expect(runs).toHaveCount(10);
  await expect
    .poll(async () => {
      const locals = await runs.evaluateAll((items) => items.map((li) => li.getAttribute("data-local") ?? ""));
      return locals.every((l) => /T09:00:00\+0[12]:00$/.test(l) && weekdayOf(l) >= 1 && weekdayOf(l) <= 5);
    })
    .toBe(true);
  await shot(page, "schedule-form-preview");

  // An invalid pattern: the API's own message lands on the pattern field.
  const invalid = await request.get(`/api/v1/schedule/preview?${new URLSearchParams({ pattern: "61 * * * *" })}`, {
    headers: adminAuth(),
  });
  expect(invalid.status()).toBe(400);
  const message: string = (await invalid.json()).pattern[0];
  await page.getByLabel("Pattern").fill("61 * * * *");
  await expect(page.getByLabel("Pattern")).toHaveAccessibleDescription(new RegExp(`^${escapeRegExp(message)}`));
  await shot(page, "schedule-form-invalid");

  // Back to the preset; a save error from the API shows on its own field.
  await page.getByLabel("Repeat").selectOption("weekdays");
  await expect(page.getByLabel("Pattern")).toHaveValue("0 9 * * 1-5");
  await page.getByLabel("History limit").fill("0");
  await page.getByRole("button", { name: "Create schedule" }).click();
  await expect(page.getByLabel("History limit")).toHaveAccessibleDescription(/greater than or equal to 1/);
  await page.getByLabel("History limit").fill("");
  await page.getByRole("button", { name: "Create schedule" }).click();
  await expect(page).toHaveURL(/\/schedules$/);

  const [saved] = await (
    await request.get(`/api/v1/experiment/${experimentId}/schedule`, { headers: adminAuth() })
  ).json();
  expect(saved).toMatchObject({ recurrence_pattern: "0 9 * * 1-5", timezone: "Europe/Paris", paused: false });
  const row = page.getByTestId(`schedule-row-${saved.id}`);
  await expect(row).toContainText(name);
  await expect(row).toContainText("0 9 * * 1-5");
  await expect(row.getByTestId("schedule-next-run").locator("time")).toHaveAttribute("datetime", saved.next_run_at);

  await row.getByRole("button", { name: `Pause schedule of ${name}` }).click();
  await expect(row.getByTestId("schedule-state")).toHaveText("Paused");
  await expect(row.getByTestId("schedule-next-run")).toContainText("paused");
  await row.getByRole("button", { name: `Resume schedule of ${name}` }).click();
  await expect(row.getByTestId("schedule-state")).toHaveText("Active");
  await expect(row.getByTestId("schedule-next-run").locator("time")).toBeVisible();
  await shot(page, "schedules-list");

  // The week calendar lists this schedule's weekday runs (at least 4 in any 7-day window).
  const calendar = page.getByTestId("week-calendar");
  await expect
    .poll(() => calendar.getByTestId("calendar-run").filter({ hasText: name }).count())
    .toBeGreaterThanOrEqual(4);
  await calendar.screenshot({ path: path.join(SCREENS, "schedules-calendar.png") });
});

test("the editor reads a preset back, saves with PUT and deletes after a confirmation", async ({ page, request }) => {
  const name = `sched-edit-${Date.now()}`;
  const experimentId = await createExperiment(request, name);
  const schedule = await createSchedule(request, experimentId, { recurrence_pattern: "30 14 * * 3", timezone: "UTC" });

  await page.goto(`/schedules/${experimentId}/${schedule.id}`);
  await expect(page.getByLabel("Repeat")).toHaveValue("weekly");
  await expect(page.getByLabel("On", { exact: true })).toHaveValue("3");
  await expect(page.getByLabel("At", { exact: true })).toHaveValue("14:30");
  await page.getByLabel("Replace").check();
  await page.getByLabel("Recurrence count").fill("5");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page).toHaveURL(/\/schedules$/);
  const after = await (
    await request.get(`/api/v1/experiment/${experimentId}/schedule/${schedule.id}`, { headers: adminAuth() })
  ).json();
  expect(after).toMatchObject({
    concurrency_policy: "Replace",
    recurrence_count: 5,
    recurrence_pattern: "30 14 * * 3",
  });

  await page.goto(`/schedules/${experimentId}/${schedule.id}`);
  await page.getByRole("button", { name: "Delete", exact: true }).click();
  await page.getByRole("button", { name: "Confirm delete" }).click();
  await expect(page).toHaveURL(/\/schedules$/);
  await expect(page.getByTestId(`schedule-row-${schedule.id}`)).toHaveCount(0);
});

test.describe("as a viewer", () => {
  test.use({ storageState: stateFile("viewer") });

  test("sees schedules and the calendar but no create, edit or pause controls", async ({ page, request }) => {
    const name = `sched-viewer-${Date.now()}`;
    const experimentId = await createExperiment(request, name);
    const schedule = await createSchedule(request, experimentId, { recurrence_pattern: "0 * * * *" });

    await page.goto("/schedules");
    const row = page.getByTestId(`schedule-row-${schedule.id}`);
    await expect(row).toContainText(name);
    await expect(row.getByRole("link")).toHaveCount(0);
    await expect(page.getByRole("link", { name: "New schedule" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /^(Pause|Resume) / })).toHaveCount(0);
    await expect(
      page.getByTestId("week-calendar").getByTestId("calendar-run").filter({ hasText: name }).first(),
    ).toBeVisible();

    await page.goto(`/schedules/new?experiment=${experimentId}`);
    await expect(page.getByTestId("forbidden")).toBeVisible();
  });
});
