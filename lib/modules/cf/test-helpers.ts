/**
 * Test support for the cf module: the fake Cloud Foundry with a user, an action context the way
 * the executor builds one (the real credential-handler map), and `run()` that validates `where`
 * with the action's schema first, as a saved step would be.
 */
import { FakeCloudFoundry, type FakeCloudFoundryOptions } from "@/e2e/fixtures/fake-cf";
import { BUILTIN_CREDENTIALS } from "@/lib/credentials/handlers";
import type { Credential } from "@/lib/credentials/types";
import type { ActionContext } from "../types";
import { cf } from "./index";

export const USER = { username: "chaos-operator", password: "pa55-w0rd-never-logged" };

export function startFake(options: Partial<FakeCloudFoundryOptions> = {}): Promise<FakeCloudFoundry> {
  return new FakeCloudFoundry({ ...USER, restartDelayMs: 150, ...options }).start();
}

/** A shop: org "acme", spaces "prod" and "dev", app "checkout" with 4 instances, a route and a binding. */
export function seedShop(fake: FakeCloudFoundry) {
  fake.addOrg("acme");
  fake.addSpace("acme", "prod");
  fake.addSpace("acme", "dev");
  fake.addApp("prod", "checkout", 4);
  fake.addApp("prod", "catalog", 2);
  fake.addApp("dev", "checkout", 1);
  fake.addRoute("prod", "shop", "apps.example.com", ["checkout"]);
  fake.addRoute("prod", "shop-canary");
  fake.bindService("checkout", "orders-db");
  fake.bindService("checkout", "feature-flags", "flags", false);
}

export type TestContext = ActionContext & { lines: string[] };

/** A context whose credential is the step's (none: cf falls back to CF_USERNAME/CF_PASSWORD). */
export function context(
  credential: Credential | null = { kind: "username_password", type: "ENV_VAR_USERNAME_PASSWORD", ...USER },
  signal: AbortSignal = new AbortController().signal,
): TestContext {
  const lines: string[] = [];
  return { signal, log: (m) => lines.push(m), credential, credentialHandlers: BUILTIN_CREDENTIALS, lines };
}

/** Runs `cf.<action>` with `where` (the fake's URL is added as cf_api_url unless given). */
export function run<T = unknown>(
  fake: FakeCloudFoundry,
  action: string,
  where: Record<string, unknown>,
  ctx: ActionContext = context(),
): Promise<T> {
  const def = cf.actions[action];
  if (!def) throw new Error(`no action cf.${action}`);
  return def.run(def.args.parse({ cf_api_url: fake.url, ...where }), ctx) as Promise<T>;
}

/** Polls `check` until it resolves true (the fake restarts instances after a delay). */
export async function eventually(what: string, check: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  for (const end = Date.now() + timeoutMs; Date.now() < end; ) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting until ${what}`);
}
