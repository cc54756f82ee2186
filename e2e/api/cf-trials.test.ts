/**
 * Kallisti-style cf experiments, saved through the API as written (only the URLs point here), run
 * by the real runner process against the fake Cloud Foundry; the runner logs in with Kallisti's
 * default CF_USERNAME and CF_PASSWORD.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, test } from "vitest";
import type { FakeCloudFoundry } from "@/e2e/fixtures/fake-cf";
import { killRunners, startRunner } from "@/e2e/fixtures/runner-process";
import { USER, seedShop, startFake } from "@/lib/modules/cf/test-helpers";
import { api } from "./client";
import { lines, runExperiment } from "./run-trial";

let fake: FakeCloudFoundry;
let health: http.Server;
let healthUrl = "";

beforeAll(async () => {
  fake = await startFake({ restartDelayMs: 300 });
  seedShop(fake);
  health = http.createServer((_req, res) =>
    res.writeHead(200, { "content-type": "application/json" }).end('{"status":"UP"}'),
  );
  await new Promise<void>((resolve) => health.listen(0, "127.0.0.1", resolve));
  healthUrl = `http://127.0.0.1:${(health.address() as AddressInfo).port}/health`;
  // Kallisti's default cf credential, allowed by the administrator as any variable must be.
  startRunner({
    CF_USERNAME: USER.username,
    CF_PASSWORD: USER.password,
    ERIS_CREDENTIAL_ENV: "CF_USERNAME,CF_PASSWORD",
  });
});
afterAll(async () => {
  killRunners();
  health.close();
  await fake.stop();
});

test("cf.terminate_some_random_instances and Kallisti's documented terminate_app_instance step; instances come back", async () => {
  const where = { cf_api_url: fake.url, app_name: "checkout", org_name: "acme", space_name: "prod" };
  const t = await runExperiment({
    name: "Kill some checkout instances",
    steps: [
      { step: "Terminate two instances", do: "cf.terminate_some_random_instances", where: { ...where, count: 2 } },
      {
        step: "terminate app instance",
        do: "cf.terminate_app_instance",
        where: { cf_api_url: fake.url, app_name: "catalog", instance_index: 0, org_name: "acme", space_name: "prod" },
      },
      { step: "Let them restart", do: "cm.wait", where: { time_in_seconds: 1 } },
      {
        step: "All instances run again",
        do: "cf.get_app_stats",
        where,
        expect: [0, 1, 2, 3].map((i) => ({ operator: "eq", [`resources[${i}].state`]: "RUNNING" })),
      },
    ],
  });
  expect(t.status).toBe("Succeeded");
  const terminate = t.trial_record.steps[0];
  expect(terminate.step_name).toBe("Terminate some random instances");
  const result = lines(terminate).find((l) => l.startsWith("[INFO] Result: "));
  expect(result).toMatch(/^\[INFO\] Result: \{"app":"checkout","terminated":\[\d,\d\]\}\.$/);
  expect(fake.terminated).toHaveLength(3);
  expect(fake.terminated).toContain("catalog/0");
  expect(lines(terminate)).toContain(
    `[INFO] Cloud Foundry API ${fake.url} (user from ENV_VAR_USERNAME_PASSWORD, token from ${fake.url}/uaa)`,
  );
  expect(JSON.stringify(t)).not.toContain(USER.password);
});

test("Kallisti's documented stop/start experiment runs unchanged, the app restarted by the rollback", async () => {
  const app = { app_name: "catalog", cf_api_url: fake.url, space_name: "prod", org_name: "acme" };
  const t = await runExperiment({
    name: "Kill application in one DC (inter-pool resiliency pattern)",
    description: "Kill application in data center and check the load balancer endpoint",
    pre_steps: [{ step: "HTTP Health Check", do: "cm.http_probe", where: { url: healthUrl } }],
    steps: [
      { step: "Stop App", do: "cf.stop_app", where: app },
      { step: "HTTP Health Check", do: "cm.http_probe", where: { url: healthUrl } },
      {
        step: "Stopped",
        do: "cf.get_app_states_by_org",
        where: { cf_api_url: fake.url, org_name: "acme" },
        expect: [{ operator: "eq", "[1].state": "STOPPED" }],
      },
    ],
    post_steps: [{ step: "Start App", do: "cf.start_app", where: app }],
  });
  expect(t.status).toBe("Succeeded");
  expect(t.trial_record.post_steps[0].step_name).toBe("Start app");
  expect(fake.app("catalog").state).toBe("STARTED");
});

test("a step without cf_api_url is a 400 at save, not Kallisti's KeyError", async () => {
  const res = await api("POST", "/api/v1/experiment/", {
    name: "no api",
    steps: [{ do: "cf.terminate_some_random_instances", where: { app_name: "checkout", count: 1 } }],
  });
  expect(res.status).toBe(400);
  expect(res.body.steps["0"].where.cf_api_url[0]).toMatch(/^cf\.terminate_some_random_instances: /);
});

test("the catalogue lists cf and aws with their argument schemas", async () => {
  const res = await api("GET", "/api/v1/modules");
  const byName = Object.fromEntries(
    res.body.modules.map((m: { namespace: string; actions: unknown[] }) => [m.namespace, m.actions]),
  );
  const cf = byName.cf as { do: string; args_schema: { required?: string[] } }[];
  const terminate = cf.find((a) => a.do === "cf.terminate_some_random_instances");
  expect(terminate?.args_schema.required).toEqual(expect.arrayContaining(["cf_api_url", "app_name"]));
  const aws = byName.aws as { do: string }[];
  expect(aws.map((a) => a.do)).toEqual(
    expect.arrayContaining(["aws.ec2.stop_instances", "aws.rds.reboot_db_instance"]),
  );
});
