/**
 * The safety features in the dashboard: guards in the wizard and on the trial page, the dry-run
 * Check, blackout windows and global guards (admin pages), the schedule preview's blackout marks
 * and the resilience score. Windows that could hold other specs' trials are either the test
 * experiment's own or far in the future, and each test removes what it made.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { adminAuth, stateFile } from "./accounts";
import { createExperiment, createSchedule, shot, startTrial, unique, wait, waitForStatus } from "./helpers";

type Window = { id: string; name: string };

async function createWindow(request: APIRequestContext, data: object): Promise<Window> {
  const res = await request.post("/api/v1/blackout", { headers: adminAuth(), data });
  expect(res.status(), await res.text()).toBe(201);
  return res.json();
}
const deleteWindow = (request: APIRequestContext, id: string) =>
  request.delete(`/api/v1/blackout/${id}`, { headers: adminAuth() });

async function trialCount(request: APIRequestContext, experiment: string): Promise<number> {
  const res = await request.get(`/api/v1/trial/?experiment=${experiment}&limit=1`, { headers: adminAuth() });
  return Number(res.headers()["x-total-count"] ?? (await res.json()).length);
}

/** A health endpoint the test controls: it answers 200 `healthyFor` times, then 500. */
async function flakyServer(healthyFor: number) {
  let calls = 0;
  const server = http.createServer((_req, res) => {
    calls++;
    res.statusCode = calls <= healthyFor ? 200 : 500;
    res.end(calls <= healthyFor ? "ok" : "checkout is down");
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/health`,
    calls: () => calls,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

const wizardPage = (page: Page, name: string) => page.getByRole("button", { name, exact: true });

test("the wizard's guard editor saves guards, and the experiment page lists them", async ({
  page,
  request,
  baseURL,
}) => {
  const name = unique("Guarded");
  await page.goto("/experiments/new");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await wizardPage(page, "5. Guards").click();
  await expect(page).toHaveURL(/\?page=guards$/);
  await page.getByRole("button", { name: "Add a guard" }).click();
  const guard = page.getByTestId("step-editor").nth(0);
  await expect(guard.getByLabel("Search actions for guard 1")).toBeFocused();
  await guard.getByLabel("Search actions for guard 1").fill("http_probe");
  await guard.getByLabel("Action", { exact: true }).selectOption("cm.http_probe");
  await guard.getByLabel("Guard name (optional)").fill("checkout health");
  await guard.getByLabel("Interval (seconds)").fill("5");
  await guard.getByLabel("Tolerance").fill("2");
  await guard.getByLabel("url", { exact: true }).fill(`${baseURL}/api/v1/health`);
  await expect(guard.locator("> legend")).toHaveText("Guard 1: cm.http_probe");
  await shot(page, "wizard-guards");

  await wizardPage(page, "7. Review").click();
  const review = JSON.parse((await page.getByTestId("review-json").textContent()) ?? "{}");
  const expected = {
    name: "checkout health",
    do: "cm.http_probe",
    where: { url: `${baseURL}/api/v1/health` },
    interval_seconds: 5,
    tolerance: 2,
  };
  expect(review.guards).toEqual([expected]);
  // A new experiment has nothing stored to check yet: the page says so.
  await expect(page.getByTestId("check-needs-save")).toContainText("Create it first");

  await page.getByRole("button", { name: "Create experiment" }).click();
  await expect(page).toHaveURL(/\/experiments\/[0-9a-f-]{36}$/);
  const id = page.url().split("/").pop() as string;
  const saved = await (await request.get(`/api/v1/experiment/${id}`, { headers: adminAuth() })).json();
  expect(saved.guards).toEqual([expected]);
  const section = page.getByRole("region", { name: /^Guards/ });
  await expect(section.getByTestId("step")).toContainText("checkout health");
  await expect(section.getByTestId("guard-timing")).toContainText("every 5 s, tolerance 2");

  // Editing keeps the guard on its page, and removing it saves an empty list.
  await page.goto(`/experiments/${id}/edit?page=guards`);
  await expect(page.getByTestId("step-editor").locator("> legend")).toHaveText(["Guard 1: cm.http_probe"]);
  await page.getByRole("button", { name: "Remove Guard 1" }).click();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page).toHaveURL(new RegExp(`/experiments/${id}$`));
  expect((await (await request.get(`/api/v1/experiment/${id}`, { headers: adminAuth() })).json()).guards).toEqual([]);
});

test("a guard that fails mid-step stops the trial: the timeline's guard lane and the tripped guard say so", async ({
  page,
  request,
}) => {
  test.setTimeout(60_000);
  const target = await flakyServer(2);
  try {
    const experiment = await createExperiment(request, {
      name: unique("Tripped guard"),
      steps: [wait("Hold the fault", 30)],
      post_steps: [wait("Roll back", 0)],
      guards: [
        {
          name: "checkout health",
          do: "cm.http_probe",
          where: { url: target.url },
          expect: [{ operator: "eq", status_code: 200 }],
          interval_seconds: 1,
          tolerance: 1,
        },
      ],
    });
    const trial = await startTrial(request, experiment.id);
    await page.goto(`/trials/${trial}`);
    const tripped = page.getByTestId("guard-tripped");
    await expect(tripped).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId("guard-tripped-name")).toHaveText("checkout health");
    await expect(page.getByTestId("guard-tripped-saw")).not.toBeEmpty();
    await waitForStatus(request, trial, /^Failed$/, 30_000);
    await expect(page.getByTestId("trial-reason")).toContainText('guard "checkout health" tripped');

    const lane = page.getByTestId("guard-lane");
    const row = lane.getByTestId("guard-row");
    await expect(row).toHaveAttribute("data-tripped", "true");
    await expect(row).toContainText("checkout health");
    // Two checks passed before the target failed; two failures in a row (tolerance 1) tripped it.
    await expect(row.locator('[data-testid=guard-check][data-ok="true"]')).toHaveCount(2);
    await expect(row.locator('[data-testid=guard-check][data-ok="false"]')).toHaveCount(2);
    // The fault step was cut short and the rollback ran.
    await expect(page.locator('[data-testid=timeline-bar][data-key="steps:0"]')).toHaveAttribute(
      "data-status",
      "stopped",
    );
    await expect(page.locator('[data-testid=timeline-bar][data-key="post_steps:0"]')).toHaveAttribute(
      "data-status",
      "succeeded",
    );
    await shot(page, "trial-guard-tripped");
  } finally {
    await target.close();
  }
});

test("Check (dry run) names a missing credential's step, says OK for a valid experiment, and creates no trial", async ({
  page,
  request,
}) => {
  const broken = await createExperiment(request, {
    name: unique("Dry run credential"),
    steps: [
      {
        step: "Terminate pod",
        do: "k8s.terminate_pods",
        where: {
          label_selector: "app=hello-world",
          qty: 1,
          ns: "my-namespace",
          credentials: {
            type: "ENV_VAR_USERNAME_PASSWORD",
            password_key: "ERIS_E2E_NOT_SET_PASSWORD",
            username_key: "ERIS_E2E_NOT_SET_USERNAME",
          },
        },
      },
    ],
  });
  await page.goto(`/experiments/${broken.id}`);
  await page.getByRole("button", { name: "Run now" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("button", { name: "Check", exact: true }).click();
  const result = dialog.getByTestId("dry-run-result");
  await expect(result).toHaveAttribute("data-ok", "false");
  const problems = result.getByTestId("dry-run-problems");
  await expect(problems).toContainText("Step 1 “Terminate pod” (k8s.terminate_pods)");
  await expect(problems).toContainText("steps.0");
  await expect(problems).toContainText("ERIS_E2E_NOT_SET_");
  await result.getByText("Resolved plan").click();
  await expect(result.getByTestId("dry-run-plan")).toContainText("app=hello-world");
  await shot(page, "run-dialog-check");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  expect(await trialCount(request, broken.id)).toBe(0);

  const fine = await createExperiment(request, { name: unique("Dry run fine"), steps: [wait("Wait", 0)] });
  await page.goto(`/experiments/${fine.id}`);
  await page.getByRole("button", { name: "Run now" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Check", exact: true }).click();
  await expect(page.getByRole("dialog").getByTestId("dry-run-result")).toHaveAttribute("data-ok", "true");
  await expect(page.getByRole("dialog").getByRole("status")).toContainText("no problem found");
  await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();

  // The wizard's Review checks the saved experiment the same way.
  await page.goto(`/experiments/${broken.id}/edit?page=review`);
  await page.getByRole("button", { name: "Check", exact: true }).click();
  await expect(page.getByTestId("dry-run-result")).toHaveAttribute("data-ok", "false");
  await expect(page.getByTestId("dry-run-problems")).toContainText("Terminate pod");
  expect(await trialCount(request, broken.id)).toBe(0);
  expect(await trialCount(request, fine.id)).toBe(0);
});

test("the blackout admin page adds and deletes recurring and fixed windows; bad input names the field", async ({
  page,
}) => {
  const fixed = unique("Year-end freeze");
  const recurring = unique("New year night");
  await page.goto("/admin/blackouts");
  await expect(page.getByRole("heading", { name: "Blackout windows", exact: true })).toBeVisible();
  const form = page.getByRole("form", { name: "Add a global window" });

  // Recurring, with a cron that cannot be: the API's message lands on the cron field.
  await form.getByLabel("Name", { exact: true }).fill(recurring);
  await form.getByLabel("Opens at (cron)").fill("0 25 * * *");
  await form.getByLabel("Stays open for").fill("1h30m");
  await form.getByLabel("Time zone").fill("Europe/Paris");
  await form.getByRole("button", { name: "Add window" }).click();
  await expect(form.getByLabel("Opens at (cron)")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByLabel("Opens at (cron)")).toHaveAccessibleDescription(/hour/i);
  // Once a year, far from any other test's trial: 03:00 on 1 January.
  await form.getByLabel("Opens at (cron)").fill("0 3 1 1 *");
  await form.getByRole("button", { name: "Add window" }).click();
  await expect(form.getByRole("status")).toContainText(`Added “${recurring}”`);
  const recurringRow = page.locator(`[data-testid=blackout-row][data-name="${recurring}"]`);
  await expect(recurringRow).toContainText("for 1 hour, 30 minutes");
  await expect(recurringRow).toContainText("Europe/Paris");
  await expect(recurringRow).toContainText("Closed");
  await expect(recurringRow).toContainText("Let it finish");

  // Fixed, far in the future, stopping a running trial.
  await form.getByLabel(/^Fixed/).check();
  await form.getByLabel("Name", { exact: true }).fill(fixed);
  await form.getByLabel("Starts at").fill("2099-12-20T00:00");
  await form.getByLabel("Ends at").fill("2099-12-19T00:00");
  await form.getByLabel("A trial running when it opens").selectOption("stop");
  await form.getByRole("button", { name: "Add window" }).click();
  await expect(form.getByLabel("Ends at")).toHaveAccessibleDescription(/ends_at must be after starts_at/);
  await form.getByLabel("Ends at").fill("2100-01-04T00:00");
  await form.getByRole("button", { name: "Add window" }).click();
  const fixedRow = page.locator(`[data-testid=blackout-row][data-name="${fixed}"]`);
  await expect(fixedRow).toContainText("Stop it");
  await expect(fixedRow).toContainText("2099");
  await shot(page, "admin-blackouts");

  for (const [row, name] of [
    [fixedRow, fixed],
    [recurringRow, recurring],
  ] as const) {
    await row.getByRole("button", { name: `Delete ${name}` }).click();
    await row.getByRole("button", { name: "Confirm delete" }).click();
    await expect(row).toHaveCount(0);
  }
});

test.describe("as an operator", () => {
  test.use({ storageState: stateFile("operator") });

  test("sees the global windows but may not change them; manages the experiment's own on its page", async ({
    page,
    request,
  }) => {
    const global = await createWindow(request, {
      name: unique("Global freeze"),
      kind: "fixed",
      starts_at: "2099-06-01T00:00:00Z",
      ends_at: "2099-06-02T00:00:00Z",
    });
    try {
      await page.goto("/admin/blackouts");
      const row = page.locator(`[data-testid=blackout-row][data-name="${global.name}"]`);
      await expect(row).toContainText("Every experiment");
      await expect(row.getByRole("button", { name: /^Delete/ })).toHaveCount(0);
      await expect(page.getByRole("form", { name: "Add a global window" })).toHaveCount(0);

      const experiment = await createExperiment(request, { name: unique("Own window"), steps: [wait("Wait", 0)] });
      await page.goto(`/experiments/${experiment.id}`);
      const section = page.getByRole("region", { name: "Blackout windows" });
      const form = section.getByRole("form", { name: "Add a window for this experiment" });
      await form.getByLabel("Name", { exact: true }).fill("release night");
      await form.getByLabel("Opens at (cron)").fill("0 22 * * 5");
      await form.getByLabel("Stays open for").fill("10h");
      await form.getByRole("button", { name: "Add window" }).click();
      const own = section.locator('[data-testid=blackout-row][data-name="release night"]');
      await expect(own).toContainText("for 10 hours");
      await own.getByRole("button", { name: "Delete release night" }).click();
      await own.getByRole("button", { name: "Confirm delete" }).click();
      await expect(own).toHaveCount(0);

      // Inside an open window, Run now warns an operator, who cannot override it.
      const now = Date.now();
      await createWindow(request, {
        name: "open freeze",
        kind: "fixed",
        experiment: experiment.id,
        starts_at: new Date(now - 60_000).toISOString(),
        ends_at: new Date(now + 3_600_000).toISOString(),
      });
      await page.reload();
      await page.getByRole("button", { name: "Run now" }).click();
      const dialog = page.getByRole("dialog", { name: /^Run “/ });
      await expect(dialog.getByTestId("run-blackout-warning")).toContainText("“open freeze” is open");
      await expect(dialog.getByLabel(/Start it anyway/)).toHaveCount(0);
    } finally {
      await deleteWindow(request, global.id);
    }
  });
});

test("Run now inside an open window: the trial would be Skipped, and an admin may start it anyway with a reason", async ({
  page,
  request,
}) => {
  const experiment = await createExperiment(request, { name: unique("Frozen"), steps: [wait("Wait", 0)] });
  const now = Date.now();
  await createWindow(request, {
    name: "incident freeze",
    kind: "fixed",
    experiment: experiment.id,
    starts_at: new Date(now - 3_600_000).toISOString(),
    ends_at: new Date(now + 3_600_000).toISOString(),
  });
  await page.goto(`/experiments/${experiment.id}`);
  const runDialog = async () => {
    await page.getByRole("button", { name: "Run now" }).click();
    const dialog = page.getByRole("dialog", { name: /^Run “/ });
    await expect(dialog.getByTestId("run-blackout-warning")).toContainText(
      "Blackout window “incident freeze” is open. The trial will be recorded as Skipped",
    );
    return dialog;
  };
  let dialog = await runDialog();
  await dialog.getByRole("button", { name: "Start trial" }).click();
  await expect(page).toHaveURL(/\/trials\/[0-9a-f-]{36}$/);
  const skipped = page.url().split("/").pop() as string;
  await waitForStatus(request, skipped, /^Skipped$/);

  await page.goto(`/experiments/${experiment.id}`);
  dialog = await runDialog();
  await dialog.getByLabel("Start it anyway: why (admins only; audited)").fill("INC-42 needs the check now");
  await expect(dialog.getByTestId("run-blackout-warning")).toContainText("The trial will start anyway");
  await dialog.getByRole("button", { name: "Start trial" }).click();
  await expect(page).toHaveURL(/\/trials\/[0-9a-f-]{36}$/);
  const started = page.url().split("/").pop() as string;
  expect(started).not.toBe(skipped);
  await waitForStatus(request, started, /^Succeeded$/);
  const trial = await (await request.get(`/api/v1/trial/${started}`, { headers: adminAuth() })).json();
  expect(trial.blackout_override).toBe("INC-42 needs the check now");
});

test("the global guards page adds, edits, disables and deletes a guard", async ({ page, baseURL }) => {
  const name = unique("Checkout SLO");
  await page.goto("/admin/guards");
  const form = page.getByRole("form", { name: "Add a global guard" });
  await form.getByLabel("Name", { exact: true }).fill(name);
  await form.getByLabel("When it fails, set the signal to").selectOption("PAUSE");
  await form.getByLabel("Interval (seconds)").fill("0");
  // Disabled from the start: this guard must never touch the signal other tests rely on.
  await form.getByLabel(/^Enabled/).uncheck();
  const probe = form.getByTestId("step-editor");
  await probe.getByLabel("Search actions for probe").fill("http_probe");
  await probe.getByLabel("Action", { exact: true }).selectOption("cm.http_probe");
  await probe.getByLabel("url", { exact: true }).fill(`${baseURL}/api/v1/health`);
  await form.getByRole("button", { name: "Add guard" }).click();
  // The API's bound lands on the field.
  await expect(form.getByLabel("Interval (seconds)")).toHaveAttribute("aria-invalid", "true");
  await form.getByLabel("Interval (seconds)").fill("30");
  await form.getByRole("button", { name: "Add guard" }).click();
  await expect(form.getByRole("status")).toContainText(`Added “${name}”`);

  const row = page.locator(`[data-testid=guard-row][data-name="${name}"]`);
  await expect(row).toContainText("cm.http_probe");
  await expect(row).toContainText("every 30 s, tolerance 0");
  await expect(row).toContainText("PAUSE");
  await expect(row).toContainText("Disabled");

  await row.getByRole("button", { name: `Edit ${name}` }).click();
  const edit = page.getByRole("form", { name: `Edit “${name}”` });
  await expect(edit.getByLabel("Name", { exact: true })).toBeFocused();
  await edit.getByLabel("Tolerance").fill("3");
  await edit.getByLabel("When it fails, set the signal to").selectOption("STOP");
  await edit.getByRole("button", { name: "Save guard" }).click();
  await expect(edit).toHaveCount(0);
  await expect(row).toContainText("every 30 s, tolerance 3");
  await expect(row).toContainText("STOP");
  await shot(page, "admin-guards");

  await row.getByRole("button", { name: `Delete ${name}` }).click();
  await row.getByRole("button", { name: "Confirm delete" }).click();
  await expect(row).toHaveCount(0);
});

test("the schedule preview and the week calendar mark runs inside the experiment's blackout window", async ({
  page,
  request,
}) => {
  const experiment = await createExperiment(request, { name: unique("Night shift"), steps: [wait("Wait", 0)] });
  const window = await createWindow(request, {
    name: "nights",
    experiment: experiment.id,
    kind: "recurring",
    cron: "0 0 * * *",
    duration_seconds: 6 * 3600,
    timezone: "UTC",
  });
  let schedule: string | null = null;
  try {
    await page.goto(`/schedules/new?experiment=${experiment.id}`);
    await page.getByLabel("Pattern").fill("0 2 * * *");
    await page.getByLabel("Time zone").fill("UTC");
    const runs = page.getByTestId("preview-runs").locator("li");
    await expect(runs).toHaveCount(10);
    // Every run at 02:00 UTC falls inside 00:00–06:00 UTC.
    await expect(page.getByTestId("preview-blackout")).toHaveCount(10);
    await expect(runs.first()).toHaveAttribute("data-blackout", "nights");
    await expect(page.getByTestId("preview-blackout").first()).toHaveText("Skipped: blackout window “nights”");
    await page.getByLabel("Pattern").fill("0 12 * * *");
    await expect(page.getByTestId("preview-description")).toContainText("12:00");
    await expect(page.getByTestId("preview-blackout")).toHaveCount(0);
    await shot(page, "schedule-preview-blackout");

    schedule = (await createSchedule(request, experiment.id, { recurrence_pattern: "0 2 * * *", timezone: "UTC" })).id;
    await page.goto("/schedules");
    const marked = page.locator(`[data-testid=calendar-run][data-blackout="nights"]`);
    await expect(marked.first()).toBeVisible();
    await expect(marked.first().getByTestId("calendar-blackout")).toHaveText("Skipped: nights");
  } finally {
    if (schedule)
      await request.delete(`/api/v1/experiment/${experiment.id}/schedule/${schedule}`, { headers: adminAuth() });
    await deleteWindow(request, window.id);
  }
});

test("the experiment page shows the resilience score the API computes, with its basis and trend", async ({
  page,
  request,
  baseURL,
}) => {
  const experiment = await createExperiment(request, {
    name: unique("Scored"),
    parameters: { url: `${baseURL}/api/v1/health` },
    steps: [
      {
        step: "Probe",
        do: "cm.http_probe",
        where: { url: "{{ url }}" },
        expect: [{ operator: "eq", status_code: 200 }],
      },
    ],
  });
  const ok = await startTrial(request, experiment.id);
  await waitForStatus(request, ok, /^Succeeded$/);
  const failed = await startTrial(request, experiment.id, { url: `${baseURL}/api/v1/no-such-route` });
  await waitForStatus(request, failed, /^Failed$/);
  const stats = await (await request.get(`/api/v1/experiment/${experiment.id}/stats`, { headers: adminAuth() })).json();
  // One success of two, one expectation of two passed: 100 × (0.7 × 0.5 + 0.3 × 0.5) = 50.
  expect(stats).toMatchObject({ score: 50, trials_considered: 2, succeeded: 1, checks_passed: 1, checks_total: 2 });

  await page.goto(`/experiments/${experiment.id}`);
  await expect(page.getByTestId("score-value")).toHaveText(`${stats.score} / 100`);
  await expect(page.getByTestId("score-basis")).toHaveText("1 of 2 trials succeeded; 1 of 2 checks passed (50%).");
  const today = page.locator("[data-testid=score-trend-day]").last();
  await expect(today).toHaveAttribute("data-score", String(stats.trend.at(-1).score));
  await shot(page, "experiment-score");

  // The home page lists the lowest scores from one call.
  const summary = await (await request.get("/api/v1/stats/scores?limit=6", { headers: adminAuth() })).json();
  await page.goto("/");
  const rows = page.getByTestId("panel-scores").getByTestId("score-row");
  await expect(rows.first()).toBeVisible();
  expect(summary.lowest.length).toBeGreaterThan(0);
  await expect(rows.first()).toContainText(String(summary.lowest[0].score));
});
