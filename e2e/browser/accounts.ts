/**
 * The browser suite's accounts: the admin is created by `jobs/start.ts` from ERIS_ADMIN_* (see
 * playwright.config.ts), the operator and viewer by global-setup.ts through the API. Each role
 * has a storage state signed in through the real /signin page.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, type Page } from "@playwright/test";

export const PASSWORD = "correct horse battery staple";
export const ROLES = ["admin", "operator", "viewer"] as const;
export type Role = (typeof ROLES)[number];
export const EMAIL: Record<Role, string> = {
  admin: "admin@eris.test",
  operator: "operator@eris.test",
  viewer: "viewer@eris.test",
};

// In the output dir (test-results/ unless E2E_OUTPUT_DIR says otherwise; ignored by git);
// Playwright empties it before global setup writes these.
export const OUTPUT_DIR = path.resolve(
  fileURLToPath(new URL("../../", import.meta.url)),
  process.env.E2E_OUTPUT_DIR ?? "test-results",
);
const AUTH_DIR = path.join(OUTPUT_DIR, ".auth");
export const stateFile = (role: Role) => path.join(AUTH_DIR, `${role}.json`);
export const SCREENS = path.join(OUTPUT_DIR, "screens");

/** Global setup puts an admin API token here; workers inherit the runner's environment. */
export const ADMIN_TOKEN_ENV = "ERIS_E2E_ADMIN_TOKEN";
export const adminAuth = () => ({ Authorization: `Bearer ${process.env[ADMIN_TOKEN_ENV] ?? ""}` });

/** Signs in the way a person does: the /signin form, then the dashboard's Home heading. */
export async function signInThroughPage(page: Page, email: string, password = PASSWORD) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Home" })).toBeVisible();
}
