/**
 * Notifications as an admin sets them up and a team receives them: Kallisti's /notification list
 * (its messages kept), the settings with secrets masked, and real deliveries from a real runner
 * process: an e-mail through a real SMTP server, a Slack webhook message, Grafana annotations for
 * the trial's start and end; retries, failures and the "failed only" setting; the test button.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, expect, test } from "vitest";
import { getDb } from "@/db/client";
import { notificationSettings, trials } from "@/db/tables";
import { killRunners, startRunner, until } from "@/e2e/fixtures/runner-process";
import { type Received, startReceiver, startSmtp } from "@/e2e/fixtures/receivers";
import { api } from "./client";
import { waitForTrial } from "./run-trial";

const SMTP_LOGIN = { user: "eris-mailer", pass: "smtp-pass-5ecr3t-value" };
const GRAFANA_TOKEN = "glsa_grafana-token-5ecr3t";
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let slack: Awaited<ReturnType<typeof startReceiver>>;
let grafana: Awaited<ReturnType<typeof startReceiver>>;
let target: http.Server;
let targetUrl = "";
let slackFailures = 0;

beforeAll(async () => {
  smtp = await startSmtp(SMTP_LOGIN);
  slack = await startReceiver(() => (slackFailures-- > 0 ? { status: 503 } : { status: 200, body: "ok" }));
  grafana = await startReceiver((r) =>
    r.url.startsWith("/broken")
      ? { status: 500, body: { message: "database is locked" } }
      : { status: 200, body: r.method === "POST" ? { id: 42, message: "Annotation added" } : {} },
  );
  target = http.createServer((req, res) => res.writeHead(req.url === "/down" ? 503 : 200).end("ok"));
  await new Promise<void>((r) => target.listen(0, "127.0.0.1", r));
  targetUrl = `http://127.0.0.1:${(target.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await Promise.all([smtp.close(), slack.close(), grafana.close()]);
  target.close();
});
afterEach(() => killRunners());

const slackUrl = () => `${slack.url}/services/T000/B000/slack-5ecr3t-path`;

function settings(over: { email?: object; slack?: object; grafana?: object } = {}) {
  return {
    email: {
      enabled: true,
      on: "all",
      host: "127.0.0.1",
      port: smtp.port,
      username: SMTP_LOGIN.user,
      password: SMTP_LOGIN.pass,
      from: "eris@example.com",
      ...over.email,
    },
    slack: { enabled: true, on: "all", webhook_url: slackUrl(), ...over.slack },
    grafana: { enabled: true, url: grafana.url, token: GRAFANA_TOKEN, dashboard_uid: "chaos", ...over.grafana },
  };
}

async function runTrial(path: "/up" | "/down") {
  const exp = await api("POST", "/api/v1/experiment/", {
    name: `checkout probe ${path}`,
    steps: [{ step: "Probe checkout", do: "cm.http_probe", where: { url: `${targetUrl}${path}` } }],
  });
  expect(exp.status).toBe(201);
  const t = await api("POST", "/api/v1/trial/", { experiment: exp.body.id });
  return waitForTrial(t.body.id);
}

test("GET and PUT /api/v1/notification behave as Kallisti's, admins only", async () => {
  expect((await api("GET", "/api/v1/notification")).body).toEqual({ emails: [] });
  const put = await api("PUT", "/api/v1/notification/", { emails: ["sre@example.com", "oncall@example.com"] });
  expect(put.status).toBe(200);
  expect(put.body).toEqual({ emails: ["sre@example.com", "oncall@example.com"] });
  expect((await api("GET", "/api/v1/notification/")).body).toEqual(put.body);

  const missing = await api("PUT", "/api/v1/notification", {});
  expect(missing.status).toBe(400);
  expect(missing.body).toEqual({ emails: ["This field is required."] });
  const notList = await api("PUT", "/api/v1/notification", { emails: "sre@example.com" });
  expect(notList.body).toEqual({ emails: ['Expected a list of items but got type "str".'] });
  const notAddress = await api("PUT", "/api/v1/notification", { emails: ["sre@example.com", "not an address"] });
  expect(notAddress.status).toBe(400);
  expect(notAddress.body).toEqual({ emails: { "1": ["Enter a valid email address."] } });
  expect((await api("GET", "/api/v1/notification")).body.emails).toHaveLength(2);

  expect((await api("PUT", "/api/v1/notification", { emails: [] }, { as: "operator" })).status).toBe(403);
  expect((await api("GET", "/api/v1/notification", undefined, { as: "viewer" })).status).toBe(403);
});

test("settings: secrets read back masked, a masked secret sent back is kept, bad input names the field", async () => {
  const put = await api("PUT", "/api/v1/notification/settings", settings());
  expect(put.status, JSON.stringify(put.body)).toBe(200);
  expect(put.body.email).toMatchObject({ host: "127.0.0.1", username: SMTP_LOGIN.user, password: "*****" });
  expect(put.body.slack.webhook_url).toBe("*****");
  expect(put.body.grafana).toMatchObject({ url: grafana.url, token: "*****", dashboard_uid: "chaos" });
  // The page sends back what it read: the secrets stay.
  const again = await api("PUT", "/api/v1/notification/settings", {
    ...put.body,
    email: { ...put.body.email, port: smtp.port },
  });
  expect(again.status).toBe(200);
  const [stored] = await getDb().select({ channels: notificationSettings.channels }).from(notificationSettings);
  const channels = stored.channels as { email: { password: string }; slack: { webhook_url: string } };
  expect(channels.email.password).toBe(SMTP_LOGIN.pass);
  expect(channels.slack.webhook_url).toBe(slackUrl());

  const bad = await api("PUT", "/api/v1/notification/settings", {
    ...settings(),
    email: { enabled: true, host: "", port: 70000, from: "nobody" },
  });
  expect(bad.status).toBe(400);
  expect(bad.body.email.port).toEqual(["Ensure this value is less than or equal to 65535."]);
  expect(bad.body.email.from).toBeDefined();
  expect(bad.body.email.host).toEqual(["Required when enabled."]);
  const badUrl = await api("PUT", "/api/v1/notification/settings", {
    ...settings(),
    slack: { enabled: true, webhook_url: "hooks" },
  });
  expect(badUrl.body).toEqual({ slack: { webhook_url: ["Enter a valid URL."] } });

  const everything = JSON.stringify([put.body, again.body, (await api("GET", "/api/v1/audit")).body]);
  for (const secret of [SMTP_LOGIN.pass, GRAFANA_TOKEN, "slack-5ecr3t-path"]) expect(everything).not.toContain(secret);
});

test("a failed trial: an e-mail, a Slack message and a Grafana region from start to end, all visible as delivered", async () => {
  await api("PUT", "/api/v1/notification", { emails: ["sre@example.com", "oncall@example.com"] });
  await api("PUT", "/api/v1/notification/settings", settings());
  const before = { mails: smtp.mails.length, slack: slack.received.length, grafana: grafana.received.length };
  const runner = startRunner({ NEXTAUTH_URL: "https://eris.example.com" });
  const t = await runTrial("/down");
  expect(t.status).toBe("Failed");

  await until("the e-mail", () => smtp.mails.length > before.mails);
  const mail = smtp.mails[smtp.mails.length - 1];
  expect(mail.to).toEqual(["sre@example.com", "oncall@example.com"]);
  expect(mail.from).toBe("eris@example.com");
  expect(mail.user).toBe(SMTP_LOGIN.user);
  expect(mail.raw).toMatch(/Subject: \[Eris\] Failed: checkout probe \/down \(trial [0-9a-f]{8}\)/);
  expect(mail.text).toContain(`Open the trial: https://eris.example.com/trials/${t.id}`);
  expect(mail.text).toMatch(/Status: +Failed \(.*status code 503/);
  expect(mail.text).toMatch(/steps +failed +Http probe \(cm.http_probe\)/);

  await until("the Slack message", () => slack.received.length > before.slack);
  const msg = slack.received[slack.received.length - 1];
  expect(msg.url).toBe("/services/T000/B000/slack-5ecr3t-path");
  expect(msg.body.text).toContain("*Failed* <https://eris.example.com/trials/");
  expect(msg.body.text).toContain("checkout probe /down");

  await until("the annotation closed", () => grafana.received.slice(before.grafana).some((r) => r.method === "PATCH"));
  const [open, close] = grafana.received.slice(before.grafana);
  expect(open).toMatchObject({ method: "POST", url: "/api/annotations" });
  expect(open.headers.authorization).toBe(`Bearer ${GRAFANA_TOKEN}`);
  expect(open.body).toMatchObject({
    dashboardUID: "chaos",
    tags: expect.arrayContaining(["eris", "status:In Progress"]),
  });
  const [row] = await getDb().select().from(trials).where(eq(trials.id, t.id)).limit(1);
  expect(open.body.time).toBe(row?.executedAt);
  expect(close).toMatchObject({ method: "PATCH", url: "/api/annotations/42" });
  expect(close.body).toMatchObject({ timeEnd: row?.completedAt, tags: expect.arrayContaining(["status:Failed"]) });

  const seen = await until("the deliveries recorded", async () => {
    const s = (await api("GET", "/api/v1/notification/settings")).body;
    return s.deliveries.email?.trial === t.id && s.deliveries.grafana?.event === "trial.completed" ? s : null;
  });
  for (const ch of ["email", "slack", "grafana"])
    expect(seen.deliveries[ch]).toMatchObject({ ok: true, attempts: 1, error: null });

  const outside = JSON.stringify([mail.raw, msg.body, seen, runner.logs()]);
  for (const secret of [SMTP_LOGIN.pass, GRAFANA_TOKEN]) expect(outside).not.toContain(secret);
  expect(runner.logs()).not.toContain("slack-5ecr3t-path");
});

test("deliveries retry with backoff; one that keeps failing is recorded with its error; 'failed' skips successes", {
  timeout: 30_000,
}, async () => {
  await api("PUT", "/api/v1/notification", { emails: ["sre@example.com"] });
  // Slack answers 503 twice, then takes it; e-mail only for failures; Grafana keeps failing.
  slackFailures = 2;
  await api(
    "PUT",
    "/api/v1/notification/settings",
    settings({ email: { on: "failed" }, grafana: { url: `${grafana.url}/broken` } }),
  );
  const mails = smtp.mails.length;
  startRunner();
  const t = await runTrial("/up");
  expect(t.status).toBe("Succeeded");
  const s = await until(
    "the deliveries",
    async () => {
      const body = (await api("GET", "/api/v1/notification/settings")).body;
      const g = body.deliveries.grafana;
      return body.deliveries.slack?.trial === t.id && g?.trial === t.id && g.event === "trial.completed" ? body : null;
    },
    20_000,
  );
  expect(s.deliveries.grafana).toMatchObject({
    ok: false,
    attempts: 4,
    error: 'HTTP 500: {"message":"database is locked"}',
  });
  expect(s.deliveries.slack).toMatchObject({ ok: true, attempts: 3 });
  expect(slack.received.slice(-3).map((r: Received) => r.body.text)).toEqual(
    Array(3).fill(expect.stringContaining("*Succeeded*")),
  );
  expect(smtp.mails.length).toBe(mails); // a success, and e-mail is set to failures only
  expect(s.deliveries.email?.trial).not.toBe(t.id);
});

test("send a test: delivered now and shown as the channel's last delivery; a wrong SMTP password is an error, masked", async () => {
  await api("PUT", "/api/v1/notification", { emails: ["sre@example.com"] });
  await api("PUT", "/api/v1/notification/settings", settings({ slack: { enabled: false } }));
  const slackTest = await api("POST", "/api/v1/notification/test", { channel: "slack" });
  expect(slackTest.status).toBe(200);
  expect(slackTest.body).toMatchObject({ channel: "slack", event: "test", ok: true, attempts: 1 });
  expect(slack.received[slack.received.length - 1].body.text).toContain("Eris test notification");

  const mails = smtp.mails.length;
  expect((await api("POST", "/api/v1/notification/test", { channel: "email" })).body).toMatchObject({ ok: true });
  expect(smtp.mails.length).toBe(mails + 1);

  await api("PUT", "/api/v1/notification/settings", settings({ email: { password: "wrong-password-value" } }));
  const failed = await api("POST", "/api/v1/notification/test", { channel: "email" });
  expect(failed.body.ok).toBe(false);
  expect(failed.body.error).toMatch(/SMTP: .*(535|Invalid)/);
  expect(failed.body.error).not.toContain("wrong-password-value");
  expect((await api("GET", "/api/v1/notification/settings")).body.deliveries.email).toMatchObject({
    ok: false,
    event: "test",
  });

  expect((await api("POST", "/api/v1/notification/test", { channel: "pager" })).body).toEqual({
    channel: ['"pager" is not a valid choice.'],
  });
  expect((await api("POST", "/api/v1/notification/test", { channel: "slack" }, { as: "operator" })).status).toBe(403);
});
