/**
 * Every page, light and dark: no serious or critical accessibility violation (axe-core), no
 * sideways scroll at 375 px, and a screenshot at 1280 and 390 px under test-results/screens/pages/.
 */
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { adminAuth, SCREENS, stateFile } from "./accounts";
import {
  createExperiment,
  createSchedule,
  setSignal,
  sidewaysOverflow,
  startTrial,
  wait,
  waitForStatus,
} from "./helpers";

type Data = { experiment: string; name: string; schedule: string; trial: string };

let data: Promise<Data> | null = null;
/** One experiment with a schedule and a finished trial, made by the first test that needs it. */
function pageData(request: APIRequestContext): Promise<Data> {
  data ??= (async () => {
    const name = `Checkout latency ${Date.now().toString(36)}`;
    const experiment = await createExperiment(request, {
      name,
      description: "Adds latency to the checkout service and checks that it stays healthy.",
      metadata: { team: "payments" },
      parameters: { seconds: 1 },
      pre_steps: [wait("Warm up", 0)],
      steps: [wait("Hold the fault", "{{ seconds }}")],
      post_steps: [wait("Roll back", 0)],
      // A guard that passes, so the trial page shows its lane.
      guards: [
        {
          name: "checkout health",
          do: "cm.http_probe",
          where: { url: `http://127.0.0.1:${process.env.E2E_PORT ?? 3210}/api/v1/health` },
          interval_seconds: 1,
        },
      ],
    });
    // Disabled: listed on the guards page, never touches the signal other specs rely on.
    await request.post("/api/v1/guard", {
      headers: adminAuth(),
      data: {
        name: "checkout SLO alert",
        enabled: false,
        step: { do: "cm.http_probe", where: { url: `http://127.0.0.1:${process.env.E2E_PORT ?? 3210}/api/v1/health` } },
      },
    });
    // The experiment's own window, once a year: listed on the blackout pages, holds no other test's trial.
    await request.post("/api/v1/blackout", {
      headers: adminAuth(),
      data: {
        name: "new year",
        experiment: experiment.id,
        kind: "recurring",
        cron: "0 3 1 1 *",
        duration_seconds: 3600,
      },
    });
    const schedule = await createSchedule(request, experiment.id, {
      recurrence_pattern: "0 9 * * 1-5",
      timezone: "Europe/Paris",
    });
    const trial = await startTrial(request, experiment.id);
    await waitForStatus(request, trial, /^Succeeded$/);
    return { experiment: experiment.id, name, schedule: schedule.id, trial };
  })();
  return data;
}

type Target = { name: string; url: (d: Data) => string; heading: (d: Data) => string | RegExp };
const PAGES: Target[] = [
  { name: "home", url: () => "/", heading: () => "Home" },
  { name: "experiments", url: () => "/experiments", heading: () => "Experiments" },
  { name: "experiment", url: (d) => `/experiments/${d.experiment}`, heading: (d) => d.name },
  { name: "experiment-edit", url: (d) => `/experiments/${d.experiment}/edit?page=steps`, heading: () => /^Edit “/ },
  { name: "experiment-new", url: () => "/experiments/new", heading: () => "New experiment" },
  { name: "experiment-import", url: () => "/experiments/import", heading: () => /^Import/ },
  { name: "schedules", url: () => "/schedules", heading: () => "Schedules" },
  { name: "schedule-pick", url: () => "/schedules/new", heading: () => "New schedule" },
  { name: "schedule-new", url: (d) => `/schedules/new?experiment=${d.experiment}`, heading: () => "New schedule" },
  { name: "schedule-edit", url: (d) => `/schedules/${d.experiment}/${d.schedule}`, heading: () => "Edit schedule" },
  { name: "trials", url: () => "/trials", heading: () => "Trials" },
  // The trial's heading is the experiment's name followed by the status badge.
  { name: "trial", url: (d) => `/trials/${d.trial}`, heading: (d) => new RegExp(`^${d.name}`) },
  { name: "tokens", url: () => "/settings/tokens", heading: () => "API tokens" },
  { name: "users", url: () => "/admin/users", heading: () => "Users" },
  { name: "audit", url: () => "/admin/audit", heading: () => "Audit log" },
  { name: "blackouts", url: () => "/admin/blackouts", heading: () => "Blackout windows" },
  { name: "guards", url: () => "/admin/guards", heading: () => "Global guards" },
  { name: "docs", url: () => "/docs", heading: () => /Eris API/ },
];

/** The page has its heading and nothing still loading. */
async function ready(page: Page, heading: string | RegExp) {
  await expect(page.getByRole("heading", { name: heading, exact: typeof heading === "string" }).first()).toBeVisible({
    timeout: 20_000,
  });
  await expect(page.getByText(/^Loading\b/)).toHaveCount(0, { timeout: 15_000 });
}

async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

async function checkPage(page: Page, name: string, url: string, heading: string | RegExp) {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto(url);
  await ready(page, heading);
  // The theme follows the system's scheme (nothing is stored), so switching it needs no reload.
  for (const theme of ["light", "dark"] as const) {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.emulateMedia({ colorScheme: theme });
    // A page without the theme toggle (sign-in) reads the scheme once, at load.
    const dark = await page.evaluate(() => document.documentElement.classList.contains("dark"));
    if (dark !== (theme === "dark")) {
      await page.reload();
      await ready(page, heading);
    }
    await expect(page.locator("html")).toHaveClass(theme === "dark" ? /\bdark\b/ : /^(?!.*\bdark\b)/);
    // Buttons fade their colours (transition-colors): measure contrast once the fade has ended.
    await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
    expect(await seriousViolations(page), `${url} (${theme})`).toEqual([]);
    // The API reference runs to many screens: its first one shows the layout.
    const fullPage = name !== "docs";
    await page.screenshot({ path: path.join(SCREENS, "pages", `${name}-1280-${theme}.png`), fullPage });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: path.join(SCREENS, "pages", `${name}-390-${theme}.png`), fullPage });
    if (theme === "light") {
      await page.setViewportSize({ width: 375, height: 812 });
      const { overflow, culprits } = await sidewaysOverflow(page);
      expect(overflow, `${url} scrolls sideways at 375 px: ${culprits.join(" | ")}`).toBeLessThanOrEqual(0);
    }
  }
}

for (const target of PAGES) {
  test(`${target.name}: accessible in light and dark, fits a phone, screenshots`, async ({ page, request }) => {
    const d = await pageData(request);
    await checkPage(page, target.name, target.url(d), target.heading(d));
  });
}

test("the PAUSE and STOP banners: accessible in light and dark, fit a phone, screenshots", async ({
  page,
  request,
}) => {
  try {
    await setSignal(request, "PAUSE", "maintenance window until 14:00");
    await checkPage(page, "home-paused", "/", "Home");
    await setSignal(request, "STOP", "incident INC-42: checkout down");
    await checkPage(page, "experiments-stopped", "/experiments", "Experiments");
  } finally {
    await setSignal(request, "RUN");
  }
});

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("signin: accessible in light and dark, fits a phone, screenshots", async ({ page }) => {
    await checkPage(page, "signin", "/signin", /Sign in/);
  });
});

test.describe("as a viewer", () => {
  test.use({ storageState: stateFile("viewer") });

  test("experiment (viewer): accessible in light and dark, fits a phone, screenshots", async ({ page, request }) => {
    const d = await pageData(request);
    await checkPage(page, "experiment-viewer", `/experiments/${d.experiment}`, d.name);
  });
});
