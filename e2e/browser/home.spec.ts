import path from "node:path";
import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { adminAuth, SCREENS } from "./accounts";

// Runs as the signed-in admin; API calls carry the admin token.
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENS, `${name}.png`), fullPage: true });

async function createExperiment(request: APIRequestContext, name: string, seconds: number): Promise<string> {
  const res = await request.post("/api/v1/experiment/", {
    headers: adminAuth(),
    data: { name, steps: [{ step: "Wait", do: "cm.wait", where: { time_in_seconds: seconds } }] },
  });
  expect(res.status()).toBe(201);
  return (await res.json()).id;
}

async function startTrial(request: APIRequestContext, experimentId: string): Promise<string> {
  const res = await request.post("/api/v1/trial/", { headers: adminAuth(), data: { experiment: experimentId } });
  expect(res.status()).toBe(201);
  return (await res.json()).id;
}

const statusOf = async (request: APIRequestContext, trialId: string) =>
  (await (await request.get(`/api/v1/trial/${trialId}`, { headers: adminAuth() })).json()).status;

test("the home page shows running, upcoming, recent trials and the success-rate chart", async ({ page, request }) => {
  const name = `home-${Date.now()}`;
  const experimentId = await createExperiment(request, name, 0);
  const schedule = await request.post(`/api/v1/experiment/${experimentId}/schedule/`, {
    headers: adminAuth(),
    data: { recurrence_pattern: "*/30 * * * *", timezone: "Asia/Tokyo" },
  });
  expect(schedule.status()).toBe(201);
  const trialId = await startTrial(request, experimentId);
  await expect.poll(() => statusOf(request, trialId), { timeout: 20_000 }).toBe("Succeeded");
  // A second, long trial is what "Running now" shows; it is stopped at the end.
  const longName = `home-long-${Date.now()}`;
  const longTrialId = await startTrial(request, await createExperiment(request, longName, 120));
  await expect.poll(() => statusOf(request, longTrialId), { timeout: 20_000 }).toBe("In Progress");

  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Home" })).toBeVisible();
  await page.getByTestId("theme-light").click();
  const running = page.getByRole("region", { name: "Running now" });
  const runningRow = running.getByRole("listitem").filter({ hasText: longName });
  await expect(runningRow.getByTestId("trial-status")).toHaveText("In Progress");
  await expect(runningRow.getByRole("link", { name: longName })).toHaveAttribute("href", `/trials/${longTrialId}`);

  const upcoming = page.getByRole("region", { name: "Next 24 hours" });
  await expect(upcoming.getByRole("listitem").filter({ hasText: name }).first()).toContainText("Asia/Tokyo");

  const recent = page.getByRole("region", { name: "Recent trials" });
  const recentRow = recent.getByRole("listitem").filter({ hasText: name }).first();
  await expect(recentRow.getByTestId("trial-status")).toHaveText("Succeeded");
  await expect(recentRow.getByRole("link", { name })).toHaveAttribute("href", `/trials/${trialId}`);

  const chart = page.getByRole("img", { name: /Trial outcomes per day, last 30 days/ });
  await expect(chart).toBeVisible();
  await expect(page.getByTestId("chart-day")).toHaveCount(30);
  await expect(page.getByTestId("success-rate")).toHaveText(/^\d+%$/);
  await shot(page, "home-light");

  const stop = await request.put(`/api/v1/trial/${longTrialId}/stop`, { headers: adminAuth() });
  expect(stop.status()).toBe(200);
  await expect(running.getByText("No trial is running.")).toBeVisible({ timeout: 20_000 }); // polled every 10 s
});

test("the dark theme is applied before paint and survives a reload", async ({ page }) => {
  // The inline script sits in <head>, so the class is set before the body is painted.
  const html = await (await page.request.get("/")).text();
  expect(html).toMatch(/<head>.*eris-theme.*<\/head>/s);

  await page.goto("/");
  await page.getByTestId("theme-dark").click();
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  await expect(page.getByTestId("theme-dark")).toHaveAttribute("aria-pressed", "true");
  await page.reload();
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  await expect(page.getByTestId("theme-dark")).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByTestId("recent-trials")).toBeVisible(); // the panels have loaded
  await expect(page.getByTestId("success-chart")).toBeVisible();
  await shot(page, "home-dark");

  await page.getByTestId("theme-light").click();
  await expect(page.locator("html")).not.toHaveClass(/\bdark\b/);
  await page.reload();
  await expect(page.locator("html")).not.toHaveClass(/\bdark\b/);
});

test("at phone width (375 px) no page scrolls sideways", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  for (const [url, heading] of [
    ["/", "Home"],
    ["/schedules", "Schedules"],
    ["/schedules/new", "New schedule"],
  ]) {
    await page.goto(url);
    await expect(page.getByRole("heading", { name: heading, exact: true })).toBeVisible();
    await page.waitForLoadState("networkidle");
    // On failure the message names the widest elements, which is where a fix starts.
    const { overflow, culprits } = await page.evaluate(() => ({
      overflow: document.documentElement.scrollWidth - window.innerWidth,
      culprits: [...document.querySelectorAll("body *")]
        .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
        .slice(0, 5)
        .map((el) => `${el.tagName.toLowerCase()}.${el.className}`),
    }));
    expect(overflow, `${url} scrolls sideways by ${overflow}px: ${culprits.join(" | ")}`).toBeLessThanOrEqual(0);
  }
  await page.goto("/");
  await expect(page.getByTestId("success-chart")).toBeVisible();
  await shot(page, "home-375");
});
