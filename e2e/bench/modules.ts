/**
 * Module benchmark: latency of one action call, in-process, against local targets:
 * cm.http_probe (a local HTTP server), k8s.count_pods and k8s.terminate_pods through the real
 * @kubernetes/client-node (the fake API server), prom.query (a real Prometheus, when installed),
 * and the aws and cf modules (cloud-modules.ts).
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { FakeK8s } from "@/e2e/fixtures/fake-k8s";
import { prometheusSkipReason, startPrometheus } from "@/e2e/fixtures/prometheus";
import { BUILTIN_CREDENTIALS } from "@/lib/credentials/handlers";
import { BUILTIN_MODULES } from "@/lib/modules/registry";
import type { ActionContext } from "@/lib/modules/types";
import { benchCloudModules } from "./cloud-modules";
import { pct, sleep } from "./proc";

const ctx = (): ActionContext => ({
  signal: new AbortController().signal,
  log: () => {},
  credential: { kind: "token", type: "TOKEN_FILE", token: "t" },
  credentialHandlers: BUILTIN_CREDENTIALS,
});

async function time(label: string, n: number, call: () => Promise<unknown>, between?: () => Promise<unknown>) {
  await call(); // warm-up
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    await between?.();
    const t = performance.now();
    await call();
    ms.push(performance.now() - t);
  }
  console.log(`  ${label.padEnd(34)} p50 ${pct(ms, 50).toFixed(2)} ms  p99 ${pct(ms, 99).toFixed(2)} ms  (${n} calls)`);
}

function action(ref: string) {
  const [ns, name] = ref.split(".");
  const a = BUILTIN_MODULES[ns].actions[name];
  return (where: Record<string, unknown>) => a.run(a.args.parse(where), ctx());
}

export async function benchModules(): Promise<void> {
  console.log("Module benchmark (one action call, in-process, loopback targets)");
  const server = http.createServer((_q, r) =>
    r.writeHead(200, { "content-type": "application/json" }).end('{"status":"UP"}'),
  );
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/health`;
  await time("cm.http_probe", 500, () => action("cm.http_probe")({ url }));
  server.close();

  const fake = await new FakeK8s({ token: "t", recreateDelayMs: 50 }).start();
  fake.addDeployment("default", "web", { app: "web" }, 20);
  const k8s = { k8s_api_host: fake.url };
  await time("k8s.count_pods (20 pods)", 300, () => action("k8s.count_pods")({ ...k8s, label_selector: "app=web" }));
  await time(
    "k8s.terminate_pods (qty 1)",
    100,
    () => action("k8s.terminate_pods")({ ...k8s, label_selector: "app=web", qty: 1, rand: true }),
    () => sleep(60), // let the deployment recreate the pod (not timed)
  );
  await fake.stop();

  await benchCloudModules();

  const skip = prometheusSkipReason();
  if (skip) {
    console.log(`  prom.query: skipped (${skip})`);
    return;
  }
  const prom = await startPrometheus(() => [{ name: "eris_bench_gauge", type: "gauge", series: [{ value: 1 }] }]);
  try {
    await time("prom.query (real Prometheus)", 300, () =>
      action("prom.query")({ base_url: prom.baseUrl, query: "eris_bench_gauge" }),
    );
  } finally {
    await prom.stop();
  }
}
