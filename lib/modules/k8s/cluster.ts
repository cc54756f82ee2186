/**
 * Cluster access for the k8s/istio actions. Per step, in this order:
 * 1. a `credentials` block (Kallisti): token → bearer, username/password → basic auth, against
 *    `k8s_api_host` (or the in-cluster address when Eris runs in a pod);
 * 2. a `kubeconfig` path argument, or $KUBECONFIG (optionally a `context`);
 * 3. the in-cluster service account (against `k8s_api_host` when given, as Kallisti does).
 * Every file is read through the administrator's allow-lists (lib/credentials/policy.ts), and a
 * credential bound to hosts goes nowhere else: the service-account token only to its own cluster.
 * It also turns client errors into FailedAction messages a trial log can show, and makes every
 * request abortable with the step's signal. Credential values are never logged.
 */
import fs from "node:fs";
import path from "node:path";
import type {
  AppsV1Api,
  Cluster,
  ConfigurationOptions,
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
  ObservableMiddleware,
  PatchStrategy,
  User,
} from "@kubernetes/client-node";
import { z } from "zod";
import { type Binding, refusalFor } from "@/lib/credentials/destinations";
import { type CredentialPolicy, CredentialUnavailable, credentialPolicy } from "@/lib/credentials/policy";
import { SERVICE_ACCOUNT_DIR, inClusterServer, normalizeApiHost } from "@/lib/credentials/service-account";
import type { Credential } from "@/lib/credentials/types";
import { type ActionContext, FailedAction } from "../types";

// Marked as the connection group: the wizard lists them after what the action acts on, folded away.
const CONNECTION = { "x-eris-group": "connection" };

/** Arguments every k8s/istio action accepts to pick the cluster (spread into each schema). */
export const clusterArgs = {
  k8s_api_host: z
    .string()
    .min(1)
    .optional()
    .describe("API server URL for a `credentials` block or the service account, e.g. https://10.0.0.1:6443")
    .meta(CONNECTION),
  kubeconfig: z
    .string()
    .min(1)
    .optional()
    .describe("Path of a kubeconfig file on the runner (default: $KUBECONFIG, then the in-cluster service account)")
    .meta(CONNECTION),
  context: z
    .string()
    .min(1)
    .optional()
    .describe("kubeconfig context to use (default: the file's current context)")
    .meta(CONNECTION),
  insecure_skip_tls_verify: z
    .boolean()
    .default(false)
    .describe("Do not verify the API server's TLS certificate")
    .meta(CONNECTION),
  platform: z
    .string()
    .default("k8s")
    .describe('Kallisti\'s platform switch; only "k8s" is supported here')
    .meta(CONNECTION),
};

export type ClusterArgs = {
  k8s_api_host?: string;
  kubeconfig?: string;
  context?: string;
  insecure_skip_tls_verify: boolean;
  platform: string;
};

/** A FailedAction that keeps the HTTP status, so callers can treat e.g. 404 as "already gone". */
export class KubeApiError extends FailedAction {
  constructor(
    message: string,
    readonly code?: number,
  ) {
    super(message);
  }
}

export type Kube = {
  core: CoreV1Api;
  apps: AppsV1Api;
  custom: CustomObjectsApi;
  server: string;
  signal: AbortSignal;
  /**
   * Runs one API call with per-call options (the step's signal, and the patch content type when
   * given: the client would otherwise send a JSON patch). Client errors become KubeApiError
   * "<what>: <reason>"; an abort rethrows the signal's reason.
   */
  call<T>(what: string, fn: (options: ConfigurationOptions) => Promise<T>, patch?: PatchStrategy): Promise<T>;
};

/** Builds the clients for one step; logs where it connects and how (never the secret itself). */
/**
 * The patch content types the API server takes (the client's PatchStrategy values), here so that a
 * module can name one without loading the client.
 */
export const PATCH = {
  json: "application/json-patch+json",
  merge: "application/merge-patch+json",
  strategicMerge: "application/strategic-merge-patch+json",
} as const satisfies Record<string, `${PatchStrategy}`>;

/**
 * The client library loads on a step's first use of the cluster: importing it costs some 85 MB,
 * which a runner with no Kubernetes step (and the catalogue) should not pay.
 */
const client = () => import("@kubernetes/client-node");

/** An error the client raised for an HTTP answer (ApiException), recognised without loading the client. */
function isApiException(err: unknown): err is Error & { code: number; body: unknown } {
  return (
    err instanceof Error && typeof (err as { code?: unknown }).code === "number" && "body" in err && "headers" in err
  );
}

export async function connect(
  args: ClusterArgs,
  ctx: ActionContext,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Kube> {
  const platform = args.platform.toLowerCase();
  if (platform !== "k8s") throw new FailedAction(`K8s on the platform: ${platform} is not supported.`);
  const { kc, source } = await loadKubeConfig(args, ctx, env);
  const server = kc.getCurrentCluster()?.server ?? "(no server)";
  ctx.log(`Kubernetes API ${server} (${source})`);
  const { signal } = ctx;
  const k8s = await client();
  return {
    core: kc.makeApiClient(k8s.CoreV1Api),
    apps: kc.makeApiClient(k8s.AppsV1Api),
    custom: kc.makeApiClient(k8s.CustomObjectsApi),
    server,
    signal,
    async call(what, fn, patch) {
      if (signal.aborted) throw signal.reason;
      try {
        return await fn({ middleware: [perCall(k8s.Observable, signal, patch)], middlewareMergeStrategy: "append" });
      } catch (err) {
        if (signal.aborted) throw signal.reason;
        throw new KubeApiError(`${what}: ${describeError(err, server)}`, isApiException(err) ? err.code : undefined);
      }
    },
  };
}

function perCall(
  Observable: Awaited<ReturnType<typeof client>>["Observable"],
  signal: AbortSignal,
  contentType?: string,
): ObservableMiddleware {
  return {
    pre: (req) => {
      req.setSignal(signal);
      if (contentType) req.setHeaderParam("Content-Type", contentType);
      return new Observable(Promise.resolve(req));
    },
    post: (res) => new Observable(Promise.resolve(res)),
  };
}

/** The API server's own words when it sent a Status body, else the status code. */
export function describeError(err: unknown, server: string): string {
  if (isApiException(err)) {
    if (err.code === 401) return `the Kubernetes API at ${server} rejected the credentials (401 Unauthorized)`;
    const status = parseStatus(err.body);
    if (status.message) return `${status.message} (${err.code}${status.reason ? ` ${status.reason}` : ""})`;
    return `HTTP ${err.code} from the Kubernetes API at ${server}`;
  }
  if (!(err instanceof Error)) return String(err);
  if (err.name === "FetchError") return `cannot reach the Kubernetes API at ${server}: ${err.message}`;
  if (err.message.includes("HTTP protocol is not allowed")) {
    return `the API server URL ${server} is plain http://; set insecure_skip_tls_verify: true to allow it`;
  }
  return err.message;
}

function parseStatus(body: unknown): { message?: string; reason?: string } {
  let value = body;
  if (typeof body === "string") {
    try {
      value = JSON.parse(body);
    } catch {
      return { message: body.trim().slice(0, 300) || undefined };
    }
  }
  if (typeof value !== "object" || value === null) return {};
  const { message, reason } = value as { message?: unknown; reason?: unknown };
  return {
    message: typeof message === "string" ? message : undefined,
    reason: typeof reason === "string" ? reason : undefined,
  };
}

/** Picks the access method (see the file comment) and returns the config with a safe description. */
export async function loadKubeConfig(
  args: ClusterArgs,
  ctx: Pick<ActionContext, "credential" | "secret">,
  env: NodeJS.ProcessEnv = process.env,
  policy: CredentialPolicy = credentialPolicy(),
): Promise<{ kc: KubeConfig; source: string }> {
  if (ctx.credential) return fromCredential(args, ctx.credential, env);
  if (args.kubeconfig || env.KUBECONFIG) return fromKubeconfig(args, env, policy, ctx.secret);
  return fromServiceAccount(args, env, policy, ctx.secret);
}

async function fromCredential(args: ClusterArgs, credential: Credential, env: NodeJS.ProcessEnv) {
  const server = args.k8s_api_host ? normalizeApiHost(args.k8s_api_host) : inClusterServer(env);
  if (!server) {
    throw new FailedAction(
      "A credentials block needs k8s_api_host (the API server URL), or ERIS_K8S_API_HOST on the runner: Eris is not running inside a cluster (KUBERNETES_SERVICE_HOST is not set)",
    );
  }
  const refused = refusalFor(credential, server);
  if (refused) throw new FailedAction(refused);
  let user: User;
  let how: string;
  if (credential.kind === "token") {
    user = { name: "eris", token: credential.token };
    how = `bearer token from ${credential.type}`;
  } else {
    if (!credential.username || credential.password === undefined) {
      throw new FailedAction(
        `The ${credential.type} credential has no ${credential.username ? "password" : "username"} (is its environment variable set on the runner?)`,
      );
    }
    user = { name: "eris", username: credential.username, password: credential.password };
    how = `basic auth from ${credential.type}`;
  }
  // An explicit http:// URL is the user's choice (Kallisti allowed it); the client wants the opt-in.
  const plainHttp = server.startsWith("http:");
  const caFile = args.k8s_api_host || env.ERIS_K8S_API_HOST ? undefined : serviceAccountCa();
  const cluster: Cluster = { name: "eris", server, skipTLSVerify: args.insecure_skip_tls_verify || plainHttp, caFile };
  const kc = new (await client()).KubeConfig();
  kc.loadFromClusterAndUser(cluster, user);
  return { kc, source: `${how}${plainHttp ? ", plain HTTP" : ""}` };
}

/** One kubeconfig file, read through the allow-lists; a parse error never quotes the file. */
async function readKubeconfig(file: string, policy: CredentialPolicy) {
  let read: Awaited<ReturnType<CredentialPolicy["readFile"]>>;
  try {
    read = await policy.readFile(file, "kubeconfig");
  } catch (err) {
    if (err instanceof CredentialUnavailable) throw new FailedAction(`Cannot load ${err.message}`);
    throw err;
  }
  const kc = new (await client()).KubeConfig();
  try {
    kc.loadFromString(read.content);
  } catch (err) {
    const line = (err as { mark?: { line?: number } }).mark?.line;
    throw new FailedAction(
      `Cannot load kubeconfig ${file}: not a valid kubeconfig file${line === undefined ? "" : ` (YAML error at line ${line + 1})`}`,
    );
  }
  // As loadFromFile does: certificate and token paths inside are relative to the file.
  kc.makePathsAbsolute(path.dirname(read.real));
  return { kc, binding: read.binding };
}

async function fromKubeconfig(
  args: ClusterArgs,
  env: NodeJS.ProcessEnv,
  policy: CredentialPolicy,
  secret: ActionContext["secret"],
) {
  // $KUBECONFIG may list several files: merged as kubectl does, the first one's context wins.
  const files = args.kubeconfig ? [args.kubeconfig] : (env.KUBECONFIG ?? "").split(path.delimiter).filter(Boolean);
  const where = args.kubeconfig ?? `$KUBECONFIG (${env.KUBECONFIG})`;
  const first = await readKubeconfig(files[0], policy);
  const kc = first.kc;
  const bindings = first.binding ? [first.binding] : [];
  for (const file of files.slice(1)) {
    const more = await readKubeconfig(file, policy);
    kc.mergeConfig(more.kc, true);
    if (more.binding) bindings.push(more.binding);
  }
  if (args.context) {
    if (!kc.getContextObject(args.context)) {
      const known = kc.getContexts().map((c) => c.name);
      throw new FailedAction(
        `Context "${args.context}" is not in kubeconfig ${where} (known: ${known.join(", ") || "none"})`,
      );
    }
    kc.setCurrentContext(args.context);
  }
  const cluster = kc.getCurrentCluster();
  if (!cluster) throw new FailedAction(`kubeconfig ${where} has no current context with a cluster`);
  const refused = refusalFor({ bindings }, cluster.server);
  if (refused) throw new FailedAction(refused);
  const user = kc.getCurrentUser();
  for (const value of [user?.token, user?.password]) if (value) secret?.(value);
  if (args.insecure_skip_tls_verify) withSkipTls(kc);
  return { kc, source: `kubeconfig ${where}, context ${kc.getCurrentContext()}` };
}

async function fromServiceAccount(
  args: ClusterArgs,
  env: NodeJS.ProcessEnv,
  policy: CredentialPolicy,
  secret: ActionContext["secret"],
) {
  const tokenFile = policy.serviceAccountTokenPath;
  const server = args.k8s_api_host ? normalizeApiHost(args.k8s_api_host) : inClusterServer(env);
  const noAccess =
    "No Kubernetes cluster access configured: give a credentials block with k8s_api_host, a kubeconfig path, set KUBECONFIG on the runner, or run Eris inside a cluster with a service account";
  // The path is the administrator's, not the step's: saying that it is missing gives nothing away.
  if (!server || !fs.existsSync(/*turbopackIgnore: true*/ tokenFile)) throw new FailedAction(noAccess);
  if (!policy.pathAllowed(tokenFile)) {
    throw new FailedAction(
      `The service-account token is not allowed for credentials; an administrator allows it by adding ${path.dirname(tokenFile)} to ERIS_CREDENTIAL_DIRS`,
    );
  }
  let token: string;
  let binding: Binding | null;
  try {
    const read = await policy.readFile(tokenFile, "the service-account token");
    token = read.content.trim();
    binding = read.binding;
  } catch (err) {
    if (err instanceof CredentialUnavailable) throw new FailedAction(noAccess);
    throw err;
  }
  const refused = refusalFor({ bindings: binding ? [binding] : [] }, server);
  if (refused) throw new FailedAction(refused);
  secret?.(token);
  // Read once per step through the allow-lists: a projected token rotates, but stays valid far
  // longer than one step lasts.
  const kc = new (await client()).KubeConfig();
  const skipTLSVerify = args.insecure_skip_tls_verify || server.startsWith("http:");
  kc.loadFromClusterAndUser(
    { name: "in-cluster", server, caFile: serviceAccountCa(), skipTLSVerify },
    { name: "service-account", token },
  );
  return { kc, source: "in-cluster service account" };
}

/** The cluster CA mounted with the service account, when there is one. */
function serviceAccountCa(): string | undefined {
  const file = `${SERVICE_ACCOUNT_DIR}/ca.crt`;
  return fs.existsSync(file) ? file : undefined;
}

function withSkipTls(kc: KubeConfig): void {
  kc.loadFromOptions({
    clusters: kc.getClusters().map((c) => ({ ...c, skipTLSVerify: true })),
    users: kc.getUsers(),
    contexts: kc.getContexts(),
    currentContext: kc.getCurrentContext(),
  });
}
