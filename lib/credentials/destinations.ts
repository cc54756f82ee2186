/**
 * Destination binding: an allowed credential can be restricted to the hosts it may be sent to.
 * A host rule is `host`, `host:port`, `scheme://host[:port]` or `*.domain[:port]`; a rule without a
 * port matches any port, one with a scheme matches that scheme only (and its default port when
 * none is given).
 */

export type HostRule = { text: string; scheme?: "http" | "https"; host: string; wildcard: boolean; port?: number };

/** Where a credential may go: every binding it carries must admit the destination. */
export type Binding = {
  /** What the binding protects, for messages: `K8S_PASSWORD`, `the service-account token`. */
  what: string;
  hosts: HostRule[];
  /** The setting an administrator changes to allow another host. */
  setting: string;
};

const DEFAULT_PORT = { http: 80, https: 443 } as const;

/** Parses one host rule; null when it is not one. */
export function parseHostRule(text: string): HostRule | null {
  const trimmed = text.trim();
  const m = /^(?:(https?):\/\/)?(\*\.)?(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?\/?$/i.exec(trimmed);
  if (!m) return null;
  const [, scheme, star, host, port] = m;
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) return null;
  const s = scheme?.toLowerCase() as "http" | "https" | undefined;
  return {
    text: trimmed,
    scheme: s,
    host: host.toLowerCase().replace(/^\[|\]$/g, ""),
    wildcard: Boolean(star),
    port: port !== undefined ? Number(port) : s ? DEFAULT_PORT[s] : undefined,
  };
}

type Destination = { scheme: string; host: string; port: number };

function destinationOf(url: string): Destination | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  const scheme = u.protocol.replace(/:$/, "");
  const port = u.port ? Number(u.port) : (DEFAULT_PORT as Record<string, number>)[scheme];
  return { scheme, host: u.hostname.toLowerCase().replace(/^\[|\]$/g, ""), port };
}

export function ruleMatches(rule: HostRule, url: string): boolean {
  const d = destinationOf(url);
  if (!d) return false;
  if (rule.scheme && rule.scheme !== d.scheme) return false;
  if (rule.port !== undefined && rule.port !== d.port) return false;
  return rule.wildcard ? d.host.endsWith(`.${rule.host}`) : d.host === rule.host;
}

/** The URL's origin as a message shows it (`https://10.0.0.1:6443`), without path or query. */
export function describeDestination(url: string): string {
  const d = destinationOf(url);
  return d ? `${d.scheme}://${d.host.includes(":") ? `[${d.host}]` : d.host}:${d.port}` : url;
}

/** The first binding that refuses `url`, or null when all admit it (no bindings: anywhere). */
export function refusingBinding(bindings: readonly Binding[] | undefined, url: string): Binding | null {
  for (const b of bindings ?? []) if (!b.hosts.some((r) => ruleMatches(r, url))) return b;
  return null;
}

export function refusalMessage(b: Binding, url: string): string {
  const to = b.hosts.length ? `only towards ${b.hosts.map((h) => h.text).join(", ")}` : "towards no host";
  return `${b.what} may not be sent to ${describeDestination(url)}: it is allowed ${to}. ${b.setting}`;
}

/** Null when `credential` may be sent to `url`; otherwise the message saying why not and what to change. */
export function refusalFor(credential: { bindings?: Binding[] }, url: string): string | null {
  const b = refusingBinding(credential.bindings, url);
  return b ? refusalMessage(b, url) : null;
}
