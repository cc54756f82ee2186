/**
 * Chaos Mesh in the dashboard: seed 001's two documents pasted as written into the Import page, the
 * preview of what will be created (the schedule at minute 5 of every hour) before saving, errors at
 * their YAML path, a Run now that injects the NetworkChaos into the fake cluster and removes it after,
 * and the wizard's forms for the chaos kinds.
 */
import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { SEED_001_NETWORK_CHAOS, SEED_001_SCHEDULE } from "../fixtures/seed-001";
import { adminAuth, SCREENS, stateFile } from "./accounts";
import { isInjected, networkChaos } from "./fake-cluster";

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENS, `${name}.png`), fullPage: true });

async function paste(page: Page, text: string) {
  await page.goto("/experiments/import");
  await page.getByLabel("Definition").fill(text);
  await page.getByRole("button", { name: "Preview", exact: true }).click();
}

test.describe("as an operator", () => {
  test.use({ storageState: stateFile("operator") });

  test("imports seed 001's Schedule as written, previewing the experiment and its runs at minute 5 first", async ({
    page,
    request,
  }) => {
    const before = await (await request.get("/api/v1/experiment", { headers: adminAuth() })).json();
    await paste(page, SEED_001_SCHEDULE);
    const preview = page.getByTestId("import-preview");
    await expect(preview.getByTestId("import-source")).toContainText("a Chaos Mesh Schedule");
    await expect(preview.getByTestId("import-experiment-name")).toHaveText("schedule-delay-example");
    await expect(preview.getByTestId("import-steps")).toContainText("chaosmesh.network_chaos");
    await expect(preview.getByTestId("import-steps")).toContainText("latency: 10ms");
    await expect(preview.getByTestId("import-schedule-description")).toHaveText("At 5 minutes past the hour");
    const runs = preview.getByTestId("import-next-runs").locator("li");
    await expect(runs).toHaveCount(5);
    for (const local of await runs.evaluateAll((items) => items.map((li) => li.getAttribute("data-local")))) {
      expect(local).toMatch(/T\d\d:05:00Z$/);
    }
    await shot(page, "import-chaos-mesh-preview");
    // Nothing is written by the preview.
    const after = await (await request.get("/api/v1/experiment", { headers: adminAuth() })).json();
    expect(after.length).toBe(before.length);

    await page.getByRole("button", { name: "Import", exact: true }).click();
    await expect(page).toHaveURL(/\/experiments\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { name: "schedule-delay-example" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Schedules" })).toContainText("5 * * * *");
  });

  test("imports the bare NetworkChaos as one step; a broken field is named by its YAML path", async ({ page }) => {
    await paste(page, SEED_001_NETWORK_CHAOS.replace("latency: '10ms'", "latency: 'ten'"));
    await expect(page.getByTestId("import-field-errors")).toContainText(
      'spec.delay.latency: latency must be a duration such as "30s", "5m" or "1h30m" (line 14)',
    );
    await page.getByLabel("Definition").fill(SEED_001_NETWORK_CHAOS);
    await page.getByRole("button", { name: "Preview", exact: true }).click();
    await expect(page.getByTestId("import-source")).toContainText("a Chaos Mesh chaos object");
    await expect(page.getByTestId("import-steps").locator("li")).toHaveCount(1);
    await expect(page.getByTestId("import-schedule")).toHaveCount(0);
    await page.getByRole("button", { name: "Import", exact: true }).click();
    await expect(page.getByRole("heading", { name: "schedule-delay-example-xxxxx" })).toBeVisible();
  });

  test("Run now injects the NetworkChaos into the cluster during the step and removes it after", async ({
    page,
    request,
  }) => {
    test.setTimeout(90_000);
    await paste(page, SEED_001_SCHEDULE.replace("duration: '12s'", "duration: '4s'"));
    await page.getByRole("button", { name: "Import", exact: true }).click();
    await expect(page).toHaveURL(/\/experiments\/[0-9a-f-]{36}$/);
    await page.getByRole("button", { name: "Run now" }).click();
    await page
      .getByRole("dialog", { name: /^Run “/ })
      .getByRole("button", { name: "Start trial" })
      .click();
    await expect(page).toHaveURL(/\/trials\/[0-9a-f-]{36}$/);
    const trialId = page.url().split("/").pop() as string;

    await expect.poll(async () => (await networkChaos(request)).filter(isInjected).length, { timeout: 30_000 }).toBe(1);
    const [object] = await networkChaos(request);
    expect(object.metadata.labels?.["eris.io/trial"]).toBe(trialId);
    await expect
      .poll(
        async () => (await (await request.get(`/api/v1/trial/${trialId}`, { headers: adminAuth() })).json()).status,
        {
          timeout: 40_000,
        },
      )
      .toBe("Succeeded");
    expect(await networkChaos(request)).toEqual([]);
    await page.reload();
    await page.getByRole("button", { name: /^NetworkChaos delay .*succeeded/ }).click();
    await expect(page.getByText(/injected after \d+\.\d s: AllInjected=True/)).toBeVisible();
    await expect(page.getByText(/Deleted NetworkChaos default\/networkchaos-\w+-step1: gone/)).toBeVisible();
    await shot(page, "chaos-mesh-trial");
  });

  test("the wizard offers the chaos kinds with forms from their schemas", async ({ page }) => {
    await page.goto("/experiments/new");
    await page.getByLabel("Name", { exact: true }).fill(`Wizard chaos ${Date.now().toString(36)}`);
    await page.getByRole("button", { name: "3. Steps" }).click();
    await page.getByRole("button", { name: "Add a step" }).click();
    const step = page.getByTestId("step-editor").nth(0);
    await step.getByLabel("Search actions for step 1").fill("chaos");
    await step.getByLabel("Action", { exact: true }).selectOption("chaosmesh.network_chaos");
    await step.getByLabel("action", { exact: true }).selectOption("delay");
    await step.getByLabel("mode", { exact: true }).selectOption("one");
    await step.getByLabel("selector", { exact: true }).fill('{"labelSelectors": {"app": "web-show"}}');
    await step.getByLabel("delay", { exact: true }).fill('{"latency": "10ms"}');
    await step.getByLabel("duration", { exact: true }).fill("30s");
    await shot(page, "wizard-network-chaos");
    await page.getByRole("button", { name: "7. Review" }).click();
    const review = JSON.parse((await page.getByTestId("review-json").textContent()) ?? "{}");
    expect(review.steps).toEqual([
      {
        do: "chaosmesh.network_chaos",
        where: {
          action: "delay",
          mode: "one",
          selector: { labelSelectors: { app: "web-show" } },
          delay: { latency: "10ms" },
          duration: "30s",
        },
      },
    ]);
    await page.getByRole("button", { name: "Create experiment" }).click();
    await expect(page).toHaveURL(/\/experiments\/[0-9a-f-]{36}$/);
  });
});
