/**
 * What outlives a step is found again by its trial label: the probes list, read and delete a trial's
 * objects, and the module's cleanup removes every one of them in every namespace the steps used.
 */
import { afterEach, beforeEach, expect, test } from "vitest";
import type { FakeK8s } from "@/e2e/fixtures/fake-k8s";
import { chaosmesh } from "./index";
import { SEED_DELAY, TOKEN, TRIAL, context, eventually, run, startFake } from "./test-helpers";

let fake: FakeK8s;
beforeEach(async () => {
  fake = await startFake();
  fake.addPod("shop", "cart-0", { labels: { app: "cart" } });
});
const running: AbortController[] = [];
afterEach(async () => {
  for (const a of running.splice(0)) a.abort(new Error("test over"));
  await fake.stop();
});

const OTHER = "2b3c4d5e-0000-4000-8000-000000000014";

/** Starts a long step and leaves it holding (the test aborts it later, or never). */
async function holding(where: Record<string, unknown>, trialId = TRIAL, step = 0) {
  const ctx = context({ trialId, step });
  const done = run(fake, "network_chaos", { ...SEED_DELAY, duration: "1h", ...where }, ctx).catch(() => {});
  running.push(ctx.abort);
  await eventually("injected", () => ctx.lines.some((l) => l.includes("injected after")));
  return { ctx, done };
}

test("list_chaos and get_chaos show the objects Eris created, by trial and kind", async () => {
  const a = await holding({});
  const b = await holding({ namespace: "shop", selector: { labelSelectors: { app: "cart" } } }, OTHER);
  const all = (await run(fake, "list_chaos", {})) as {
    name: string;
    trial: string;
    conditions: Record<string, string>;
  }[];
  expect(all.map((o) => [o.name, o.trial])).toEqual([
    ["networkchaos-1a2b3c4d-step1", TRIAL],
    ["networkchaos-2b3c4d5e-step1", OTHER],
  ]);
  expect(all[0].conditions).toMatchObject({ AllInjected: "True", Selected: "True" });
  const mine = (await run(fake, "list_chaos", { trial_id: TRIAL, kind: "NetworkChaos" })) as { namespace: string }[];
  expect(mine.map((o) => o.namespace)).toEqual(["default"]);
  expect(await run(fake, "list_chaos", { kind: "PodChaos" })).toEqual([]);
  const one = (await run(fake, "get_chaos", {
    kind: "NetworkChaos",
    namespace: "shop",
    name: "networkchaos-2b3c4d5e-step1",
  })) as {
    spec: Record<string, unknown>;
    targets: string[];
  };
  expect(one.targets).toEqual(["shop/cart-0"]);
  expect(one.spec.selector).toEqual({ labelSelectors: { app: "cart" } });
  await expect(run(fake, "get_chaos", { kind: "NetworkChaos", name: "nope" })).rejects.toThrow(
    "NetworkChaos default/nope not found",
  );
  a.ctx.abort.abort(new Error("end"));
  b.ctx.abort.abort(new Error("end"));
  await Promise.all([a.done, b.done]);
});

test("delete_trial_chaos deletes every object of the trial, in every namespace, and no other trial's", async () => {
  await holding({});
  await holding({ namespace: "shop", selector: { labelSelectors: { app: "cart" } } }, TRIAL, 1);
  const other = await holding({}, OTHER);
  const result = await run(fake, "delete_trial_chaos", {}, context());
  expect(result).toEqual({
    trial: TRIAL,
    deleted: ["NetworkChaos default/networkchaos-1a2b3c4d-step1", "NetworkChaos shop/networkchaos-1a2b3c4d-step2"],
  });
  expect(fake.chaosMesh.controller.list().map((o) => o.metadata.labels?.["eris.io/trial"])).toEqual([OTHER]);
  other.ctx.abort.abort(new Error("end"));
  await other.done;
});

test("cleanup removes what a trial left in the namespaces its steps used, says so, and is safe to repeat", async () => {
  await holding({});
  await holding({ namespace: "shop", selector: { labelSelectors: { app: "cart" } } }, TRIAL, 1);
  await holding({}, OTHER);
  const lines: string[] = [];
  const cleanupCtx = {
    trialId: TRIAL,
    steps: [
      {
        do: "chaosmesh.network_chaos",
        args: { k8s_api_host: fake.url, ...SEED_DELAY },
        credential: context().credential,
      },
      {
        do: "chaosmesh.network_chaos",
        args: { k8s_api_host: fake.url, namespace: "shop" },
        credential: context().credential,
      },
    ],
    signal: AbortSignal.timeout(10_000),
    log: (m: string) => lines.push(m),
    credentialHandlers: {},
  };
  const removed = await chaosmesh.cleanup?.(cleanupCtx);
  expect(removed).toEqual([
    "NetworkChaos default/networkchaos-1a2b3c4d-step1",
    "NetworkChaos shop/networkchaos-1a2b3c4d-step2",
  ]);
  expect(fake.chaosMesh.controller.list().map((o) => o.metadata.labels?.["eris.io/trial"])).toEqual([OTHER]);
  expect(await chaosmesh.cleanup?.(cleanupCtx)).toEqual([]);
  expect(lines.join("\n")).not.toContain(TOKEN);
});
