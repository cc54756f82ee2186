import { expect, type Page, test } from "@playwright/test";
import { adminAuth } from "./accounts";
import { createExperiment, shot, unique } from "./helpers";

/** Errors the page throws or logs: the reference must run clean in Chromium. */
function watchErrors(page: Page) {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  return errors;
}

/** Expands `GET /experiment`, presses Try it out and Execute, and returns the response panel. */
async function tryListExperiments(page: Page, search: string) {
  const operation = page.locator(".opblock-get").filter({ has: page.locator('[data-path="/experiment"]') });
  await operation.locator(".opblock-summary-control").first().click();
  await operation.getByRole("button", { name: "Try it out" }).click();
  await operation.locator('tr[data-param-name="search"] input').fill(search);
  await operation.locator('tr[data-param-name="label"] input').fill(""); // the document's example value
  await operation.getByRole("button", { name: "Execute" }).click();
  return operation.locator(".live-responses-table");
}

test("the API reference runs an operation with the signed-in session", async ({ page, request }) => {
  const errors = watchErrors(page);
  const created = await createExperiment(request, { name: unique("Docs try-out"), steps: [] });
  await page.goto("/docs");
  await expect(page.getByRole("heading", { name: /Eris API/ })).toBeVisible({ timeout: 20_000 });
  const response = await tryListExperiments(page, created.name);
  await expect(response.locator("tr.response .response-col_status")).toHaveText(/^200\b/, { timeout: 15_000 });
  await expect(response.locator("tr.response .response-col_description")).toContainText(created.id);
  await shot(page, "docs-try-it-out");
  expect(errors.filter((e) => !/favicon/.test(e))).toEqual([]);
});

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("the API reference runs an operation with an API token given to Authorize", async ({ page, request }) => {
    const created = await createExperiment(request, { name: unique("Docs token"), steps: [] });
    await page.goto("/docs");
    await expect(page.getByRole("heading", { name: /Eris API/ })).toBeVisible({ timeout: 20_000 });
    // Without a token the API refuses, and the reference shows that answer too.
    let response = await tryListExperiments(page, created.name);
    await expect(response.locator("tr.response .response-col_status")).toHaveText(/^401\b/, { timeout: 15_000 });

    await page
      .getByRole("button", { name: /Authorize/ })
      .first()
      .click();
    const token = adminAuth().Authorization.replace(/^Bearer /, "");
    await page.locator(".auth-container input").first().fill(token);
    await page.locator(".auth-container").getByRole("button", { name: "Apply credentials" }).click();
    await page.locator(".auth-container").getByRole("button", { name: "Close" }).click();
    await page.getByRole("button", { name: "Execute" }).click();
    response = page.locator(".live-responses-table");
    await expect(response.locator("tr.response .response-col_status")).toHaveText(/^200\b/, { timeout: 15_000 });
    await expect(response.locator("tr.response .response-col_description")).toContainText(created.id);
  });
});
