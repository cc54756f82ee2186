/**
 * Test support for the chaosmesh module: the fake API server with Chaos Mesh (web-show pods in
 * `default`, as in seed 001), a step context as the executor builds one (trial, step, a PAUSE the
 * test can flip), and `run()` that validates `where` with the action's schema first.
 */
import { FakeK8s } from "@/e2e/fixtures/fake-k8s";
import { PauseWatch } from "@/jobs/pause-watch";
import type { ActionContext } from "../types";
import { chaosmesh } from "./index";

export const TOKEN = "chaos-token";
export const TRIAL = "1a2b3c4d-0000-4000-8000-000000000013";

/** Seed 001's NetworkChaos spec, as the Schedule's `networkChaos` block holds it. */
export const SEED_DELAY = {
  action: "delay",
  mode: "one",
  selector: { namespaces: ["default"], labelSelectors: { app: "web-show" } },
  delay: { latency: "10ms", correlation: "100", jitter: "0ms" },
  duration: "12s",
};

export async function startFake(): Promise<FakeK8s> {
  const fake = await new FakeK8s({ token: TOKEN }).start();
  fake.addDeployment("default", "web-show", { app: "web-show" }, 2);
  fake.chaosMesh.controller.injectDelayMs = 80;
  fake.chaosMesh.controller.recoverDelayMs = 50;
  return fake;
}

export type TestContext = ActionContext & { lines: string[]; pauses: PauseWatch; abort: AbortController };

export function context(opts: { step?: number; trialId?: string } = {}): TestContext {
  const lines: string[] = [];
  const abort = new AbortController();
  const pauses = new PauseWatch();
  return {
    signal: abort.signal,
    log: (m) => lines.push(m),
    credential: { kind: "token", type: "TOKEN_FILE", token: TOKEN },
    credentialHandlers: {},
    trialId: opts.trialId ?? TRIAL,
    step: { list: "steps", index: opts.step ?? 0 },
    pause: pauses,
    lines,
    pauses,
    abort,
  };
}

/** Runs `chaosmesh.<action>` with `where` (the fake's URL is added as k8s_api_host). */
export function run(fake: FakeK8s, action: string, where: Record<string, unknown>, ctx: ActionContext = context()) {
  const def = chaosmesh.actions[action];
  if (!def) throw new Error(`no action chaosmesh.${action}`);
  return def.run(def.args.parse({ k8s_api_host: fake.url, ...where }), ctx);
}

/** Resolves when `fn` holds, polling every 20 ms. */
export async function eventually<T>(
  what: string,
  fn: () => T | undefined | null | false,
  timeoutMs = 5000,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
