import { expect, test } from "@playwright/test";
import path from "node:path";
import { SCREENS, adminAuth } from "./accounts";

// Runs as the signed-in admin (the config's default storage state).

test("the dashboard shell renders with navigation and counts", async ({ page, request }) => {
  await page.goto("/");
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Home" })).toBeVisible();
  const before = Number(await page.getByTestId("stat-experiments").textContent());

  // With a token: a cookie-session POST without an Origin header is refused by the CSRF check.
  const created = await request.post("/api/v1/experiment/", {
    headers: adminAuth(),
    data: { name: "counted", steps: [] },
  });
  expect(created.status()).toBe(201);
  await page.reload();
  await expect(page.getByTestId("stat-experiments")).toHaveText(String(before + 1));
  await page.screenshot({ path: path.join(SCREENS, "home.png"), fullPage: true });
});

test("the API reference page lists the operations from the OpenAPI document", async ({ page }) => {
  await page.goto("/docs");
  await expect(page.getByText("Eris API").first()).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText("/experiment/{id}/schedule/{sid}").first()).toBeVisible();
  await expect(page.getByText("Preview a pattern").first()).toBeVisible();
  await page.screenshot({ path: path.join(SCREENS, "docs.png"), fullPage: false });
});
