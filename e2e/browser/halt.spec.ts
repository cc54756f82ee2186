import { expect, type Page, test } from "@playwright/test";
import { EMAIL } from "./accounts";
import { createExperiment, createSchedule, setSignal, shot, startTrial, unique, wait, waitForStatus } from "./helpers";

// These tests set the global signal; each puts it back to RUN however it ends.

/** The value next to a term of the trial header (`Completed`, `Scheduled for`, ...). */
const fact = (page: Page, term: string) => page.locator("dt", { hasText: term }).locator("xpath=following-sibling::dd");

test("under STOP a banner on every page says who set it, when and why, and Run now says the trial will be Skipped", async ({
  page,
  request,
}) => {
  const experiment = await createExperiment(request, { name: unique("Halted"), steps: [wait("Wait", 0)] });
  await setSignal(request, "STOP", "incident INC-42");
  try {
    for (const path of ["/", "/experiments", "/trials", "/schedules", "/docs"]) {
      await page.goto(path);
      const banner = page.getByTestId("signal-banner");
      await expect(banner, path).toContainText("STOP");
      await expect(banner, path).toContainText(EMAIL.admin);
      await expect(banner, path).toContainText("incident INC-42");
      await expect(banner.locator("time"), path).toHaveCount(1);
    }
    await page.goto(`/experiments/${experiment.id}`);
    await page.getByRole("button", { name: "Run now" }).click();
    const dialog = page.getByRole("dialog", { name: /^Run “/ });
    await expect(dialog.getByTestId("run-signal-warning")).toContainText(/recorded as Skipped/i);
    await shot(page, "run-dialog-under-stop");
    await dialog.getByRole("button", { name: /Skipped/ }).click();
    await expect(page).toHaveURL(/\/trials\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId("trial-status")).toHaveText("Skipped");
    // A Skipped trial never started: its page says so, not "Not started yet".
    await expect(page.getByText("Not started yet")).toHaveCount(0);
    await expect(page.getByTestId("timeline")).toContainText(/did not run/i);
  } finally {
    await setSignal(request, "RUN");
  }
  await expect(page.getByTestId("signal-banner")).toHaveCount(0, { timeout: 15_000 });
});

test("under PAUSE a queued trial's page says PAUSE holds it, and Run now says it will wait", async ({
  page,
  request,
}) => {
  const experiment = await createExperiment(request, { name: unique("Held"), steps: [wait("Wait", 0)] });
  await setSignal(request, "PAUSE", "maintenance window");
  let trial = "";
  try {
    trial = await startTrial(request, experiment.id);
    await page.goto(`/trials/${trial}`);
    await expect(page.getByTestId("trial-status")).toHaveText("Scheduled");
    await expect(page.getByTestId("trial-held")).toContainText("PAUSE");
    await expect(page.getByTestId("trial-held")).toContainText("maintenance window");
    await expect(fact(page, "Completed")).not.toHaveText(/running/);
    await expect(page.getByTestId("signal-banner")).toContainText("PAUSE");
    await shot(page, "trial-held-by-pause");

    await page.goto(`/experiments/${experiment.id}`);
    await page.getByRole("button", { name: "Run now" }).click();
    await expect(page.getByTestId("run-signal-warning")).toContainText(/PAUSE/);
    await expect(page.getByTestId("run-signal-warning")).toContainText(/wait/i);
  } finally {
    await setSignal(request, "RUN");
  }
  await waitForStatus(request, trial, /^Succeeded$/);
});

test("Run now warns about a parameter the experiment does not have, and a manual run shows no 'Scheduled for'", async ({
  page,
  request,
}) => {
  const experiment = await createExperiment(request, {
    name: unique("Misspelled"),
    parameters: { seconds: 0 },
    steps: [wait("Wait", "{{ seconds }}")],
  });
  await page.goto(`/experiments/${experiment.id}`);
  await page.getByRole("button", { name: "Run now" }).click();
  const dialog = page.getByRole("dialog", { name: /^Run “/ });
  await dialog.getByLabel("Parameters (JSON)").fill('{"secods": 0}');
  await expect(dialog.getByTestId("run-parameter-warning")).toContainText("secods");
  await expect(dialog.getByTestId("run-parameter-warning")).toContainText("seconds");
  // A warning, not a refusal: the API accepts any parameter, as Kallisti does.
  await dialog.getByRole("button", { name: "Start trial" }).click();
  await expect(page).toHaveURL(/\/trials\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("trial-status")).toHaveText("Succeeded", { timeout: 20_000 });
  await expect(page.locator("dt", { hasText: "Scheduled for" })).toHaveCount(0);
});

test("under STOP, resuming a schedule first says its firings will be Skipped", async ({ page, request }) => {
  const name = unique("Resume under STOP");
  const experiment = await createExperiment(request, { name, steps: [wait("Wait", 0)] });
  const schedule = await createSchedule(request, experiment.id, { recurrence_pattern: "0 3 * * *", paused: true });
  await setSignal(request, "STOP", "freeze");
  try {
    await page.goto("/schedules");
    const row = page.getByTestId(`schedule-row-${schedule.id}`);
    await row.getByRole("button", { name: `Resume schedule of ${name}` }).click();
    await expect(row.getByTestId("schedule-halt-notice")).toContainText("recorded as Skipped");
    await expect(row.getByTestId("schedule-state")).toHaveText("Paused"); // nothing changed yet
    await row.getByRole("button", { name: "Resume anyway" }).click();
    await expect(row.getByTestId("schedule-state")).toHaveText("Active");
  } finally {
    await setSignal(request, "RUN");
  }
});
