import { expect, type Page, test } from "@playwright/test";
import { adminAuth, stateFile } from "./accounts";
import { createExperiment, unique } from "./helpers";

// The wizard as an operator uses it: nothing typed is dropped or lost, and the keyboard gets everywhere.
test.use({ storageState: stateFile("operator") });

const stepEditor = (page: Page, n: number) => page.getByTestId("step-editor").nth(n);

async function addWaitStep(page: Page, seconds: string) {
  await page.getByRole("button", { name: "3. Steps" }).click();
  await page.getByRole("button", { name: "Add a step" }).click();
  const step = stepEditor(page, 0);
  await step.getByLabel("Action", { exact: true }).selectOption("cm.wait");
  await step.getByLabel("time_in_seconds", { exact: true }).fill(seconds);
}

test("a field that does not parse blocks saving, with the error on that field", async ({ page, request }) => {
  const name = unique("Unparsed headers");
  await page.goto("/experiments/new");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByRole("button", { name: "3. Steps" }).click();
  await page.getByRole("button", { name: "Add a step" }).click();
  const step = stepEditor(page, 0);
  await step.getByLabel("Action", { exact: true }).selectOption("cm.http_probe");
  await step.getByLabel("url", { exact: true }).fill("http://127.0.0.1:9/health");
  await step.getByLabel("headers", { exact: true }).fill('{"Authorization": "Bearer abc", }');
  await page.getByRole("button", { name: "2. Pre-steps" }).click(); // away from the field, then save
  await page.getByRole("button", { name: "Create experiment" }).click();

  await expect(page.getByTestId("wizard-error")).toContainText("headers");
  await expect(page.getByRole("button", { name: /^3\. Steps/ })).toHaveAttribute("aria-current", "step");
  const headers = step.getByLabel("headers", { exact: true });
  await expect(headers).toHaveValue('{"Authorization": "Bearer abc", }'); // the text is kept as typed
  await expect(headers).toHaveAttribute("aria-invalid", "true");
  await expect(headers).toHaveAccessibleDescription(/not valid JSON/i);
  await expect(headers).toBeFocused();
  await expect(page).toHaveURL(/\/experiments\/new/);
  const listed = await request.get(`/api/v1/experiment?search=${encodeURIComponent(name)}`, { headers: adminAuth() });
  expect(await listed.json()).toEqual([]); // nothing was saved

  await headers.fill('{"Authorization": "Bearer abc"}');
  await page.getByRole("button", { name: "Create experiment" }).click();
  await expect(page).toHaveURL(/\/experiments\/[0-9a-f-]{36}$/);
  const saved = await (
    await request.get(`/api/v1/experiment/${page.url().split("/").pop()}`, { headers: adminAuth() })
  ).json();
  expect(Object.keys(saved.steps[0].where.headers)).toEqual(["Authorization"]);
});

test("each wizard page has its own address, and Back and Forward move between the pages", async ({ page }) => {
  await page.goto("/experiments");
  await page.getByRole("link", { name: "New experiment" }).click();
  await expect(page.getByLabel("Name", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "3. Steps" }).click();
  await expect(page).toHaveURL(/\/experiments\/new\?page=steps$/);
  await page.getByRole("button", { name: "6. Parameters" }).click();
  await expect(page).toHaveURL(/\?page=parameters$/);

  await page.goBack();
  await expect(page).toHaveURL(/\?page=steps$/);
  await expect(page.getByRole("button", { name: "3. Steps" })).toHaveAttribute("aria-current", "step");
  await page.goBack();
  await expect(page.getByLabel("Name", { exact: true })).toBeVisible();
  await page.goForward();
  await expect(page.getByRole("button", { name: "Add a step" })).toBeVisible();
  // An address opens its page directly.
  await page.goto("/experiments/new?page=review");
  await expect(page.getByTestId("review-json")).toBeVisible();
});

test("leaving with unsaved changes asks first, and the draft outlives a reload until it is discarded", async ({
  page,
}) => {
  const name = unique("Draft");
  await page.goto("/experiments/new");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await addWaitStep(page, "5");

  // A link to another page asks; saying no stays in the wizard with everything in place.
  let asked = "";
  page.once("dialog", (d) => {
    asked = d.message();
    void d.dismiss();
  });
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Trials" }).click();
  await expect.poll(() => asked).toMatch(/unsaved/i);
  await expect(page).toHaveURL(/\/experiments\/new/);
  await expect(stepEditor(page, 0).getByLabel("time_in_seconds", { exact: true })).toHaveValue("5");

  // A reload asks too (the browser's own prompt), and the draft is there afterwards.
  let unloadPrompt = false;
  page.once("dialog", (d) => {
    unloadPrompt = d.type() === "beforeunload";
    void d.accept();
  });
  await page.reload();
  expect(unloadPrompt).toBe(true);
  await expect(page.getByTestId("draft-restored")).toBeVisible();
  await expect(page.getByRole("button", { name: "Add a step" })).toBeVisible(); // back on the Steps page
  await expect(stepEditor(page, 0).getByLabel("time_in_seconds", { exact: true })).toHaveValue("5");
  await page.getByRole("button", { name: "1. Basics" }).click();
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue(name);

  // Discarding empties the form for good.
  await page.getByRole("button", { name: "Discard draft" }).click();
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("");
  await page.reload();
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("");
  await expect(page.getByTestId("draft-restored")).toHaveCount(0);
});

test("the keyboard: a skip link, Name focused, Add and Remove keep the focus on the work, Enter picks an action", async ({
  page,
}) => {
  await page.goto("/experiments");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();

  await page.goto("/experiments/new");
  await expect(page.getByLabel("Name", { exact: true })).toBeFocused();

  await page.getByRole("button", { name: "3. Steps" }).click();
  await page.getByRole("button", { name: "Add a step" }).focus();
  await page.keyboard.press("Enter");
  const search = page.getByLabel("Search actions for step 1");
  await expect(search).toBeFocused();
  await page.keyboard.type("wait");
  await page.keyboard.press("Enter");
  await expect(stepEditor(page, 0).getByLabel("Action", { exact: true })).toHaveValue("cm.wait");
  await stepEditor(page, 0).getByLabel("time_in_seconds", { exact: true }).fill("7");

  await page.getByRole("button", { name: "Remove Step 1" }).click();
  await expect(page.getByTestId("step-editor")).toHaveCount(0);
  const undo = page.getByRole("button", { name: /^Undo/ });
  await expect(undo).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("step-editor")).toHaveCount(1);
  await expect(stepEditor(page, 0).getByLabel("Action", { exact: true })).toHaveValue("cm.wait");
  await expect(stepEditor(page, 0).getByLabel("time_in_seconds", { exact: true })).toHaveValue("7");
});

test("the action picker lists each Kubernetes action once, and an istio.* step still opens", async ({
  page,
  request,
}) => {
  await page.goto("/experiments/new?page=steps");
  await page.getByRole("button", { name: "Add a step" }).click();
  const action = stepEditor(page, 0).getByLabel("Action", { exact: true });
  const values = await action.locator("option").evaluateAll((options) => options.map((o) => o.getAttribute("value")));
  expect(values.filter((v) => v?.startsWith("istio."))).toEqual([]);
  expect(values.filter((v) => v === "k8s.terminate_pods")).toHaveLength(1);

  const kallisti = await createExperiment(request, {
    name: unique("Istio alias"),
    steps: [{ do: "istio.terminate_pods", where: { label_selector: "app=web", ns: "shop" } }],
  });
  await page.goto(`/experiments/${kallisti.id}/edit?page=steps`);
  await expect(stepEditor(page, 0).getByLabel("Action", { exact: true })).toHaveValue("istio.terminate_pods");
  await expect(stepEditor(page, 0).getByLabel("label_selector", { exact: true })).toHaveValue("app=web");
});

test("a step's name is labelled as a name, and what to target comes before how to connect", async ({ page }) => {
  await page.goto("/experiments/new?page=steps");
  await page.getByRole("button", { name: "Add a step" }).click();
  const step = stepEditor(page, 0);
  await expect(step.getByLabel("Step name (optional)")).toBeVisible();
  await step.getByLabel("Action", { exact: true }).selectOption("k8s.terminate_pods");
  const labels = await step.locator("label").allTextContents();
  const at = (text: string) => labels.findIndex((l) => l.trim() === text);
  expect(at("label_selector")).toBeGreaterThanOrEqual(0);
  expect(at("ns")).toBeGreaterThanOrEqual(0);
  // The connection fields sit after the target (in a closed "Cluster connection" group).
  expect(at("k8s_api_host") === -1 || at("k8s_api_host") > at("ns")).toBe(true);
  expect(at("kubeconfig") === -1 || at("kubeconfig") > at("label_selector")).toBe(true);
});

test("a draft keeps no secret in the browser, and says which to type again", async ({ page }) => {
  await page.goto("/experiments/new");
  await page.getByLabel("Name", { exact: true }).fill(unique("Secretive"));
  await page.getByRole("button", { name: "6. Parameters" }).click();
  await page.getByRole("button", { name: "Add parameter" }).click();
  await page.getByLabel("Parameter 1 name").fill("api_token");
  await page.getByLabel("Parameter 1 value").fill("s3cr3t-parameter");
  await page.getByRole("button", { name: "3. Steps" }).click();
  await page.getByRole("button", { name: "Add a step" }).click();
  const step = stepEditor(page, 0);
  await step.getByLabel("Action", { exact: true }).selectOption("cm.http_probe");
  await step.getByLabel("url", { exact: true }).fill("http://shop/health");
  await step.getByLabel("headers", { exact: true }).fill('{"Authorization": "Bearer s3cr3t-header", "X-Team": "a"}');

  const stored = () => page.evaluate(() => JSON.stringify(Object.entries(window.localStorage)));
  await expect.poll(stored).toContain("http://shop/health"); // the draft is stored...
  expect(await stored()).not.toContain("s3cr3t"); // ...without its secrets

  page.once("dialog", (d) => void d.accept());
  await page.reload();
  const notice = page.getByTestId("draft-restored");
  await expect(notice).toContainText("parameters.api_token");
  await expect(notice).toContainText("headers.Authorization");
  await expect(stepEditor(page, 0).getByLabel("headers", { exact: true })).toHaveValue(/"X-Team": "a"/);
  await page.getByRole("button", { name: "6. Parameters" }).click();
  await expect(page.getByLabel("Parameter 1 value")).toHaveValue("");
});
