import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { adminAuth, EMAIL, PASSWORD, SCREENS, signInThroughPage, stateFile } from "./accounts";

const signedOut = { cookies: [], origins: [] };
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENS, `${name}.png`), fullPage: true });
const signalButtons = (page: Page) => page.getByRole("group", { name: "Global signal" }).getByRole("button");

test.describe("signing in", () => {
  test.use({ storageState: signedOut });

  test("the real /signin page signs an admin in, and Sign out signs them out", async ({ page }) => {
    await page.goto("/signin");
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    await shot(page, "signin");
    await signInThroughPage(page, EMAIL.admin);
    await expect(page.getByTestId("current-user")).toContainText(EMAIL.admin);
    await expect(page.getByTestId("current-role")).toHaveText("admin");

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/signin/, { timeout: 15_000 });
    await page.goto("/");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2F$/);
  });

  test("a wrong password shows an error and stays on /signin", async ({ page }) => {
    await page.goto("/signin");
    await page.getByLabel("Email").fill(EMAIL.viewer);
    await page.getByLabel("Password").fill("not the password at all");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByTestId("signin-error")).toHaveText("Wrong email or password.");
    await expect(page).toHaveURL(/\/signin$/);
    await expect(page.getByLabel("Password")).toHaveValue("");
  });

  test("an unauthenticated visit redirects to /signin and comes back after signing in", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2F$/);
    await page.goto("/admin/audit?limit=5");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fadmin%2Faudit%3Flimit%3D5$/);
    await page.getByLabel("Email").fill(EMAIL.admin);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();
    await expect(page).toHaveURL(/\/admin\/audit\?limit=5$/);
  });

  test("/setup is closed once an account exists", async ({ page }) => {
    await page.goto("/setup");
    await expect(page).toHaveURL(/\/signin$/);
  });
});

test.describe("signing in, rate limited", () => {
  // Failures count per account (and per address only behind a trusted proxy), so locking out
  // nobody@eris.test leaves the other tests' accounts alone.
  test.use({ storageState: signedOut });

  test("after five failures the rate limiter's message is shown", async ({ page }) => {
    await page.goto("/signin");
    for (let i = 0; i < 6; i++) {
      await page.getByLabel("Email").fill("nobody@eris.test");
      await page.getByLabel("Password").fill(`wrong password ${i}`);
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      await expect(page.getByLabel("Password")).toHaveValue(""); // the form clears it after each failure
    }
    await expect(page.getByTestId("signin-error")).toContainText("Too many failed sign-ins. Try again in");
  });
});

test.describe("as a viewer", () => {
  test.use({ storageState: stateFile("viewer") });

  test("sees the signal state but cannot change it or reach admin pages", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByTestId("current-role")).toHaveText("viewer");
    await expect(page.getByTestId("signal-state")).toHaveText(/^(RUN|PAUSE|STOP)$/);
    await expect(signalButtons(page)).toHaveCount(0);
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link", { name: "API tokens" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Users" })).toHaveCount(0);
    await expect(nav.getByRole("link", { name: "Audit" })).toHaveCount(0);

    for (const url of ["/admin/users", "/admin/audit"]) {
      await page.goto(url);
      await expect(page.getByTestId("forbidden")).toBeVisible();
      await expect(page.getByRole("heading", { name: "Forbidden" })).toBeVisible();
      await expect(page.getByRole("table")).toHaveCount(0);
    }
  });
});

test.describe("as an operator", () => {
  test.use({ storageState: stateFile("operator") });
  test.afterAll(async ({ request }) => {
    // Never leave the runner paused for the specs that follow, even when a step above failed.
    await request.post("/api/v1/signal", { headers: adminAuth(), data: { state: "RUN", reason: "e2e cleanup" } });
  });

  test("pauses with a reason and goes back to RUN", async ({ page, request }) => {
    await page.goto("/");
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" })).toHaveCount(0);
    await expect(signalButtons(page)).toHaveText(["RUN", "PAUSE", "STOP"]);

    await page.getByRole("button", { name: "PAUSE", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "Set the global signal to PAUSE?" });
    await expect(dialog).toBeVisible();
    await dialog.getByRole("button", { name: "Confirm PAUSE" }).click();
    await expect(dialog.getByRole("alert")).toHaveText("Give a reason for PAUSE.");
    await dialog.getByLabel("Reason").fill("e2e: maintenance window");
    await dialog.getByRole("button", { name: "Confirm PAUSE" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId("signal-state")).toHaveText("PAUSE");
    const paused = await (await request.get("/api/v1/signal", { headers: adminAuth() })).json();
    expect(paused).toMatchObject({ state: "PAUSE", reason: "e2e: maintenance window", set_by: EMAIL.operator });

    await page.getByRole("button", { name: "RUN", exact: true }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Confirm RUN" }).click();
    await expect(page.getByTestId("signal-state")).toHaveText("RUN");
    const running = await (await request.get("/api/v1/signal", { headers: adminAuth() })).json();
    expect(running).toMatchObject({ state: "RUN", set_by: EMAIL.operator });
  });
});

test.describe("as an admin", () => {
  test("creates an API token that is shown once, works, and stops working when revoked", async ({ page, request }) => {
    await page.goto("/settings/tokens");
    await page.getByLabel("Token name").fill("e2e token");
    await page.getByLabel("Your password").fill("definitely wrong");
    await page.getByRole("button", { name: "Create token" }).click();
    await expect(page.getByText("Wrong password.")).toBeVisible();

    await page.getByLabel("Your password").fill(PASSWORD);
    await page.getByRole("button", { name: "Create token" }).click();
    const secret = (await page.getByTestId("new-token").textContent()) ?? "";
    expect(secret).toMatch(/^eris_/);
    await expect(page.getByTestId("token-row-e2e token")).toContainText(secret.slice(0, 11));
    await shot(page, "tokens");

    const bearer = { Authorization: `Bearer ${secret}` };
    const me = await request.get("/api/v1/auth/me", { headers: bearer });
    expect(me.status()).toBe(200);
    expect(await me.json()).toMatchObject({ email: EMAIL.admin, role: "admin", via: "token" });

    await page.reload();
    await expect(page.getByTestId("new-token")).toHaveCount(0); // shown once
    await page.getByRole("button", { name: "Revoke e2e token" }).click();
    await page.getByRole("button", { name: "Confirm revoke" }).click();
    await expect(page.getByTestId("token-row-e2e token").getByTestId("token-status")).toHaveText("Revoked");
    expect((await request.get("/api/v1/auth/me", { headers: bearer })).status()).toBe(401);
  });

  test("manages users, with API validation errors on the right field", async ({ page }) => {
    await page.goto("/admin/users");
    const form = page.getByRole("form", { name: "Add a user" });
    await form.getByLabel("Email").fill(EMAIL.viewer);
    await form.getByLabel("Initial password").fill("short");
    await form.getByRole("button", { name: "Add user" }).click();
    await expect(form.getByLabel("Initial password")).toHaveAccessibleDescription(
      /^Ensure this field has at least 12 characters\./,
    );

    await form.getByLabel("Initial password").fill(PASSWORD);
    await form.getByRole("button", { name: "Add user" }).click();
    await expect(form.getByLabel("Email")).toHaveAccessibleDescription("A user with this email already exists.");

    await form.getByLabel("Email").fill("temp@eris.test");
    await form.getByLabel("Role").selectOption("operator");
    await form.getByRole("button", { name: "Add user" }).click();
    const row = page.getByTestId("user-row-temp@eris.test");
    await expect(row.getByLabel("Role of temp@eris.test")).toHaveValue("operator");
    await row.getByLabel("Role of temp@eris.test").selectOption("viewer");
    await expect(row.getByLabel("Role of temp@eris.test")).toHaveValue("viewer");
    await row.getByRole("button", { name: "Disable temp@eris.test" }).click();
    await expect(row.getByRole("button", { name: "Enable temp@eris.test" })).toBeVisible();
    await expect(row).toContainText("Disabled");

    // The API refuses to demote the last admin; the message shows on that row.
    const me = page.getByTestId(`user-row-${EMAIL.admin}`);
    await me.getByLabel(`Role of ${EMAIL.admin}`).selectOption("viewer");
    await expect(me.getByRole("alert")).toHaveText("Eris needs at least one active admin.");
    await expect(me.getByLabel(`Role of ${EMAIL.admin}`)).toHaveValue("admin");
    await shot(page, "users");
  });

  test("sees signal changes in the audit log, paged with limit and offset", async ({ page, request }) => {
    const set = await request.post("/api/v1/signal", {
      headers: adminAuth(),
      data: { state: "RUN", reason: "audit check" },
    });
    expect(set.status()).toBe(200);
    await page.goto("/admin/audit");
    const first = page.getByTestId("audit-row").first();
    await expect(first).toContainText("signal.set");
    await expect(first).toContainText(EMAIL.admin);
    await expect(first).toContainText("reason:"); // the change itself: field, old → new
    await expect(first).toContainText("audit check");
    await shot(page, "audit");

    await page.goto("/admin/audit?limit=2");
    await expect(page.getByTestId("audit-row")).toHaveCount(2);
    await expect(page.getByTestId("pager-range")).toHaveText(/^1–2 of \d+$/);
    await page.getByRole("link", { name: "Next" }).click();
    await expect(page).toHaveURL(/\/admin\/audit\?limit=2&offset=2$/);
    await expect(page.getByTestId("pager-range")).toHaveText(/^3–4 of \d+$/);
  });
});
