import { expect, test } from "@playwright/test";

test("the dashboard shell renders with navigation and counts", async ({ page, request }) => {
  await page.goto("/");
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Home" })).toBeVisible();
  const before = Number(await page.getByTestId("stat-experiments").textContent());

  await request.post("/api/v1/experiment/", { data: { name: "counted", steps: [] } });
  await page.reload();
  await expect(page.getByTestId("stat-experiments")).toHaveText(String(before + 1));
  await page.screenshot({ path: "test-results/screens/home.png", fullPage: true });
});

test("the API reference page lists the operations from the OpenAPI document", async ({ page }) => {
  await page.goto("/docs");
  await expect(page.getByText("Eris API").first()).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText("/experiment/{id}/schedule/{sid}").first()).toBeVisible();
  await expect(page.getByText("Preview a pattern").first()).toBeVisible();
  await page.screenshot({ path: "test-results/screens/docs.png", fullPage: false });
});
