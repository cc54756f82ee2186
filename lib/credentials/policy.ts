/**
 * What credentials may read and where they may go, as the administrator configured it
 * (ERIS_CREDENTIAL_ENV / ERIS_CREDENTIAL_DIRS and `credential_access` in eris.config.json; never
 * the API). By default nothing is allowed but the service-account directory, whose token goes only
 * to the cluster's own API server. Eris's own secrets are refused whatever the lists say.
 */
import path from "node:path";
import { loadConfig } from "@/lib/config";
import { readPluginConfig } from "@/lib/plugins/config-file";
import { type DirEntry, type EnvEntry, globMatches, isWithin, parseDirEntry, parseEnvEntry } from "./allow-list";
import { type Binding, type HostRule, parseHostRule } from "./destinations";
import { PROTECTED_ENV, protectedPaths } from "./protected";
import { readConfined } from "./read-confined";
import { ownApiServers, serviceAccountTokenPath } from "./service-account";

export type PolicyParts = {
  env: EnvEntry[];
  dirs: DirEntry[];
  /** Globs and names no credential may read (Eris's settings, notification secrets). */
  protectedEnv: string[];
  /** Files and directories no credential may read. */
  protectedPaths: string[];
  serviceAccountDir: string;
  serviceAccountTokenPath: string;
  /** The cluster's own API server(s): the service-account token's default destinations. */
  ownApiServers: string[];
};

/** A refusal or a miss, in words safe to show anyone: no value, no file content. */
export class CredentialUnavailable extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CredentialUnavailable";
  }
}

const ENV_SETTING = "ERIS_CREDENTIAL_ENV";
const DIRS_SETTING = "ERIS_CREDENTIAL_DIRS";

export class CredentialPolicy {
  constructor(readonly parts: PolicyParts) {}

  private envEntries(name: string): EnvEntry[] {
    if (this.parts.protectedEnv.some((g) => globMatches(g, name))) return [];
    return this.parts.env.filter((e) => globMatches(e.pattern, name));
  }

  /** Whether the lists allow reading variable `name` (it may still be unset). */
  envAllowed(name: string): boolean {
    return this.envEntries(name).length > 0;
  }

  /** Whether `file` lies in an allowed directory and outside Eris's files, judged on the path as written. */
  pathAllowed(file: string): boolean {
    const abs = path.resolve(file);
    return (
      this.parts.dirs.some((e) => isWithin(abs, e.dir)) && !this.parts.protectedPaths.some((r) => isWithin(abs, r))
    );
  }

  /** The value of an allowed variable, with where it may be sent; unset and refused read alike. */
  readEnv(name: string, env: NodeJS.ProcessEnv = process.env): { value: string; binding: Binding | null } {
    const entries = this.envEntries(name);
    const value = entries.length ? env[name] : undefined;
    if (value === undefined) throw new CredentialUnavailable(envMessage(name));
    return {
      value,
      binding: bindingOf(name, entries, `Add "${name}@<host>" to ${ENV_SETTING} to allow another host.`),
    };
  }

  /** The content of an allowed file, with where it may be sent; missing and refused read alike. */
  async readFile(file: string, what: string): Promise<{ content: string; real: string; binding: Binding | null }> {
    const read = await readConfined(file, { allowed: this.parts.dirs, refused: this.parts.protectedPaths });
    if (!read) throw new CredentialUnavailable(fileMessage(what, file));
    return { content: read.content, real: read.real, binding: this.fileBinding(file, read.real, read.entries) };
  }

  get serviceAccountTokenPath(): string {
    return this.parts.serviceAccountTokenPath;
  }

  private fileBinding(file: string, real: string, entries: DirEntry[]): Binding | null {
    const sa = this.parts.serviceAccountDir;
    if (isWithin(path.resolve(file), sa) || isWithin(real, sa)) {
      // The pod's own identity: its own API server always, plus what the administrator adds.
      const own = this.parts.ownApiServers.map(parseHostRule).filter((r): r is HostRule => r !== null);
      return {
        what: "The service-account token",
        hosts: [...own, ...entries.flatMap((e) => e.hosts)],
        setting: `It goes to the cluster's own API server (KUBERNETES_SERVICE_HOST, or ERIS_K8S_API_HOST); add "${sa}@<host>" to ${DIRS_SETTING} to allow another host.`,
      };
    }
    const dir = entries[0].dir;
    return bindingOf(
      `A credential file from ${dir}`,
      entries,
      `Add "${dir}@<host>" to ${DIRS_SETTING} to allow another host.`,
    );
  }
}

/** Entries without hosts allow any destination; otherwise the hosts of all matching entries. */
function bindingOf(what: string, entries: { hosts: HostRule[] }[], setting: string): Binding | null {
  if (entries.some((e) => e.hosts.length === 0)) return null;
  return { what, hosts: entries.flatMap((e) => e.hosts), setting };
}

export const envMessage = (name: string) =>
  `the environment variable ${name} is not set on the runner or not allowed for credentials; an administrator allows it by adding ${name} to ${ENV_SETTING} (or to credential_access.env in eris.config.json). Eris's own settings (${PROTECTED_ENV.join(", ")} and notification secrets) are never allowed`;

export const fileMessage = (what: string, file: string) => {
  const dir = path.dirname(path.resolve(file));
  return `${what} ${file} does not exist or is not in a directory allowed for credential files; an administrator allows it by adding ${dir} to ${DIRS_SETTING} (or to credential_access.dirs in eris.config.json). Eris's own files are never allowed`;
};

/** Builds the policy from the environment and eris.config.json (both lists merged). */
export function policyFromEnvironment(env: NodeJS.ProcessEnv = process.env): CredentialPolicy {
  const cfg = loadConfig(env);
  const plugin = readPluginConfig(env);
  const access = plugin.config.credential_access;
  // The file's entries were checked when it was read: an error here cannot happen, only be skipped.
  const valid = <T>(parsed: (T | string)[]): T[] => parsed.filter((x): x is T => typeof x !== "string");
  const fileEnv = valid((access.env ?? []).map((e) => parseEnvEntry(e)));
  const fileDirs = access.dirs ? valid(access.dirs.map((d) => parseDirEntry(d, plugin.dir))) : null;
  const tokenPath = serviceAccountTokenPath(env);
  const serviceAccountDir = path.dirname(tokenPath);
  // The default directory applies only when neither the environment nor the file lists any.
  const listed = cfg.credentialDirs || fileDirs ? [...(cfg.credentialDirs ?? []), ...(fileDirs ?? [])] : null;
  const notificationSecrets = plugin.config.observers.flatMap((o) =>
    "secret_env" in o && o.secret_env ? [o.secret_env] : [],
  );
  return new CredentialPolicy({
    env: [...cfg.credentialEnv, ...fileEnv],
    dirs: listed ?? [{ dir: serviceAccountDir, hosts: [], text: serviceAccountDir }],
    protectedEnv: [...PROTECTED_ENV, ...notificationSecrets],
    protectedPaths: protectedPaths({ databasePath: cfg.databasePath, configFile: plugin.file }),
    serviceAccountDir,
    serviceAccountTokenPath: tokenPath,
    ownApiServers: ownApiServers(env),
  });
}

let current: CredentialPolicy | undefined;

/** The process's policy, built on first use (never at build time). */
export function credentialPolicy(): CredentialPolicy {
  current ??= policyFromEnvironment();
  return current;
}

/** Replaces the process's policy (tests), or drops it so the next use rebuilds it from the environment. */
export function setCredentialPolicy(policy?: CredentialPolicy): void {
  current = policy;
}
