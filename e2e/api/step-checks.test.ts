import { expect, test } from "vitest";
import { api } from "./client";

const post = (body: Record<string, unknown>) =>
  api("POST", "/api/v1/experiment/", { name: "checked", steps: [], ...body });

test("an unknown action is a 400 naming the list, the step and the action", async () => {
  const res = await post({
    post_steps: [
      { do: "cm.http_probe", where: { url: "https://x.test" } },
      { do: "cm.nope", where: {} },
    ],
  });
  expect(res.status).toBe(400);
  expect(res.body).toEqual({ post_steps: { "1": { do: ['Could not find function "cm.nope" in module "cm"'] } } });
});

test("bad arguments are a 400 naming the step, the field and the action", async () => {
  const res = await post({
    steps: [
      { do: "k8s.terminate_pods", where: { label_selector: "app=x", qty: "two" } },
      { do: "cm.http_probe", where: { method: "PUT" } },
    ],
  });
  expect(res.status).toBe(400);
  expect(res.body.steps["0"].where.qty[0]).toMatch(/^k8s\.terminate_pods: .*number/);
  expect(res.body.steps["1"].where.url[0]).toMatch(/^cm\.http_probe: /);
  expect(res.body.steps["1"].where.method).toEqual([
    "cm.http_probe: Invalid method: PUT. HTTP Probe allows only GET and POST methods",
  ]);
});

test("templated values are checked when the trial runs, not when the experiment is saved", async () => {
  const res = await post({
    parameters: { seconds: 5 },
    steps: [
      { do: "cm.wait", where: { time_in_seconds: "{{ seconds }}" } },
      { do: "cm.http_probe", where: { url: "{{ base }}/health" } },
    ],
  });
  expect(res.status).toBe(201);
});

test("credential types and expectations are checked too", async () => {
  const res = await post({
    steps: [
      { do: "k8s.get_nodes", where: { credentials: { type: "VAULT" } } },
      {
        do: "cm.http_probe",
        where: { url: "https://x.test" },
        expect: [
          { operator: "contains", status_code: 200 },
          { operator: "eq", status_code: 200 },
        ],
      },
    ],
  });
  expect(res.status).toBe(400);
  expect(res.body.steps["0"].where.credentials[0]).toMatch(
    /^Invalid credential type: VAULT \(known: ENV_VAR_USERNAME_PASSWORD, TOKEN_FILE, K8S_SVC_ACC_TOKEN_FILE\)$/,
  );
  expect(res.body.steps["1"].expect).toEqual({ "0": ["Invalid operator: contains"] });
});

test("PATCH checks the lists it changes", async () => {
  const created = await post({ steps: [{ do: "cm.wait", where: { time_in_seconds: 1 } }] });
  const res = await api("PATCH", `/api/v1/experiment/${created.body.id}/`, {
    steps: [{ do: "cm.wait", where: { time_in_seconds: -1 } }],
  });
  expect(res.status).toBe(400);
  expect(res.body.steps["0"].where.time_in_seconds[0]).toMatch(/^cm\.wait: /);
});

test("the module catalogue lists every action with its argument schema", async () => {
  const res = await api("GET", "/api/v1/modules");
  expect(res.status).toBe(200);
  const namespaces = res.body.modules.map((m: { namespace: string }) => m.namespace);
  expect(namespaces).toEqual(expect.arrayContaining(["cm", "istio", "k8s", "prom"]));
  const k8s = res.body.modules.find((m: { namespace: string }) => m.namespace === "k8s");
  const terminate = k8s.actions.find((a: { name: string }) => a.name === "terminate_pods");
  expect(terminate.do).toBe("k8s.terminate_pods");
  expect(terminate.args_schema.properties.qty).toMatchObject({ default: 1 });
  expect(terminate.args_schema.properties.mode.enum).toEqual(["fixed", "percentage"]);
  expect(res.body.credentials.map((c: { type: string }) => c.type)).toEqual([
    "ENV_VAR_USERNAME_PASSWORD",
    "TOKEN_FILE",
    "K8S_SVC_ACC_TOKEN_FILE",
  ]);
  expect(res.body.expect_operators).toEqual(["eq", "ne", "lt", "le", "gt", "ge", "regex"]);
});

test("the catalogue lists Chaos Mesh's kinds as chaosmesh actions, and a chaos step is checked on save", async () => {
  const res = await api("GET", "/api/v1/modules");
  const chaosmesh = res.body.modules.find((m: { namespace: string }) => m.namespace === "chaosmesh");
  expect(chaosmesh.source).toBe("builtin:chaosmesh");
  const names = chaosmesh.actions.map((a: { name: string }) => a.name);
  expect(names).toEqual(
    expect.arrayContaining([
      "pod_chaos",
      "network_chaos",
      "stress_chaos",
      "io_chaos",
      "time_chaos",
      "dns_chaos",
      "http_chaos",
    ]),
  );
  const network = chaosmesh.actions.find((a: { name: string }) => a.name === "network_chaos");
  expect(network.args_schema.required).toEqual(["selector", "mode", "action"]);
  const bad = await post({
    steps: [{ do: "chaosmesh.network_chaos", where: { action: "delay", mode: "one", selector: {}, duration: "30s" } }],
  });
  expect(bad.status).toBe(400);
  expect(bad.body.steps["0"].where.delay).toEqual(["chaosmesh.network_chaos: delay is required when action is delay"]);
});
