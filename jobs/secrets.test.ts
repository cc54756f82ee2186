/**
 * Masking by value, through the real runner: secret values planted in parameters (substituted into a
 * URL query and into fields of any name), in headers the target echoes back, in credentials and in
 * the oauth2 token obtained with them must appear nowhere: not in the trial API as a viewer, not in
 * any of the six report formats, not in the webhook delivery, not in the runner's log, not in the
 * audit trail.
 */
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { GET as reportGet } from "@/app/api/v1/report/route";
import { api } from "@/e2e/api/client";
import { IDENTITIES } from "@/e2e/api/identities";
import { pdfText } from "@/e2e/fixtures/pdf-text";
import { killRunners, startRunner, until } from "@/e2e/fixtures/runner-process";

const SECRETS = {
  parameter: "param-pw-5f3a91c2",
  bearer: "hdr-bearer-77c1e4",
  apiKey: "apikey-9d8e7f60",
  cookie: "ck-secret-55667788",
  user: "cred-user-4242aa",
  password: "cred-pass-8888bb",
  oauthToken: "oauth-tok-1234cc",
};
const deliveries: string[] = [];
let target: http.Server;
let receiver: http.Server;
let base = "";
let configPath = "";

/** Echoes everything it received (method, URL, headers, body) back as JSON; hands out the oauth token. */
function echo(req: http.IncomingMessage, res: http.ServerResponse) {
  let body = "";
  req.on("data", (c) => (body += c));
  req.on("end", () => {
    res.setHeader("content-type", "application/json");
    if (req.url === "/token") return res.end(JSON.stringify({ access_token: SECRETS.oauthToken, echoed: body }));
    res.end(JSON.stringify({ method: req.method, url: req.url, headers: req.headers, body }));
  });
}

beforeAll(async () => {
  target = http.createServer(echo);
  await new Promise<void>((r) => target.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(target.address() as AddressInfo).port}`;
  receiver = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      deliveries.push(body);
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "eris-secrets-"));
  configPath = path.join(dir, "eris.config.json");
  fs.writeFileSync(
    configPath,
    JSON.stringify({
      observers: [{ type: "webhook", url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook` }],
    }),
  );
});
afterAll(() => {
  killRunners();
  target.close();
  receiver.close();
});

test("secret values appear nowhere a viewer, a report, a webhook, the log or the audit can see", async () => {
  const runner = startRunner({
    ERIS_CONFIG: configPath,
    TEST_CRED_USER: SECRETS.user,
    TEST_CRED_PASS: SECRETS.password,
    ERIS_CREDENTIAL_ENV: "TEST_CRED_USER,TEST_CRED_PASS",
  });
  const exp = await api("POST", "/api/v1/experiment/", {
    name: "secrets everywhere",
    parameters: { password: SECRETS.parameter },
    steps: [
      {
        step: "echo headers and parameters",
        do: "cm.http_request",
        where: {
          url: `${base}/echo?token={{ password }}`,
          method: "POST",
          headers: {
            Authorization: `Bearer ${SECRETS.bearer}`,
            "X-Api-Key": SECRETS.apiKey,
            Cookie: `session=${SECRETS.cookie}`,
          },
          request_body: { msg: "{{ password }}", note: `the password is {{ password }}` },
        },
      },
      {
        step: "echo an oauth2 token obtained with credentials",
        do: "cm.http_request",
        where: {
          url: `${base}/with-token`,
          method: "GET",
          authentication: {
            type: "oauth2_token",
            url: `${base}/token`,
            credentials: {
              type: "ENV_VAR_USERNAME_PASSWORD",
              username_key: "TEST_CRED_USER",
              password_key: "TEST_CRED_PASS",
            },
          },
        },
      },
      {
        step: "fail with the password in the message",
        do: "cm.http_probe",
        where: { url: `${base.replace("127.0.0.1", "localhost")}:1/{{ password }}` },
      },
    ],
  });
  expect(exp.status).toBe(201);
  const trial = await api("POST", "/api/v1/trial/", { experiment: exp.body.id });
  const done = await until("the trial ended", async () => {
    const t = await api("GET", `/api/v1/trial/${trial.body.id}/`, undefined, { as: "viewer" });
    return ["Succeeded", "Failed"].includes(t.body.status) && t;
  });
  // The steps really ran and the target really echoed what it was sent (masked on our side).
  expect(done.body.trial_record.steps[0].logs.join("\n")).toContain("Result:");
  expect(done.body.trial_record.steps[1].logs.join("\n")).toContain("*****");

  const seen: Record<string, string> = {
    "trial API (viewer)": JSON.stringify(done.body),
    "trial list (viewer)": JSON.stringify((await api("GET", "/api/v1/trial/", undefined, { as: "viewer" })).body),
    "audit trail": JSON.stringify((await api("GET", "/api/v1/audit/")).body),
  };
  for (const format of ["xml", "json", "html", "junit", "md", "pdf"]) {
    const req = new Request(`http://eris.test/api/v1/report?trial-id=${trial.body.id}&format=${format}`, {
      headers: { authorization: `Bearer ${IDENTITIES.viewer.token}` },
    });
    const res = await reportGet(req, { params: Promise.resolve({}) });
    expect(res.status).toBe(200);
    const bytes = Buffer.from(await res.arrayBuffer());
    seen[`report ${format}`] = format === "pdf" ? pdfText(bytes) : bytes.toString("utf8");
    if (format === "pdf") expect(seen["report pdf"]).toContain("secrets everywhere"); // the text really is read
  }
  await until("the webhook delivery", () => deliveries.length > 0);
  seen.webhook = deliveries.join("\n");
  seen["runner log"] = runner.logs();

  for (const [where, text] of Object.entries(seen)) {
    for (const [name, value] of Object.entries(SECRETS)) {
      expect(text.includes(value), `${name} found in ${where}`).toBe(false);
      expect(text.includes(encodeURIComponent(value)), `${name} (URL-encoded) found in ${where}`).toBe(false);
    }
  }
});

test("an operator's step cannot use Eris's own secrets or read files outside the allowed directories", async () => {
  const received: string[] = [];
  const trap = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      received.push(`${req.url} ${JSON.stringify(req.headers)} ${body}`);
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ access_token: "t" }));
    });
  });
  await new Promise<void>((r) => trap.listen(0, "127.0.0.1", r));
  const trapUrl = `http://127.0.0.1:${(trap.address() as AddressInfo).port}`;
  try {
    // Even a list that allows everything never allows Eris's own settings.
    startRunner({ ERIS_CREDENTIAL_ENV: "*", ERIS_ADMIN_PASSWORD: "the-admin-password-000" });
    const steal = (credentials: Record<string, unknown>) => ({
      do: "cm.http_request",
      where: {
        url: `${trapUrl}/target`,
        method: "GET",
        authentication: { type: "oauth2_token", url: `${trapUrl}/token`, credentials },
      },
    });
    const runAs = async (name: string, credentials: Record<string, unknown>) => {
      const saved = await api("POST", "/api/v1/experiment/", { name, steps: [steal(credentials)] }, { as: "operator" });
      expect(saved.status).toBe(201);
      const trial = await api("POST", "/api/v1/trial/", { experiment: saved.body.id }, { as: "operator" });
      const done = await until(`${name} ended`, async () => {
        const t = await api("GET", `/api/v1/trial/${trial.body.id}/`, undefined, { as: "viewer" });
        return ["Succeeded", "Failed"].includes(t.body.status) && t;
      });
      expect(done.body.status).toBe("Failed");
      return { saved: saved.body, trial: done.body, text: JSON.stringify(done.body) };
    };
    const admin = await runAs("steal the admin password", {
      type: "ENV_VAR_USERNAME_PASSWORD",
      username_key: "ERIS_ADMIN_EMAIL",
      password_key: "ERIS_ADMIN_PASSWORD",
    });
    // Saved as written (Kallisti experiments must), with a warning on the field at fault.
    expect(admin.saved.warnings.map((w: { field: string }) => w.field)).toContain(
      "steps.0.where.authentication.credentials.password_key",
    );
    expect(admin.text).toContain("ERIS_ADMIN_PASSWORD");
    expect(admin.text).not.toContain("the-admin-password-000");
    const passwd = await runAs("read /etc/passwd", { type: "TOKEN_FILE", token_path: "/etc/passwd" });
    const missing = await runAs("read a missing file", { type: "TOKEN_FILE", token_path: "/etc/no-such-file" });
    expect(passwd.text).not.toContain("root:");
    // Not allowed and not there read the same.
    const failure = (t: { trial: { trial_record: { steps: { logs: string[] }[] } } }) =>
      t.trial.trial_record.steps[0].logs
        .find((l) => l.includes("Step failed"))
        ?.replace(/^\[[^\]]*\]/, "")
        .replace(/\/etc\/\S+/g, "<path>");
    expect(failure(passwd)).toBeDefined();
    expect(failure(passwd)).toBe(failure(missing));
    expect(received).toEqual([]); // nothing was ever sent to the operator's server
  } finally {
    trap.close();
  }
});
