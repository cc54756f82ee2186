/**
 * Test support for the k8s module tests: a started fake API server, an action context the way the
 * executor builds one, and `run()` that validates `where` with the action's schema first.
 */
import { FakeK8s, type FakeK8sOptions } from "@/e2e/fixtures/fake-k8s";
import type { Credential } from "@/lib/credentials/types";
import type { ActionContext } from "../types";
import { k8s } from "./index";

export const TOKEN = "s3cret-token";

export async function startFake(options: FakeK8sOptions = {}): Promise<FakeK8s> {
  return new FakeK8s({ token: TOKEN, ...options }).start();
}

export type TestContext = ActionContext & { lines: string[] };

export function context(
  credential: Credential | null = { kind: "token", type: "TOKEN_FILE", token: TOKEN },
  signal: AbortSignal = new AbortController().signal,
): TestContext {
  const lines: string[] = [];
  return { signal, log: (m) => lines.push(m), credential, credentialHandlers: {}, lines };
}

/** Runs `k8s.<action>` with `where` (the fake's URL is added as k8s_api_host unless given). */
export function run(fake: FakeK8s, action: string, where: Record<string, unknown>, ctx: ActionContext = context()) {
  const def = k8s.actions[action];
  if (!def) throw new Error(`no action k8s.${action}`);
  return def.run(def.args.parse({ k8s_api_host: fake.url, ...where }), ctx);
}
