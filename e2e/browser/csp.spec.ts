import { expect, type Page, test } from "@playwright/test";

/** CSP violations the page reports, and errors it throws, from the first byte on. */
async function watch(page: Page) {
  const violations: string[] = [];
  const errors: string[] = [];
  await page.exposeFunction("__reportViolation", (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      (window as unknown as { __reportViolation: (v: string) => void }).__reportViolation(
        `${e.violatedDirective} ${e.blockedURI}`,
      ),
    );
  });
  page.on("pageerror", (e) => errors.push(e.message));
  return { violations, errors };
}

const scriptSrc = (csp: string) => csp.split(";").find((d) => d.trim().startsWith("script-src")) ?? "";

test("every page works under a nonce CSP: no 'unsafe-inline' for scripts, no violation, the page hydrates", async ({
  page,
}) => {
  const seen = await watch(page);
  const nonces = new Set<string>();
  for (const path of ["/", "/experiments", "/experiments/new", "/trials", "/schedules", "/settings/tokens", "/docs"]) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(200);
    const csp = res?.headers()["content-security-policy"] ?? "";
    const scripts = scriptSrc(csp);
    expect(scripts, path).toMatch(/'nonce-[A-Za-z0-9+/=]{16,}'/);
    expect(scripts, path).not.toContain("'unsafe-inline'");
    nonces.add(/'nonce-([^']+)'/.exec(scripts)?.[1] ?? "");
    // hydrated: a client component answers a click (the theme toggle sets the class at once)
    await page.getByTestId("theme-dark").click();
    await expect(page.locator("html"), path).toHaveClass(/dark/);
    await page.getByTestId("theme-light").click();
    await expect(page.locator("html"), path).not.toHaveClass(/dark/);
  }
  expect(nonces.size).toBe(7); // a fresh nonce per page view
  expect(seen.violations).toEqual([]);
  expect(seen.errors).toEqual([]);
});

test("an inline script injected into a page, without the nonce, does not run; the page still works", async ({
  page,
}) => {
  const seen = await watch(page);
  // What a stored XSS would look like: markup in the server's HTML, after the fact.
  await page.route("**/experiments", async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace(
      "</body>",
      `<script>window.__injected = "ran"</script><img src="/none.png" onerror="window.__onerror = 'ran'"></body>`,
    );
    await route.fulfill({ response, body: html });
  });
  await page.goto("/experiments");
  await expect(page.getByRole("heading", { name: "Experiments" })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __injected?: string }).__injected)).toBeUndefined();
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => (window as unknown as { __onerror?: string }).__onerror)).toBeUndefined();
  expect(seen.violations.filter((v) => v.startsWith("script-src")).length).toBeGreaterThanOrEqual(2);
  // the nonce'd scripts ran: the theme script and React
  await page.getByTestId("theme-dark").click();
  await expect(page.locator("html")).toHaveClass(/dark/);
  await page.getByTestId("theme-light").click();
});

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("the sign-in page works under the CSP", async ({ page }) => {
    const seen = await watch(page);
    const res = await page.goto("/signin");
    expect(scriptSrc(res?.headers()["content-security-policy"] ?? "")).toMatch(/'nonce-/);
    // an address of its own: failed sign-ins count per account across the suite
    await page.getByLabel("Email").fill(`nobody-csp-${Date.now()}@eris.test`);
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: /sign in/i }).click();
    await expect(page.getByTestId("signin-error")).toHaveText("Wrong email or password.");
    expect(seen.violations).toEqual([]);
  });
});

test("API answers carry a policy without inline scripts", async ({ request }) => {
  const res = await request.get("/api/v1/health");
  const scripts = scriptSrc(res.headers()["content-security-policy"] ?? "");
  expect(scripts.trim()).toBe("script-src 'self'");
});
