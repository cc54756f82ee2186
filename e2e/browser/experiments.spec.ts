import { readFile } from "node:fs/promises";
import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import YAML from "yaml";
import { adminAuth, SCREENS, stateFile } from "./accounts";

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENS, `${name}.png`), fullPage: true });
const unique = (prefix: string) => `${prefix} ${Date.now().toString(36)}`;
const stepEditor = (page: Page, n: number) => page.getByTestId("step-editor").nth(n);

type Api = import("@playwright/test").APIRequestContext;
async function createExperiment(request: Api, body: Record<string, unknown>) {
  const res = await request.post("/api/v1/experiment", { headers: adminAuth(), data: body });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as { id: string; name: string };
}
const waitExperiment = (name: string, labels: Record<string, string> = {}) => ({
  name,
  metadata: labels,
  parameters: { seconds: 1 },
  steps: [{ do: "cm.wait", where: { time_in_seconds: "{{ seconds }}" } }],
});

test.describe("as an operator", () => {
  test.use({ storageState: stateFile("operator") });

  test("creates an experiment through the wizard, with the API's error on the field it names", async ({
    page,
    baseURL,
  }) => {
    const name = unique("Wizard probe");
    await page.goto("/experiments");
    await page.getByRole("link", { name: "New experiment" }).click();
    await expect(page.getByRole("heading", { name: "New experiment" })).toBeVisible();

    await page.getByLabel("Name", { exact: true }).fill(name);
    await page.getByLabel("Description", { exact: true }).fill("Probes health, then waits.");
    await page.getByRole("button", { name: "Add label" }).click();
    await page.getByLabel("Label 1 name").fill("suite");
    await page.getByLabel("Label 1 value").fill("e2e");

    await page.getByRole("button", { name: "6. Parameters" }).click();
    await page.getByRole("button", { name: "Add parameter" }).click();
    await page.getByLabel("Parameter 1 name").fill("seconds");
    await page.getByLabel("Parameter 1 value").fill("1");

    await page.getByRole("button", { name: "3. Steps" }).click();
    await page.getByRole("button", { name: "Add a step" }).click();
    const probe = stepEditor(page, 0);
    await probe.getByLabel("Search actions for step 1").fill("probe");
    await probe.getByLabel("Action", { exact: true }).selectOption("cm.http_probe");
    await probe.getByLabel("url", { exact: true }).fill("not a url");
    await probe.getByRole("button", { name: "Add expectation" }).click();
    await probe.getByLabel("Step 1 expectation 1 key").fill("status_code");
    await probe.getByLabel("Step 1 expectation 1 value").fill("200");

    await page.getByRole("button", { name: "Add a step" }).click();
    const wait = stepEditor(page, 1);
    await wait.getByLabel("Action", { exact: true }).selectOption("cm.wait");
    await expect(wait.getByTestId("placeholder-hint")).toContainText("{{ seconds }}");
    await wait.getByLabel("time_in_seconds", { exact: true }).fill("{{ seconds }}");
    await shot(page, "experiment-wizard-steps");
    await page.getByRole("button", { name: "Move Step 2 up" }).click();
    await expect(page.getByTestId("step-editor").locator("> legend")).toHaveText([
      "Step 1: cm.wait",
      "Step 2: cm.http_probe",
    ]);
    await page.getByRole("button", { name: "Move Step 1 down" }).click();
    await expect(page.getByTestId("step-editor").locator("> legend")).toHaveText([
      "Step 1: cm.http_probe",
      "Step 2: cm.wait",
    ]);

    await page.getByRole("button", { name: "7. Review" }).click();
    const review = JSON.parse((await page.getByTestId("review-json").textContent()) ?? "{}");
    expect(review).toMatchObject({
      name,
      metadata: { suite: "e2e" },
      parameters: { seconds: 1 },
      steps: [
        { do: "cm.http_probe", where: { url: "not a url" }, expect: [{ operator: "eq", status_code: 200 }] },
        { do: "cm.wait", where: { time_in_seconds: "{{ seconds }}" } },
      ],
    });

    await page.getByRole("button", { name: "Create experiment" }).click();
    await expect(page.getByTestId("wizard-error")).toContainText("steps.0.where.url");
    await expect(page.getByRole("button", { name: "3. Steps" })).toHaveAttribute("aria-current", "step");
    const url = stepEditor(page, 0).getByLabel("url", { exact: true });
    await expect(url).toHaveAttribute("aria-invalid", "true");
    await expect(url).toHaveAccessibleDescription(/^cm\.http_probe: /);
    await expect(url).toBeFocused();

    await url.fill(`${baseURL}/api/v1/health`);
    await page.getByRole("button", { name: "Create experiment" }).click();
    await expect(page).toHaveURL(/\/experiments\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { name })).toBeVisible();
    await expect(page.getByTestId("step")).toHaveCount(2);
    await expect(page.getByText("{{ seconds }}")).toBeVisible();
    await shot(page, "experiment-detail");

    await page.goto(`/experiments?label=suite:e2e&search=${encodeURIComponent(name)}`);
    await expect(page.getByTestId("experiment-row")).toHaveCount(1);
    await shot(page, "experiments-list");
  });

  test("exports JSON and YAML files holding the definition", async ({ page, request }) => {
    const created = await createExperiment(request, waitExperiment(unique("Export me")));
    await page.goto(`/experiments/${created.id}`);
    for (const format of ["json", "yaml"] as const) {
      const download = page.waitForEvent("download");
      await page.getByRole("button", { name: `Export ${format.toUpperCase()}` }).click();
      const file = await download;
      expect(file.suggestedFilename()).toMatch(new RegExp(`^export-me-[a-z0-9]+\\.${format}$`));
      const text = await readFile((await file.path()) ?? "", "utf8");
      const doc = format === "json" ? JSON.parse(text) : YAML.parse(text);
      expect(Object.keys(doc)).toEqual([
        "name",
        "description",
        "metadata",
        "parameters",
        "pre_steps",
        "steps",
        "post_steps",
      ]);
      expect(doc.steps).toEqual([{ do: "cm.wait", where: { time_in_seconds: "{{ seconds }}" } }]);
    }
  });

  test("imports a YAML experiment, showing the API's errors first", async ({ page }) => {
    const name = unique("Imported");
    await page.goto("/experiments");
    await page.getByRole("link", { name: "Import", exact: true }).click();
    const definition = page.getByLabel("Definition");
    await definition.fill(`name: ${name}\nsteps:\n  - do: cm.wait\n    where:\n      time_in_seconds: -1\n`);
    await expect(page.getByTestId("import-format")).toHaveText("Read as YAML.");
    await page.getByRole("button", { name: "Preview", exact: true }).click();
    await expect(page.getByTestId("import-field-errors")).toContainText("steps.0.where.time_in_seconds");

    await definition.fill(`name: ${name}\nsteps:\n  - do: cm.wait\n    where:\n      time_in_seconds: 0\n`);
    await page.getByRole("button", { name: "Preview", exact: true }).click();
    await expect(page.getByTestId("import-experiment-name")).toHaveText(name);
    await page.getByRole("button", { name: "Import", exact: true }).click();
    await expect(page).toHaveURL(/\/experiments\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { name })).toBeVisible();
  });

  test("edits in the JSON tab, keeps unparseable text, and saves with PUT", async ({ page, request }) => {
    const created = await createExperiment(request, waitExperiment(unique("Edit me")));
    await page.goto(`/experiments/${created.id}`);
    await page.getByRole("link", { name: "Edit" }).click();
    await expect(page.getByLabel("Name", { exact: true })).toHaveValue(created.name);

    await page.getByRole("button", { name: "JSON", exact: true }).click();
    const text = page.getByLabel("Experiment as JSON");
    const doc = JSON.parse(await text.inputValue());
    await text.fill(`${JSON.stringify({ ...doc, description: "Edited as text" })} oops`);
    await page.getByRole("button", { name: "Form", exact: true }).click();
    await expect(page.getByTestId("text-parse-error")).toContainText("JSON");
    await expect(text).toHaveValue(/oops$/); // the edits are still there

    await text.fill(JSON.stringify({ ...doc, description: "Edited as text" }));
    await page.getByRole("button", { name: "Form", exact: true }).click();
    await expect(page.getByLabel("Description", { exact: true })).toHaveValue("Edited as text");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page).toHaveURL(new RegExp(`/experiments/${created.id}$`));
    await expect(page.getByText("Edited as text")).toBeVisible();
  });

  test("duplicates, then deletes the copy", async ({ page, request }) => {
    const created = await createExperiment(request, waitExperiment(unique("Original")));
    await page.goto(`/experiments/${created.id}`);
    await page.getByRole("button", { name: "Duplicate" }).click();
    await expect(page.getByRole("heading", { name: `${created.name} (copy)` })).toBeVisible();
    await expect(page).not.toHaveURL(new RegExp(created.id));

    await page.getByRole("button", { name: "Delete", exact: true }).click();
    await page.getByRole("button", { name: "Confirm delete" }).click();
    await expect(page).toHaveURL(/\/experiments$/);
    // A soft-deleted experiment still answers by id (as in Kallisti), but leaves the list.
    const listed = await request.get(`/api/v1/experiment?search=${encodeURIComponent(created.name)}`, {
      headers: adminAuth(),
    });
    expect(((await listed.json()) as { id: string }[]).map((e) => e.id)).toEqual([created.id]);
  });

  test("runs now with overridden parameters and goes to the new trial", async ({ page, request }) => {
    const created = await createExperiment(request, waitExperiment(unique("Run me")));
    await page.goto(`/experiments/${created.id}`);
    await page.getByRole("button", { name: "Run now" }).click();
    const dialog = page.getByRole("dialog", { name: /^Run “/ });
    const parameters = dialog.getByLabel("Parameters (JSON)");
    expect(JSON.parse(await parameters.inputValue())).toEqual({ seconds: 1 });
    await parameters.fill('{"seconds": 0}');
    await dialog.getByRole("button", { name: "Start trial" }).click();
    await expect(page).toHaveURL(/\/trials\/[0-9a-f-]{36}$/);
    const trialId = page.url().split("/").pop();
    const trial = await request.get(`/api/v1/trial/${trialId}`, { headers: adminAuth() });
    expect(trial.status()).toBe(200);
    expect(await trial.json()).toMatchObject({ experiment: created.id, parameters: { seconds: 0 } });
  });

  test("filters the list by search and label, with an empty state", async ({ page, request }) => {
    const tag = Date.now().toString(36);
    await createExperiment(request, waitExperiment(`Filter alpha ${tag}`, { team: `a${tag}` }));
    await createExperiment(request, waitExperiment(`Filter beta ${tag}`, { team: `b${tag}` }));
    await page.goto("/experiments");
    await page.getByLabel("Search").fill(`Filter alpha ${tag}`);
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(/search=Filter\+alpha/);
    await expect(page.getByTestId("experiment-row")).toHaveCount(1);

    await page.goto(`/experiments?label=team:b${tag}`);
    await expect(page.getByTestId("experiment-row")).toHaveText([new RegExp(`Filter beta ${tag}`)]);
    await page.goto(`/experiments?search=nothing-matches-${tag}`);
    await expect(page.getByTestId("experiments-empty")).toBeVisible();
  });
});

test.describe("at phone width", () => {
  test.use({ storageState: stateFile("operator"), viewport: { width: 390, height: 844 } });

  test("the detail page and the wizard's step form fit without sideways scrolling", async ({ page, request }) => {
    const created = await createExperiment(request, waitExperiment(unique("Phone")));
    const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    await page.goto(`/experiments/${created.id}`);
    await expect(page.getByRole("heading", { name: created.name })).toBeVisible();
    expect(await fits()).toBe(true);
    await page.goto(`/experiments/${created.id}/edit`);
    await page.getByRole("button", { name: "3. Steps" }).click();
    await expect(page.getByRole("textbox", { name: "time_in_seconds" })).toHaveCount(0); // a combobox: it offers {{ seconds }}
    await expect(page.getByRole("combobox", { name: "time_in_seconds" })).toHaveValue("{{ seconds }}");
    expect(await fits()).toBe(true);
    await shot(page, "experiment-wizard-phone");
  });
});

test.describe("as a viewer", () => {
  test.use({ storageState: stateFile("viewer") });

  test("reads and exports, but sees no create, edit, delete or run buttons", async ({ page, request }) => {
    const created = await createExperiment(request, waitExperiment(unique("Read only")));
    await page.goto("/experiments");
    await expect(page.getByRole("heading", { name: "Experiments" })).toBeVisible();
    await expect(page.getByRole("link", { name: "New experiment" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Import", exact: true })).toHaveCount(0);

    await page.goto(`/experiments/${created.id}`);
    await expect(page.getByRole("heading", { name: created.name })).toBeVisible();
    await expect(page.getByRole("button", { name: "Export JSON" })).toBeVisible();
    for (const name of ["Run now", "Duplicate", "Delete"])
      await expect(page.getByRole("button", { name })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Edit" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "New schedule" })).toHaveCount(0);

    await page.goto(`/experiments/${created.id}/edit`);
    await expect(page.getByTestId("forbidden")).toBeVisible();
  });
});
