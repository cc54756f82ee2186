/**
 * The browser suite's cluster: the fake Kubernetes API server with Chaos Mesh that playwright.config.ts
 * starts (e2e/fixtures/fake-k8s-server.ts) on the port after Eris's. Specs read its chaos objects
 * over HTTP, as kubectl would.
 */
import type { APIRequestContext } from "@playwright/test";

export const FAKE_K8S_PORT = Number(process.env.E2E_PORT ?? 3210) + 1;
export const FAKE_K8S_TOKEN = "fake-k8s-token";
const BASE = `http://127.0.0.1:${FAKE_K8S_PORT}`;

export type ChaosObject = {
  metadata: { name: string; namespace: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  spec: Record<string, unknown>;
  status?: { conditions?: { type: string; status: string }[] };
};

/** `kubectl get networkchaos -A` */
export async function networkChaos(request: APIRequestContext): Promise<ChaosObject[]> {
  const res = await request.get(`${BASE}/apis/chaos-mesh.org/v1alpha1/networkchaos`, {
    headers: { Authorization: `Bearer ${FAKE_K8S_TOKEN}` },
  });
  if (!res.ok()) throw new Error(`fake cluster: ${res.status()} ${await res.text()}`);
  return (await res.json()).items;
}

export const isInjected = (o: ChaosObject) =>
  o.status?.conditions?.some((c) => c.type === "AllInjected" && c.status === "True") ?? false;
