/**
 * What the browser specs set up through the API (with the admin's token, so no CSRF dance), and
 * small page helpers. Each spec makes the experiments it needs: tests never share data.
 */
import path from "node:path";
import { type APIRequestContext, expect, type Page } from "@playwright/test";
import { adminAuth, SCREENS } from "./accounts";

export const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(SCREENS, `${name}.png`), fullPage: true });

/** A name no other test uses, readable in screenshots. */
export const unique = (prefix: string) =>
  `${prefix} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;

export const wait = (step: string, seconds: number | string) => ({
  step,
  do: "cm.wait",
  where: { time_in_seconds: seconds },
});

export type Created = { id: string; name: string; revision: number };

export async function createExperiment(request: APIRequestContext, body: Record<string, unknown>): Promise<Created> {
  const res = await request.post("/api/v1/experiment/", { headers: adminAuth(), data: body });
  expect(res.status(), await res.text()).toBe(201);
  return res.json();
}

export async function startTrial(request: APIRequestContext, experiment: string, parameters: object = {}) {
  const res = await request.post("/api/v1/trial/", { headers: adminAuth(), data: { experiment, parameters } });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()).id as string;
}

export const trialOf = async (request: APIRequestContext, id: string) =>
  (await request.get(`/api/v1/trial/${id}`, { headers: adminAuth() })).json();

export async function waitForStatus(request: APIRequestContext, id: string, status: RegExp, timeout = 20_000) {
  await expect.poll(async () => (await trialOf(request, id)).status, { timeout }).toMatch(status);
}

export async function stopTrial(request: APIRequestContext, id: string) {
  const res = await request.put(`/api/v1/trial/${id}/stop`, { headers: adminAuth() });
  expect([200, 403]).toContain(res.status());
}

export async function setSignal(request: APIRequestContext, state: "RUN" | "PAUSE" | "STOP", reason = "") {
  const res = await request.post("/api/v1/signal", { headers: adminAuth(), data: { state, reason } });
  expect(res.status(), await res.text()).toBe(200);
}

export async function createSchedule(request: APIRequestContext, experimentId: string, data: object) {
  const res = await request.post(`/api/v1/experiment/${experimentId}/schedule/`, { headers: adminAuth(), data });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as { id: string; next_run_at: string };
}

/** How far the page scrolls sideways, and the widest elements when it does (where a fix starts). */
export const sidewaysOverflow = (page: Page) =>
  page.evaluate(() => ({
    overflow: document.documentElement.scrollWidth - window.innerWidth,
    culprits: [...document.querySelectorAll("body *")]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${String(el.className).slice(0, 80)}`),
  }));
