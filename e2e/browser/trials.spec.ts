import path from "node:path";
import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { adminAuth, SCREENS, stateFile } from "./accounts";

// Runs as the signed-in admin (the config's default storage state) unless a block says otherwise.

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENS, `${name}.png`), fullPage: true });
const wait = (step: string, seconds: number | string) => ({ step, do: "cm.wait", where: { time_in_seconds: seconds } });

async function createExperiment(
  request: APIRequestContext,
  name: string,
  steps: object[],
  postSteps: object[] = [],
  parameters: object = {},
) {
  const res = await request.post("/api/v1/experiment/", {
    headers: adminAuth(),
    data: { name, steps, post_steps: postSteps, parameters },
  });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()).id as string;
}

async function startTrial(request: APIRequestContext, experiment: string, parameters: object = {}) {
  const res = await request.post("/api/v1/trial/", { headers: adminAuth(), data: { experiment, parameters } });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()).id as string;
}

async function waitForStatus(request: APIRequestContext, id: string, status: RegExp) {
  await expect
    .poll(async () => (await (await request.get(`/api/v1/trial/${id}`, { headers: adminAuth() })).json()).status, {
      timeout: 20_000,
    })
    .toMatch(status);
}

/** Every bar's status read in one go, so a check never mixes two polls of the page. */
const barStatuses = (page: Page) =>
  page.getByTestId("timeline-bar").evaluateAll((bars) => bars.map((b) => b.getAttribute("data-status")));

test("a trial's timeline updates live until it succeeds, and a step shows its logs", async ({ page, request }) => {
  test.setTimeout(90_000);
  const name = `timeline ${Date.now()}`;
  const experiment = await createExperiment(
    request,
    name,
    // Long enough that the page is open and polling before the first step ends, even on a busy machine.
    [wait("Wait one", 3), wait("Wait two", 3), wait("Wait three", 3)],
    [wait("Clean up", 0)],
  );
  const trial = await startTrial(request, experiment);
  await page.goto(`/trials/${trial}`);
  await expect(page.getByTestId("trial-experiment")).toHaveText(name);
  await expect(page.getByTestId("trial-experiment")).toHaveAttribute("href", `/experiments/${experiment}`);
  await expect(page.getByTestId("timeline-bar")).toHaveCount(4); // steps not started yet show as pending

  await expect.poll(() => barStatuses(page), { timeout: 20_000 }).toEqual(["running", "pending", "pending", "pending"]);
  await expect(page.getByTestId("trial-status")).toHaveText("In Progress");
  await expect.poll(() => barStatuses(page)).toEqual(["succeeded", "running", "pending", "pending"]);
  await shot(page, "trial-running");
  await expect.poll(() => barStatuses(page)).toEqual(["succeeded", "succeeded", "running", "pending"]);

  await expect(page.getByTestId("trial-status")).toHaveText("Succeeded", { timeout: 20_000 });
  await expect.poll(() => barStatuses(page)).toEqual(["succeeded", "succeeded", "succeeded", "succeeded"]);
  await expect(page.getByTestId("trial-result")).toContainText("Trial Completed.");
  await expect(page.getByTestId("trial-parameters")).toHaveCount(0); // no parameters: "None."

  await page.getByRole("button", { name: /^Wait two .*, succeeded$/ }).click();
  const details = page.getByTestId("step-details");
  await expect(details.getByRole("heading", { level: 2 })).toContainText("Wait two");
  await expect(details.getByTestId("step-logs")).toContainText("Starting command execution.");
  await expect(details.getByTestId("step-parameters")).toContainText('"time_in_seconds": 3');
  await expect(details).toContainText("cm.wait");
  // The keyboard moves the selection too.
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("button", { name: /^Wait three .*, succeeded$/ })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await expect(details.getByRole("heading", { level: 2 })).toContainText("Wait three");
  await shot(page, "trial-finished");
});

test("a long trial is stopped from its page and its post-step still runs", async ({ page, request }) => {
  test.setTimeout(90_000);
  const experiment = await createExperiment(
    request,
    `long ${Date.now()}`,
    [wait("Long wait", 60)],
    [wait("Roll back", 0)],
  );
  const trial = await startTrial(request, experiment);
  await page.goto(`/trials/${trial}`);
  await expect.poll(() => barStatuses(page), { timeout: 20_000 }).toEqual(["running", "pending"]);

  // Remember every status the badge shows: Stop Initiated may last less than a second.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as any).__statuses = seen;
    new MutationObserver(() => {
      const text = document.querySelector("[data-testid=trial-status]")?.textContent ?? "";
      if (seen.at(-1) !== text) seen.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await page.getByRole("button", { name: "Stop trial" }).click();
  await page.getByRole("button", { name: "Confirm stop" }).click();
  await expect(page.getByTestId("trial-status")).toHaveText("Stopped", { timeout: 20_000 });
  expect(await page.evaluate(() => (window as any).__statuses)).toContain("Stop Initiated");
  await expect.poll(() => barStatuses(page)).toEqual(["stopped", "succeeded"]);
  await expect(page.getByRole("button", { name: "Stop trial" })).toHaveCount(0);
  await expect(page.getByTestId("trial-reason")).toBeVisible();
  await page.getByRole("button", { name: /^Long wait .*, stopped$/ }).click();
  await expect(page.getByTestId("step-logs")).toContainText("TrialStopError");
  await shot(page, "trial-stopped");
});

test("the list filters by status and by experiment name", async ({ page, request }) => {
  test.setTimeout(60_000);
  const name = `list filter ${Date.now()}`;
  // One experiment, two trials: a quick one that succeeds and a long one (queued or running) that is stopped.
  const experiment = await createExperiment(request, name, [wait("Wait", "{{ seconds }}")], [], { seconds: 0 });
  const succeeded = await startTrial(request, experiment);
  await waitForStatus(request, succeeded, /^Succeeded$/);
  const stopped = await startTrial(request, experiment, { seconds: 60 });
  expect((await request.put(`/api/v1/trial/${stopped}/stop`, { headers: adminAuth() })).status()).toBe(200);
  await waitForStatus(request, stopped, /^Stopped$/);

  await page.goto("/trials");
  await expect(page.getByRole("heading", { name: "Trials" })).toBeVisible();
  await expect(page.locator(`[data-trial-id="${succeeded}"]`)).toBeVisible();
  await expect(page.locator(`[data-trial-id="${succeeded}"]`)).toContainText(name);
  await shot(page, "trials-list");

  const filters = page.getByRole("form", { name: "Filter trials" });
  await filters.getByLabel("Status").selectOption("Stopped");
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/\/trials\?status=Stopped$/);
  await expect(page.locator(`[data-trial-id="${stopped}"]`)).toBeVisible();
  await expect(page.locator(`[data-trial-id="${succeeded}"]`)).toHaveCount(0);
  for (const status of await page.getByTestId("trial-row").getByTestId("trial-status").allTextContents()) {
    expect(status).toBe("Stopped");
  }

  await filters.getByLabel("Status").selectOption("");
  await filters.getByLabel("Experiment").fill(name);
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(new RegExp(`/trials\\?experiment=${experiment}$`));
  await expect(page.getByTestId("trial-row")).toHaveCount(2);

  await page.locator(`[data-trial-id="${succeeded}"]`).getByRole("link").click();
  await expect(page).toHaveURL(`/trials/${succeeded}`);
  await expect(page.getByTestId("trial-status")).toHaveText("Succeeded");
  await expect(page.getByTestId("trial-parameters")).toHaveCount(0); // no trial parameters of its own
  await page.goto(`/trials/${stopped}`);
  await expect(page.getByTestId("trial-parameters")).toContainText('"seconds": 60');
});

test.describe("as a viewer", () => {
  test.use({ storageState: stateFile("viewer") });

  test("watches a running trial but gets no Stop button", async ({ page, request }) => {
    test.setTimeout(60_000);
    const experiment = await createExperiment(request, `viewer ${Date.now()}`, [wait("Long wait", 60)]);
    const trial = await startTrial(request, experiment);
    try {
      await page.goto(`/trials/${trial}`);
      await expect(page.getByTestId("current-role")).toHaveText("viewer");
      await expect(page.getByTestId("trial-status")).toHaveText("In Progress", { timeout: 20_000 });
      await expect(page.getByRole("button", { name: "Stop trial" })).toHaveCount(0);
    } finally {
      await request.put(`/api/v1/trial/${trial}/stop`, { headers: adminAuth() });
    }
    await waitForStatus(request, trial, /^Stopped$/);
  });
});

test("a trial's page shows the revision it ran, not the experiment as edited since", async ({ page, request }) => {
  const name = `revised ${Date.now()}`;
  const experiment = await createExperiment(request, name, [wait("Original step", 0)], [wait("Original rollback", 0)]);
  const trial = await startTrial(request, experiment);
  await waitForStatus(request, trial, /^Succeeded$/);
  const edit = await request.patch(`/api/v1/experiment/${experiment}/`, {
    headers: adminAuth(),
    data: { name: `${name} v2`, steps: [wait("Edited step", 0), wait("Another", 0)], post_steps: [] },
  });
  expect(edit.status()).toBe(200);
  await page.goto(`/trials/${trial}`);
  await expect(page.getByTestId("trial-revision")).toHaveText("1");
  await expect(page.getByTestId("trial-experiment")).toHaveText(name);
  await expect(page.getByTestId("timeline-bar")).toHaveCount(2);
  await expect(page.getByText("Original rollback").first()).toBeVisible();
  await expect(page.getByText("Edited step")).toHaveCount(0);
});
