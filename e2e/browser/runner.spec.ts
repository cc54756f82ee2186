import { expect, test } from "@playwright/test";
import { adminAuth } from "./accounts";

// The real runner of the test server is stalled (SIGSTOP) until its lease expires, then resumed.
test("every page warns while no runner holds the lease, and the warning goes when it is back", async ({
  page,
  request,
}) => {
  const status = async () => (await request.get("/api/v1/runner", { headers: adminAuth() })).json();
  const before = await status();
  expect(before.active).toBe(true);
  const pid = Number(String(before.holder).split(":")[1]);
  await page.goto("/trials");
  await expect(page.getByTestId("no-runner")).toHaveCount(0);
  process.kill(pid, "SIGSTOP");
  try {
    await expect(page.getByTestId("no-runner")).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId("no-runner")).toContainText("No runner is running");
    await expect(page.getByTestId("no-runner")).toContainText(String(before.holder));
    await page.goto("/experiments");
    await expect(page.getByTestId("no-runner")).toBeVisible();
  } finally {
    process.kill(pid, "SIGCONT");
  }
  await expect(page.getByTestId("no-runner")).toHaveCount(0, { timeout: 20_000 });
  expect((await status()).active).toBe(true);
});
