import { afterEach, beforeEach, expect, test } from "vitest";
import type { FakeK8s } from "@/e2e/fixtures/fake-k8s";
import { RESTARTED_AT } from "./deployments";
import { context, run, startFake } from "./test-helpers";

let fake: FakeK8s;
beforeEach(async () => {
  fake = await startFake({ recreateDelayMs: 200 });
});
afterEach(() => fake.stop());

test("a terminated pod makes the deployment not fully available, then its replacement recovers it", async () => {
  fake.addDeployment("default", "web", { app: "web" }, 3);
  const before = fake.podNames("default");
  expect(await run(fake, "microservice_available_and_healthy", { name: "web" })).toBe(true);

  const [victim] = (await run(fake, "terminate_pods", { label_selector: "app=web" })) as string[];
  expect(fake.deployment("default", "web")?.status.readyReplicas).toBe(2);
  expect(await run(fake, "deployment_is_not_fully_available", { name: "web" })).toBe(true);
  await expect(run(fake, "microservice_available_and_healthy", { name: "web" })).rejects.toThrow(
    "Deployment 'web' is not healthy: 2 of 3 replicas available",
  );

  const started = Date.now();
  expect(await run(fake, "deployment_is_fully_available", { name: "web", timeout: 5 })).toBe(true);
  expect(Date.now() - started).toBeGreaterThanOrEqual(100);
  const after = fake.podNames("default");
  expect(after).toHaveLength(3);
  expect(after).not.toContain(victim);
  expect(after.filter((n) => !before.includes(n))).toHaveLength(1);
  expect(fake.deployment("default", "web")?.status.readyReplicas).toBe(3);
});

test("deployment_is_fully_available fails after its timeout; the not-available wait fails on a healthy one", async () => {
  fake.recreateDelayMs = 10_000;
  fake.addDeployment("default", "web", { app: "web" }, 2);
  await expect(run(fake, "deployment_is_not_fully_available", { name: "web", timeout: 0.3 })).rejects.toThrow(
    "deployment 'web' failed to stop running within 0.3s (2 of 2 replicas ready)",
  );
  await run(fake, "terminate_pods", { label_selector: "app=web" });
  await expect(run(fake, "deployment_is_fully_available", { name: "web", timeout: 0.3 })).rejects.toThrow(
    "deployment 'web' failed to recover within 0.3s (1 of 2 replicas ready)",
  );
});

test("a stopped trial interrupts deployment_is_fully_available's wait at once", async () => {
  fake.recreateDelayMs = 10_000;
  fake.addDeployment("default", "web", { app: "web" }, 1);
  await run(fake, "terminate_pods", { label_selector: "app=web" });
  const stop = new AbortController();
  const reason = new Error("Trial has been stopped");
  setTimeout(() => stop.abort(reason), 150);
  const started = Date.now();
  const waiting = run(
    fake,
    "deployment_is_fully_available",
    { name: "web", timeout: 60 },
    context(undefined, stop.signal),
  );
  await expect(waiting).rejects.toBe(reason);
  expect(Date.now() - started).toBeLessThan(1_000);
});

test("a signal aborted before the call stops it before any request", async () => {
  fake.addDeployment("default", "web", { app: "web" }, 1);
  const stop = new AbortController();
  stop.abort(new Error("stopped"));
  await expect(
    run(fake, "scale_deployment", { name: "web", replicas: 2 }, context(undefined, stop.signal)),
  ).rejects.toThrow("stopped");
  expect(fake.requests).toEqual([]);
});

test("a missing deployment gives a clear FailedAction", async () => {
  const fail = (action: string, where: Record<string, unknown>) => run(fake, action, where).catch((e: Error) => e);
  const waited = (await fail("deployment_is_fully_available", { name: "nope", ns: "shop" })) as Error;
  expect(waited.name).toBe("FailedAction");
  expect(waited.message).toBe("Deployment 'nope' was not found in namespace 'shop'");
  expect(((await fail("scale_deployment", { name: "nope", replicas: 2 })) as Error).message).toBe(
    `failed to scale 'nope' to 2 replicas: deployments.apps "nope" not found (404 NotFound)`,
  );
  expect(((await fail("rollout_deployment", { name: "nope" })) as Error).message).toBe(
    `failed to rollout deployment 'nope': deployments.apps "nope" not found (404 NotFound)`,
  );
  expect(((await fail("delete_deployment", { name: "nope" })) as Error).message).toBe(
    "Deployment 'nope' was not found in namespace 'default'",
  );
  expect(((await fail("microservice_available_and_healthy", { name: "nope" })) as Error).name).toBe("FailedAction");
});

test("scale_deployment patches the scale subresource with a merge patch", async () => {
  fake.addDeployment("default", "web", { app: "web" }, 1);
  expect(await run(fake, "scale_deployment", { name: "web", replicas: 3 })).toBe(3);
  const patch = fake.requests.at(-1);
  expect(patch).toMatchObject({ method: "PATCH", path: "/apis/apps/v1/namespaces/default/deployments/web/scale" });
  expect(patch?.contentType).toBe("application/merge-patch+json");
  expect(await run(fake, "deployment_is_fully_available", { name: "web", timeout: 5 })).toBe(true);
  expect(fake.podNames("default")).toHaveLength(3);

  expect(await run(fake, "scale_deployment", { name: "web", replicas: 0 })).toBe(0);
  expect(fake.podNames("default")).toEqual([]);
  // readyReplicas is omitted at 0 (as the API server does) and 0 of 0 counts as fully available
  expect(fake.deployment("default", "web")?.status.readyReplicas).toBeUndefined();
  expect(await run(fake, "deployment_is_fully_available", { name: "web" })).toBe(true);
});

test("rollout_deployment sets restartedAt on the pod template, and the pods are replaced", async () => {
  fake.addDeployment("default", "web", { app: "web" }, 2);
  const before = fake.podNames("default");
  const result = (await run(fake, "rollout_deployment", { name: "web" })) as Record<string, string>;
  expect(result).toMatchObject({ name: "web", annotation: RESTARTED_AT });
  expect(Date.parse(result.restartedAt)).toBeGreaterThan(Date.now() - 10_000);
  expect(fake.requests.at(-1)?.contentType).toBe("application/strategic-merge-patch+json");
  expect(fake.deployments.get("default/web")?.spec.template.metadata.annotations).toEqual({
    [RESTARTED_AT]: result.restartedAt,
  });
  // a rolling update: the old pods serve until their replacements exist
  expect(fake.podNames("default")).toEqual(before);
  await new Promise((r) => setTimeout(r, 400));
  const after = fake.podNames("default");
  expect(after).toHaveLength(2);
  for (const name of after) expect(before).not.toContain(name);
  expect(fake.pods.get(`default/${after[0]}`)?.metadata.annotations).toEqual({ [RESTARTED_AT]: result.restartedAt });
});

test("delete_deployment by name or by label selector, with its pods", async () => {
  fake.addDeployment("default", "web", { app: "web", team: "a" }, 2);
  fake.addDeployment("default", "api", { app: "api", team: "a" }, 1);
  fake.addDeployment("default", "db", { app: "db", team: "b" }, 1);
  expect(await run(fake, "delete_deployment", { name: "web" })).toEqual(["web"]);
  expect(fake.podNames("default", "app=web")).toEqual([]);
  expect(await run(fake, "delete_deployment", { label_selector: "team=a" })).toEqual(["api"]);
  expect(await run(fake, "delete_deployment", { label_selector: "team=nobody" })).toEqual([]);
  expect([...fake.deployments.keys()]).toEqual(["default/db"]);
  await expect(run(fake, "delete_deployment", {})).rejects.toThrow(
    "delete_deployment needs a name or a label_selector",
  );
});

test("deployment probes honour label_selector with chaostoolkit's {name} placeholder", async () => {
  fake.addDeployment("default", "web", { name: "web" }, 1);
  expect(
    await run(fake, "microservice_available_and_healthy", { name: "web", label_selector: "name in ({name})" }),
  ).toBe(true);
  expect(fake.requests.at(-1)?.query).toEqual({ fieldSelector: "metadata.name=web", labelSelector: "name in (web)" });
  await expect(
    run(fake, "microservice_available_and_healthy", { name: "web", label_selector: "name=other" }),
  ).rejects.toThrow("Deployment 'web' was not found");
});
