import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, expect, test } from "vitest";
import { type TrialSummary, signBody, webhookObserver } from "./observers";

const summary: TrialSummary = {
  event: "trial.completed",
  trial: {
    id: "t1",
    experiment: { id: "e1", name: "exp" },
    schedule: null,
    status: "Succeeded",
    status_reason: null,
    scheduled_for: null,
    executed_at: null,
    completed_at: null,
    initiated_by: "me",
    steps: [],
  },
};
let server: http.Server | undefined;
afterEach(() => server?.close());

async function receiver(statuses: number[]) {
  const got: { body: string; headers: http.IncomingHttpHeaders }[] = [];
  server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      got.push({ body, headers: req.headers });
      res.writeHead(statuses[Math.min(got.length - 1, statuses.length - 1)]).end();
    });
  });
  await new Promise<void>((r) => server?.listen(0, "127.0.0.1", r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, got };
}
const ctx = { signal: new AbortController().signal, log: () => {} };

test("the webhook posts the summary signed with HMAC-SHA256, retrying server errors", async () => {
  process.env.HOOK_SECRET = "k3y";
  const { url, got } = await receiver([503, 500, 200]);
  await webhookObserver({ type: "webhook", url, secret_env: "HOOK_SECRET", retries: 3, timeout_seconds: 5 })(
    summary,
    ctx,
  );
  expect(got).toHaveLength(3);
  const last = got[2];
  expect(JSON.parse(last.body)).toEqual(summary);
  expect(last.headers["x-eris-signature"]).toBe(signBody("k3y", last.body));
  expect(last.headers["x-eris-event"]).toBe("trial.completed");
});

test("a refused delivery (4xx) is not retried; running out of retries is an error", async () => {
  const refused = await receiver([400]);
  await expect(
    webhookObserver({ type: "webhook", url: refused.url, retries: 3, timeout_seconds: 5 })(summary, ctx),
  ).rejects.toThrow("HTTP 400");
  expect(refused.got).toHaveLength(1);
  server?.close();
  const failing = await receiver([500]);
  await expect(
    webhookObserver({ type: "webhook", url: failing.url, retries: 1, timeout_seconds: 5 })(summary, ctx),
  ).rejects.toThrow("failed after 2 attempt(s): HTTP 500");
});
