/**
 * The administrator's lists of what credential handlers may read: environment variables (names or
 * globs) and directories token files may come from, each optionally bound to the hosts the value
 * may be sent to. One entry is `NAME_OR_GLOB[@HOST]` or `DIRECTORY[@HOST]`; listing the same name
 * or directory again with another host adds that host.
 */
import path from "node:path";
import { type HostRule, parseHostRule } from "./destinations";

export type EnvEntry = { pattern: string; hosts: HostRule[]; text: string };
export type DirEntry = { dir: string; hosts: HostRule[]; text: string };

/** The form an entry takes in eris.config.json: a string, or an object with its hosts spelled out. */
export type EnvEntryInput = string | { name: string; hosts?: string[] };
export type DirEntryInput = string | { path: string; hosts?: string[] };

const ENV_GLOB = /^[A-Za-z_*?][A-Za-z0-9_*?]*$/;

function hostsOf(list: string[], entry: string): HostRule[] | string {
  const rules: HostRule[] = [];
  for (const h of list) {
    const rule = parseHostRule(h);
    if (!rule) return `"${entry}": "${h}" is not a host (host, host:port, https://host:port or *.domain)`;
    rules.push(rule);
  }
  return rules;
}

/** Splits `x@host`; the part after the last `@` is a host only when it parses as one. */
function splitHost(text: string): { head: string; host: string | null } {
  const at = text.lastIndexOf("@");
  if (at > 0 && parseHostRule(text.slice(at + 1))) return { head: text.slice(0, at), host: text.slice(at + 1) };
  return { head: text, host: null };
}

/** One entry of ERIS_CREDENTIAL_ENV / credential_access.env; a string is an error message. */
export function parseEnvEntry(input: EnvEntryInput): EnvEntry | string {
  const text = typeof input === "string" ? input.trim() : input.name.trim();
  const { head, host } = typeof input === "string" ? splitHost(text) : { head: text, host: null };
  if (!host && text.includes("@")) {
    const h = text.slice(text.lastIndexOf("@") + 1);
    return `"${text}": "${h}" is not a host (host, host:port, https://host:port or *.domain)`;
  }
  if (!ENV_GLOB.test(head)) return `"${text}" is not a variable name or glob (letters, digits, _, * and ?)`;
  const hosts = hostsOf(typeof input === "string" ? (host ? [host] : []) : (input.hosts ?? []), text);
  if (typeof hosts === "string") return hosts;
  return { pattern: head, hosts, text };
}

/** One entry of ERIS_CREDENTIAL_DIRS / credential_access.dirs; relative paths are resolved from `base`. */
export function parseDirEntry(input: DirEntryInput, base: string): DirEntry | string {
  const text = typeof input === "string" ? input.trim() : input.path.trim();
  const { head, host } = typeof input === "string" ? splitHost(text) : { head: text, host: null };
  if (!head) return `"${text}" is not a directory`;
  const hosts = hostsOf(typeof input === "string" ? (host ? [host] : []) : (input.hosts ?? []), text);
  if (typeof hosts === "string") return hosts;
  return { dir: path.resolve(base, head), hosts, text };
}

/** `*` matches any run of characters, `?` one; case-sensitive, as environment variables are. */
export function globMatches(glob: string, name: string): boolean {
  const re = glob
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, ".*")
    .replace(/\?/g, ".");
  return new RegExp(`^${re}$`).test(name);
}

/** True when `child` is `parent` itself or lies below it (compared as given: resolve both first). */
export function isWithin(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === "" || (rel !== ".." && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}
