import { expect, type Page, test } from "@playwright/test";
import { adminAuth } from "./accounts";
import { createExperiment, createSchedule, shot, unique, wait } from "./helpers";

const MINUTE = 60_000;

/** The preview's run times, as epoch milliseconds. */
const previewTimes = (page: Page) =>
  page
    .getByTestId("preview-runs")
    .locator("time")
    .evaluateAll((times) => times.map((t) => Date.parse(t.getAttribute("datetime") ?? "")));

test("'Every N minutes' with an N that does not divide the hour runs every N minutes", async ({ page, request }) => {
  const experiment = await createExperiment(request, { name: unique("Every 7"), steps: [wait("Wait", 0)] });
  await page.goto(`/schedules/new?experiment=${experiment.id}`);
  await page.getByLabel("Repeat").selectOption("minutes");
  await page.getByLabel("Every (minutes)").fill("7");
  await expect(page.getByTestId("preview-description")).toContainText("7 minutes");
  await expect(page.getByTestId("preview-runs").locator("time")).toHaveCount(10);
  await expect
    .poll(async () => {
      const times = await previewTimes(page);
      return times.slice(1).map((t, i) => (t - times[i]) / MINUTE);
    })
    .toEqual(Array(9).fill(7));
  await page.getByRole("button", { name: "Create schedule" }).click();
  await expect(page).toHaveURL(/\/schedules$/);
  // A schedule this frequent would crowd other tests' week calendars: it goes once checked.
  const [saved] = await (
    await request.get(`/api/v1/experiment/${experiment.id}/schedule`, { headers: adminAuth() })
  ).json();
  expect(saved.recurrence_pattern).toBe("@every 7m");
  await request.delete(`/api/v1/experiment/${experiment.id}/schedule/${saved.id}`, { headers: adminAuth() });

  // A cron step that does not divide the hour is described as it really fires.
  await page.goto(`/schedules/new?experiment=${experiment.id}`);
  await page.getByLabel("Pattern").fill("*/7 * * * *");
  await expect(page.getByTestId("preview-description")).toContainText(":56");
  await expect(page.getByTestId("preview-description")).not.toHaveText("Every 7 minutes");
});

test("the form sets a schedule's parameters, ticket and metadata", async ({ page, request }) => {
  const experiment = await createExperiment(request, {
    name: unique("Parameterised"),
    parameters: { seconds: 0 },
    steps: [wait("Wait", "{{ seconds }}")],
  });
  await page.goto(`/schedules/new?experiment=${experiment.id}`);
  const parameters = page.getByRole("group", { name: "Parameters" });
  await expect(parameters).toContainText("seconds"); // the experiment's own, as the starting point
  await parameters.getByRole("button", { name: "Add parameter" }).click();
  await parameters.getByLabel("Parameter 1 name").fill("seconds");
  await parameters.getByLabel("Parameter 1 value").fill("2");
  const ticket = page.getByRole("group", { name: "Ticket" });
  await ticket.getByLabel("Ticket type").fill("change");
  await ticket.getByLabel("Ticket number").fill("CHG-1");
  const metadata = page.getByRole("group", { name: "Metadata" });
  await metadata.getByRole("button", { name: "Add label" }).click();
  await metadata.getByLabel("Label 1 name").fill("team");
  await metadata.getByLabel("Label 1 value").fill("payments");
  await shot(page, "schedule-form-parameters");
  await page.getByRole("button", { name: "Create schedule" }).click();
  await expect(page).toHaveURL(/\/schedules$/);
  const [saved] = await (
    await request.get(`/api/v1/experiment/${experiment.id}/schedule`, { headers: adminAuth() })
  ).json();
  expect(saved).toMatchObject({
    parameters: { seconds: 2 },
    ticket: { type: "change", number: "CHG-1" },
    metadata: { team: "payments" },
  });
});

test("the editor names the experiment, lists the schedule's trials and the runs left; clearing the pattern clears the preview", async ({
  page,
  request,
}) => {
  test.setTimeout(60_000);
  const experiment = await createExperiment(request, { name: unique("Fired"), steps: [wait("Wait", 0)] });
  const schedule = await createSchedule(request, experiment.id, {
    recurrence_pattern: "@every 2s",
    recurrence_count: 2,
  });
  await expect
    .poll(
      async () =>
        (await (await request.get(`/api/v1/trial?schedule=${schedule.id}`, { headers: adminAuth() })).json()).length,
      { timeout: 30_000 },
    )
    .toBe(2);

  await page.goto(`/schedules/${experiment.id}/${schedule.id}`);
  await expect(page.getByRole("link", { name: experiment.name })).toHaveAttribute(
    "href",
    `/experiments/${experiment.id}`,
  );
  await expect(page.getByTestId("schedule-runs-left")).toHaveText(/0 of 2 runs left/);
  await expect(page.getByTestId("schedule-trials").getByRole("link")).toHaveCount(2);
  await shot(page, "schedule-editor");

  await page.getByLabel("Pattern").fill("");
  await expect(page.getByTestId("preview-runs")).toHaveCount(0);
  await expect(page.getByTestId("preview-description")).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Next 10 runs" })).toContainText(/Enter a pattern/);
});
