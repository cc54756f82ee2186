/**
 * The pod's own Kubernetes identity: where its token is mounted, and the API server it belongs to
 * (the only destination the token goes to unless an administrator adds another).
 */
import net from "node:net";
import path from "node:path";

/** Where Kubernetes mounts a pod's service-account token and CA. */
export const SERVICE_ACCOUNT_DIR = "/var/run/secrets/kubernetes.io/serviceaccount";

/** The token file, or ERIS_SERVICE_ACCOUNT_TOKEN_PATH for unusual mounts (and tests). */
export const serviceAccountTokenPath = (env: NodeJS.ProcessEnv = process.env): string =>
  path.resolve(env.ERIS_SERVICE_ACCOUNT_TOKEN_PATH ?? `${SERVICE_ACCOUNT_DIR}/token`);

/** `10.0.0.1:6443` → `https://10.0.0.1:6443`; trailing slashes dropped (paths are appended). */
export function normalizeApiHost(host: string): string {
  const url = /^[a-z][a-z0-9+.-]*:\/\//i.test(host) ? host : `https://${host}`;
  return url.replace(/\/+$/, "");
}

/**
 * The cluster's own API server addresses, as the administrator (`ERIS_K8S_API_HOST`, Eris outside
 * the cluster, as Kallisti's KUBERNETES_HOST) or Kubernetes (the in-cluster address) gives them.
 */
export function ownApiServers(env: NodeJS.ProcessEnv = process.env): string[] {
  const out: string[] = [];
  if (env.ERIS_K8S_API_HOST) out.push(normalizeApiHost(env.ERIS_K8S_API_HOST));
  const host = env.KUBERNETES_SERVICE_HOST;
  if (host) out.push(`https://${net.isIPv6(host) ? `[${host}]` : host}:${env.KUBERNETES_SERVICE_PORT ?? "443"}`);
  return out;
}

/** The API server a step talks to when it names none: the first of the cluster's own. */
export const inClusterServer = (env: NodeJS.ProcessEnv = process.env): string | undefined => ownApiServers(env)[0];
