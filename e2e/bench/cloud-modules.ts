/**
 * aws and cf action latency, in-process: aws against a real moto server (when the `moto` Python
 * package is installed), cf against the fake Cloud Foundry. Each cf call logs in to UAA first, as
 * every cf step does; the first aws call of a process also loads the SDK client package.
 */
import { MOTO_ENV, motoSkipReason, startMoto } from "@/e2e/fixtures/moto";
import { BUILTIN_CREDENTIALS } from "@/lib/credentials/handlers";
import type { Credential } from "@/lib/credentials/types";
import { aws } from "@/lib/modules/aws";
import { cf } from "@/lib/modules/cf";
import { USER, seedShop, startFake } from "@/lib/modules/cf/test-helpers";
import type { ModuleDef } from "@/lib/modules/types";
import { pct, sleep } from "./proc";

function caller(mod: ModuleDef, credential: Credential | null) {
  return (name: string, where: Record<string, unknown>) => {
    const a = mod.actions[name];
    const ctx = {
      signal: new AbortController().signal,
      log: () => {},
      credential,
      credentialHandlers: BUILTIN_CREDENTIALS,
    };
    return a.run(a.args.parse(where), ctx);
  };
}

async function time(label: string, n: number, call: () => Promise<unknown>, between?: () => Promise<unknown>) {
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    await between?.();
    const t = performance.now();
    await call();
    ms.push(performance.now() - t);
  }
  console.log(`  ${label.padEnd(34)} p50 ${pct(ms, 50).toFixed(2)} ms  p99 ${pct(ms, 99).toFixed(2)} ms  (${n} calls)`);
}

async function benchAws(): Promise<void> {
  const skip = motoSkipReason();
  if (skip) return console.log(`  aws: skipped (${skip})`);
  Object.assign(process.env, MOTO_ENV);
  const moto = await startMoto();
  console.log(`  moto server start                  ${moto.startupMs.toFixed(0)} ms`);
  try {
    const run = caller(aws, null);
    const where = { endpoint_url: moto.endpoint, filters: [] };
    // The first call of the process imports the EC2 client package (the module loads it lazily).
    const first = performance.now();
    await run("ec2.count_instances", where);
    console.log(`  aws first call (loads the SDK)     ${(performance.now() - first).toFixed(0)} ms`);
    const { EC2Client, RunInstancesCommand } = await import("@aws-sdk/client-ec2");
    const ec2 = new EC2Client({ endpoint: moto.endpoint, region: MOTO_ENV.AWS_REGION });
    const out = await ec2.send(new RunInstancesCommand({ ImageId: "ami-12c6146b", MinCount: 10, MaxCount: 10 }));
    const ids = (out.Instances ?? []).map((i) => i.InstanceId ?? "");
    await time("aws.ec2.count_instances (10)", 200, () => run("ec2.count_instances", where));
    await time(
      "aws.ec2.stop_instances (1 by id)",
      100,
      () => run("ec2.stop_instances", { endpoint_url: moto.endpoint, instance_ids: [ids[0]] }),
      () => run("ec2.start_instances", { endpoint_url: moto.endpoint, instance_ids: [ids[0]] }),
    );
  } finally {
    await moto.stop();
  }
}

async function benchCf(): Promise<void> {
  const fake = await startFake({ restartDelayMs: 20 });
  seedShop(fake);
  const run = caller(cf, { kind: "username_password", type: "ENV_VAR_USERNAME_PASSWORD", ...USER });
  const where = { cf_api_url: fake.url, app_name: "checkout", org_name: "acme", space_name: "prod" };
  try {
    await time("cf.get_app_stats (login + 5 calls)", 300, () => run("get_app_stats", where));
    await time(
      "cf.terminate_some_random_instance",
      200,
      () => run("terminate_some_random_instance", where),
      () => sleep(30), // let the fake restart the instance (not timed)
    );
  } finally {
    await fake.stop();
  }
}

export async function benchCloudModules(): Promise<void> {
  await benchAws();
  await benchCf();
}
