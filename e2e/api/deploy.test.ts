/**
 * The deployment files: every Kubernetes manifest validates against Kubernetes' schemas (strictly:
 * an unknown field fails) and the pieces fit together; the Dockerfile is multi-stage, non-root,
 * keeps the database on a volume, checks the public health route and runs the supervisor under an
 * init process with a stop timeout longer than the runner's grace and rollback.
 */
import fs from "node:fs";
import path from "node:path";
import YAML from "yaml";
import { expect, test } from "vitest";
import { execForm, finalStage, envOf, readDockerfile } from "@/e2e/fixtures/dockerfile";
import { validateManifest } from "@/e2e/fixtures/k8s-schema";
import { loadConfig } from "@/lib/config";

const K8S = path.resolve("deploy/kubernetes");
type Doc = { apiVersion: string; kind: string; metadata: { name: string; namespace?: string }; [k: string]: any };

function manifests(): { file: string; doc: Doc }[] {
  return fs
    .readdirSync(K8S)
    .filter((f) => f.endsWith(".yaml") && f !== "kustomization.yaml")
    .flatMap((file) =>
      YAML.parseAllDocuments(fs.readFileSync(path.join(K8S, file), "utf8")).map((d) => ({
        file,
        doc: d.toJS() as Doc,
      })),
    );
}
const one = (kind: string) => manifests().find((m) => m.doc.kind === kind)?.doc as Doc;
const defaults = loadConfig({});

test("every Kubernetes manifest validates against Kubernetes' schemas, strictly", () => {
  const all = manifests();
  expect(all.map((m) => m.doc.kind).sort()).toEqual(
    [
      "ClusterRole",
      "ClusterRoleBinding",
      "ConfigMap",
      "Deployment",
      "Namespace",
      "PersistentVolumeClaim",
      "Secret",
      "Service",
      "ServiceAccount",
    ].sort(),
  );
  for (const { file, doc } of all) expect(validateManifest(doc), `${file} ${doc.kind}`).toEqual([]);
  // The validator does catch mistakes: a misspelt field, a wrong type, a missing selector.
  const broken = structuredClone(one("Deployment"));
  broken.spec.template.spec.terminationGracePeriodSecond = 170;
  broken.spec.replicas = "1";
  delete broken.spec.selector;
  expect(validateManifest(broken)).toEqual([
    "data/spec must have required property selector",
    "data/spec/replicas must be integer",
    "Deployment.spec.template.spec.terminationGracePeriodSecond: unknown field",
  ]);
});

test("the manifests fit together: kustomization, names, selectors, probes, volume, grace period, settings", () => {
  const kustomization = YAML.parse(fs.readFileSync(path.join(K8S, "kustomization.yaml"), "utf8"));
  expect([...kustomization.resources].sort()).toEqual(
    fs
      .readdirSync(K8S)
      .filter((f) => f !== "kustomization.yaml")
      .sort(),
  );

  const deployment = one("Deployment");
  const pod = deployment.spec.template;
  const container = pod.spec.containers[0];
  expect(deployment.spec.replicas).toBe(1);
  expect(deployment.spec.strategy.type).toBe("Recreate");
  expect(pod.metadata.labels).toMatchObject(deployment.spec.selector.matchLabels);
  expect(pod.metadata.labels).toMatchObject(one("Service").spec.selector);
  expect(pod.spec.serviceAccountName).toBe(one("ServiceAccount").metadata.name);
  expect(one("ClusterRoleBinding").subjects).toEqual([{ kind: "ServiceAccount", name: "eris", namespace: "eris" }]);
  expect(pod.spec.volumes[0].persistentVolumeClaim.claimName).toBe(one("PersistentVolumeClaim").metadata.name);
  expect(container.env).toContainEqual({ name: "DATABASE_PATH", value: "/data/eris.db" });
  expect(container.volumeMounts).toContainEqual({ name: "data", mountPath: "/data" });
  for (const probe of ["startupProbe", "readinessProbe", "livenessProbe"])
    expect(container[probe].httpGet.path).toBe("/api/v1/health");
  expect(pod.spec.securityContext.runAsNonRoot).toBe(true);
  expect(container.envFrom).toEqual([
    { configMapRef: { name: one("ConfigMap").metadata.name } },
    { secretRef: { name: one("Secret").metadata.name } },
  ]);

  // Long enough for the grace and the rollback the ConfigMap sets, plus the supervisor's margin.
  const settings = { ...one("ConfigMap").data, ...one("Secret").stringData };
  const cfg = loadConfig(settings);
  expect(pod.spec.terminationGracePeriodSeconds * 1000).toBeGreaterThan(
    cfg.runnerGraceMs + cfg.runnerRollbackTimeoutMs + 10_000 - 1,
  );
  // Every setting is one Eris reads (a bad value would stop it at boot).
  const known = /^(ERIS_|NEXTAUTH_|DATABASE_PATH$|PORT$|HOSTNAME$)/;
  for (const key of Object.keys(settings)) expect(key).toMatch(known);

  // The ClusterRole grants what the k8s module calls, and nothing to write where it only reads.
  const rules = one("ClusterRole").rules as { apiGroups: string[]; resources: string[]; verbs: string[] }[];
  const may = (group: string, resource: string, verb: string) =>
    rules.some((r) => r.apiGroups.includes(group) && r.resources.includes(resource) && r.verbs.includes(verb));
  expect(may("", "pods", "delete") && may("", "pods/eviction", "create") && may("", "nodes", "patch")).toBe(true);
  expect(may("apps", "deployments/scale", "patch") && may("networking.istio.io", "virtualservices", "patch")).toBe(
    true,
  );
  expect(may("", "secrets", "get") || may("", "nodes", "delete") || rules.some((r) => r.verbs.includes("*"))).toBe(
    false,
  );
});

test("the Dockerfile: multi-stage, non-root, database on a volume, health check, an init process, no bare npm start", () => {
  const all = readDockerfile("deploy/Dockerfile");
  expect(all.filter((i) => i.op === "FROM").length).toBeGreaterThanOrEqual(2);
  const final = finalStage(all);
  const user = final.filter((i) => i.op === "USER").at(-1)?.args;
  expect(user).toBeDefined();
  expect(["root", "0"]).not.toContain(user);
  const env = envOf(final);
  expect(env.DATABASE_PATH.startsWith("/data/")).toBe(true);
  expect(final.find((i) => i.op === "VOLUME")?.args).toBe('["/data"]');
  expect(execForm(final.find((i) => i.op === "HEALTHCHECK")).join(" ")).toContain("/api/v1/health");
  expect(execForm(final.find((i) => i.op === "ENTRYPOINT"))).toEqual(["/usr/bin/tini", "--"]);
  const cmd = execForm(final.find((i) => i.op === "CMD"));
  expect(cmd).toEqual(["node", "jobs/launch.mjs", "start"]);
  expect(cmd).not.toContain("npm");

  const compose = YAML.parse(fs.readFileSync("deploy/docker-compose.yml", "utf8"));
  const grace = Number(/^(\d+)s$/.exec(compose.services.eris.stop_grace_period)?.[1]);
  expect(grace * 1000).toBeGreaterThan(defaults.runnerGraceMs + defaults.runnerRollbackTimeoutMs + 10_000 - 1);
  expect(compose.services.eris.volumes).toEqual(["eris-data:/data"]);
  const ignore = fs.readFileSync("deploy/Dockerfile.dockerignore", "utf8");
  for (const p of ["node_modules", ".next", "data", "*.db"]) expect(ignore.split("\n")).toContain(p);
});
