import { type APIRequestContext, expect, test } from "@playwright/test";
import { adminAuth, EMAIL } from "./accounts";

// Behaviour that only shows over real HTTP through Next.js: slashes, redirects, error pages.
// Called the way scripts call the API: with an admin's API token and no session cookie.
test.use({ storageState: { cookies: [], origins: [] }, extraHTTPHeaders: adminAuth() });

const EXPERIMENT = { name: "http check", steps: [{ do: "cm.wait", where: { time_in_seconds: 1 } }] };

test("every route answers with and without a trailing slash, without redirecting", async ({ request }) => {
  const created = await request.post("/api/v1/experiment", { data: EXPERIMENT, maxRedirects: 0 });
  expect(created.status()).toBe(201);
  const { id } = await created.json();
  const paths = [
    "/api/v1/health",
    "/api/v1/info",
    "/api/v1/experiment",
    `/api/v1/experiment/${id}`,
    `/api/v1/experiment/${id}/schedule`,
    "/api/v1/trial",
    "/api/v1/openapi.json",
  ];
  for (const p of paths) {
    for (const url of [p, `${p}/`]) {
      const res = await request.get(url, { maxRedirects: 0 });
      expect(res.status(), url).toBe(200);
      expect(res.headers()["content-type"], url).toContain("application/json");
    }
  }
  const patched = await request.patch(`/api/v1/experiment/${id}/`, { data: { name: "renamed" }, maxRedirects: 0 });
  expect(patched.status()).toBe(200);
  expect((await patched.json()).name).toBe("renamed");
});

test("API errors are JSON, never an HTML page", async ({ request }) => {
  const missing = await request.get("/api/v1/no/such/thing");
  expect(missing.status()).toBe(404);
  expect(await missing.json()).toEqual({ detail: "Not found." });

  const bad = await request.post("/api/v1/experiment/", {
    headers: { "content-type": "application/json" },
    data: Buffer.from("{nope"),
  });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).detail).toMatch(/^JSON parse error - /);

  const method = await request.delete("/api/v1/trial/");
  expect(method.status()).toBe(405);
  expect(method.headers().allow).toBe("GET, POST");

  const badId = await request.get("/api/v1/experiment/not-a-uuid/");
  expect(badId.status()).toBe(404);
  expect(await badId.json()).toEqual({ detail: "Not found." });
});

async function waitForStatus(request: APIRequestContext, id: string, want: string) {
  await expect
    .poll(async () => (await (await request.get(`/api/v1/trial/${id}`)).json()).status, { timeout: 15_000 })
    .toBe(want);
  return (await request.get(`/api/v1/trial/${id}`)).json();
}

test("the runner executes a trial created through HTTP", async ({ request }) => {
  const { id } = await (await request.post("/api/v1/experiment/", { data: EXPERIMENT })).json();
  const trial = await (await request.post("/api/v1/trial/", { data: { experiment: id } })).json();
  expect(trial.status).toBe("Scheduled");
  const done = await waitForStatus(request, trial.id, "Succeeded");
  expect(done.executed_at).not.toBeNull();
  expect(done.trial_record.steps[0].step_name).toBe("Wait");
});

test("stopping a running trial aborts its step and ends it Stopped", async ({ request }) => {
  const long = { name: "long", steps: [{ do: "cm.wait", where: { time_in_seconds: 60 } }] };
  const { id } = await (await request.post("/api/v1/experiment/", { data: long })).json();
  const trial = await (await request.post("/api/v1/trial/", { data: { experiment: id } })).json();
  await waitForStatus(request, trial.id, "In Progress");
  const stopped = await request.put(`/api/v1/trial/${trial.id}/stop`);
  expect(stopped.status()).toBe(200);
  expect((await stopped.json()).status).toBe("Stop Initiated");
  const done = await waitForStatus(request, trial.id, "Stopped");
  expect(done.completed_at).not.toBeNull();
  expect(done.status_reason).toBe(`stopped by ${EMAIL.admin}`);
});

test("pages and API answers carry the security headers", async ({ request }) => {
  for (const url of ["/signin", "/api/v1/health"]) {
    const res = await request.get(url);
    const h = res.headers();
    expect(h["content-security-policy"], url).toContain("frame-ancestors 'none'");
    expect(h["content-security-policy"], url).toContain("default-src 'self'");
    expect(h["x-frame-options"], url).toBe("DENY");
    expect(h["x-content-type-options"], url).toBe("nosniff");
    expect(h["referrer-policy"], url).toBe("same-origin");
  }
});
