/**
 * Runs once after the webServer is up (on its fresh database, where start.ts created the admin):
 * gets an admin API token for API-level specs, creates an operator and a viewer through the
 * API, and signs each role in through the real /signin page to save its storage state.
 */
import { chromium, type FullConfig, request } from "@playwright/test";
import { ADMIN_TOKEN_ENV, EMAIL, PASSWORD, ROLES, signInThroughPage, stateFile } from "./accounts";

export default async function globalSetup(config: FullConfig) {
  const { baseURL, launchOptions } = config.projects[0].use;
  const api = await request.newContext({ baseURL });
  try {
    const tokenRes = await api.post("/api/v1/auth/token", {
      data: { email: EMAIL.admin, password: PASSWORD, name: "e2e browser suite", expires_in_days: 1 },
    });
    if (tokenRes.status() !== 201) throw new Error(`admin token: ${tokenRes.status()} ${await tokenRes.text()}`);
    const { token } = await tokenRes.json();
    process.env[ADMIN_TOKEN_ENV] = token;

    for (const role of ["operator", "viewer"] as const) {
      const res = await api.post("/api/v1/users", {
        headers: { Authorization: `Bearer ${token}` },
        data: { email: EMAIL[role], name: `E2E ${role}`, password: PASSWORD, role },
      });
      if (res.status() !== 201) throw new Error(`create ${role}: ${res.status()} ${await res.text()}`);
    }
  } finally {
    await api.dispose();
  }

  const browser = await chromium.launch(launchOptions);
  try {
    for (const role of ROLES) {
      const context = await browser.newContext({ baseURL });
      await signInThroughPage(await context.newPage(), EMAIL[role]);
      await context.storageState({ path: stateFile(role) });
      await context.close();
    }
  } finally {
    await browser.close();
  }
}
