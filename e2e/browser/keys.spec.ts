import { expect, request as playwrightRequest, test } from "@playwright/test";
import { SEED_003_EXPERIMENT } from "../fixtures/seeds";
import { adminAuth, PASSWORD } from "./accounts";

test("importing seed 003 saves it and shows which variables an administrator must allow", async ({ page }) => {
  await page.goto("/experiments/import");
  await page.getByLabel("Definition").fill(JSON.stringify(SEED_003_EXPERIMENT, null, 2));
  await page.getByRole("button", { name: "Preview", exact: true }).click();
  await expect(page.getByTestId("import-warnings")).toContainText("adding K8S_USERNAME to ERIS_CREDENTIAL_ENV");
  await page.getByRole("button", { name: "Import", exact: true }).click();
  const warnings = page.getByTestId("save-warnings");
  await expect(warnings).toContainText("Saved, but a step will fail when run");
  await expect(warnings).toContainText("Steps, step 1: where.credentials.username_key");
  await expect(warnings).toContainText("adding K8S_USERNAME to ERIS_CREDENTIAL_ENV");
  await expect(warnings).toContainText("adding K8S_PASSWORD to ERIS_CREDENTIAL_ENV");
  await warnings.getByRole("link", { name: "Open the experiment" }).click();
  await expect(page).toHaveURL(/\/experiments\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: SEED_003_EXPERIMENT.name })).toBeVisible();
});

test("the dashboard sign-in holds under 40 parallel wrong passwords, and then refuses the right one", async ({
  baseURL,
}) => {
  const email = `throttle-${Date.now()}@eris.test`;
  const admin = await playwrightRequest.newContext({ baseURL });
  const created = await admin.post("/api/v1/users", {
    headers: adminAuth(),
    data: { email, name: "Throttled", password: PASSWORD, role: "viewer" },
  });
  expect(created.status()).toBe(201);
  await admin.dispose();

  // next-auth's own endpoints, as the sign-in form calls them, from a signed-out client.
  const browser = await playwrightRequest.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const { csrfToken } = await (await browser.get("/api/auth/csrf")).json();
  const signIn = async (password: string) => {
    const res = await browser.post("/api/auth/callback/credentials", {
      form: { email, password, csrfToken, json: "true" },
      maxRedirects: 0,
    });
    const body = await res.text();
    return decodeURIComponent(body.replaceAll("+", " "));
  };
  const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => signIn(`wrong password ${i}`)));
  const limited = answers.filter((a) => a.includes("Too many failed sign-ins"));
  expect(answers.filter((a) => a.includes("CredentialsSignin"))).toHaveLength(5);
  expect(limited).toHaveLength(35);
  const right = await signIn(PASSWORD);
  expect(right).toContain("Too many failed sign-ins");
  // no session was opened
  expect((await browser.storageState()).cookies.map((c) => c.name)).not.toContain("next-auth.session-token");
  expect(await (await browser.get("/api/auth/session")).json()).toEqual({});
  // the API's token endpoint keeps the same record
  const token = await browser.post("/api/v1/auth/token", { data: { email, password: PASSWORD } });
  expect(token.status()).toBe(429);
  expect(Number(token.headers()["retry-after"])).toBeGreaterThan(0);
  await browser.dispose();
});

test("a page address with an upper-case UUID (a link from a Kallisti client) opens the same page", async ({
  page,
  request,
}) => {
  const created = await request.post("/api/v1/experiment/", {
    headers: adminAuth(),
    data: { name: `Upper-case link ${Date.now()}`, steps: [{ do: "cm.wait", where: { time_in_seconds: 0 } }] },
  });
  const { id, name } = await created.json();
  await page.goto(`/experiments/${id.toUpperCase()}`);
  await expect(page).toHaveURL(new RegExp(`/experiments/${id}$`));
  await expect(page.getByRole("heading", { name })).toBeVisible();
});
