/** A small argv parser: positionals, `--flag`, `--key value`, `--key=value`, `-f value`, repeatable keys. */
export type Parsed = { positionals: string[]; flags: Map<string, string[]> };

/** Options that take a value (everything else starting with - is a boolean flag). */
const VALUED = new Set([
  "f",
  "file",
  "param",
  "p",
  "report",
  "reason",
  "o",
  "output",
  "url",
  "token",
  "config",
  "timeout",
]);

export function parseArgs(argv: string[]): Parsed {
  const positionals: string[] = [];
  const flags = new Map<string, string[]>();
  const add = (k: string, v: string) => flags.set(k, [...(flags.get(k) ?? []), v]);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--") {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    const m = /^--?([a-zA-Z][\w-]*)(?:=(.*))?$/.exec(a);
    if (!m) {
      positionals.push(a);
      continue;
    }
    const [, key, inline] = m;
    if (inline !== undefined) add(key, inline);
    else if (VALUED.has(key)) {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value`);
      add(key, v);
    } else add(key, "true");
  }
  return { positionals, flags };
}

export const flag = (p: Parsed, ...names: string[]): string | undefined =>
  names.map((n) => p.flags.get(n)?.at(-1)).find((v) => v !== undefined);
export const flags = (p: Parsed, ...names: string[]): string[] => names.flatMap((n) => p.flags.get(n) ?? []);
export const has = (p: Parsed, name: string) => p.flags.has(name);

/** Wrong use of the CLI: exit code 2 with the message. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}
