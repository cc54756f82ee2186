/**
 * The CLI's REST client: the base URL and token from the flags, the environment (ERIS_URL,
 * ERIS_TOKEN) or a config file, every answer parsed, every error turned into a sentence.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type Parsed, UsageError, flag } from "./args";

export type Connection = { url: string; token: string };

/** `$XDG_CONFIG_HOME/eris/cli.json` (or `~/.config/eris/cli.json`): `{"url": "...", "token": "..."}`. */
export function defaultConfigFile(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CONFIG_HOME || path.join(os.homedir(), ".config");
  return path.join(base, "eris", "cli.json");
}

export function connection(p: Parsed, env: NodeJS.ProcessEnv = process.env): Connection {
  const file = flag(p, "config") || env.ERIS_CLI_CONFIG || defaultConfigFile(env);
  let fromFile: Partial<Connection> = {};
  if (fs.existsSync(file)) {
    try {
      fromFile = JSON.parse(fs.readFileSync(file, "utf8"));
    } catch (err) {
      throw new UsageError(`${file}: ${(err as Error).message}`);
    }
  } else if (flag(p, "config")) throw new UsageError(`${file} does not exist`);
  // An empty variable counts as unset.
  const url = flag(p, "url") || env.ERIS_URL || fromFile.url || "http://localhost:3000";
  const token = flag(p, "token") || env.ERIS_TOKEN || fromFile.token || "";
  if (!token) throw new UsageError(`no API token: set ERIS_TOKEN, pass --token, or put {"url", "token"} in ${file}`);
  return { url: url.replace(/\/+$/, ""), token };
}

/** An answer that was not 2xx: the status and the API's message. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    what: string,
  ) {
    super(status === 0 ? what : `${what}: ${explain(status, body)}`);
    this.name = "ApiFailure";
  }
}

function explain(status: number, body: unknown): string {
  if (body && typeof body === "object" && !Array.isArray(body)) {
    const b = body as Record<string, unknown>;
    if (typeof b.detail === "string") return `${status} ${b.detail}`;
    if (typeof b.message === "string") return `${status} ${b.message}`;
    return `${status} ${JSON.stringify(body)}`;
  }
  return `${status} ${typeof body === "string" ? body.slice(0, 300) : ""}`.trim();
}

export class Client {
  constructor(private readonly c: Connection) {}

  get baseUrl(): string {
    return this.c.url;
  }

  async raw(method: string, p: string, body?: unknown): Promise<Response> {
    try {
      return await fetch(`${this.c.url}${p}`, {
        method,
        headers: {
          authorization: `Bearer ${this.c.token}`,
          accept: "application/json",
          "user-agent": "eris-cli",
          ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(60_000),
      });
    } catch (err) {
      const cause = (err as Error).cause as Error | undefined;
      throw new ApiFailure(0, null, `cannot reach Eris at ${this.c.url} (${cause?.message ?? (err as Error).message})`);
    }
  }

  async call<T = unknown>(method: string, p: string, body?: unknown): Promise<T> {
    const res = await this.raw(method, p, body);
    const text = await res.text();
    let data: unknown = text;
    try {
      data = text ? JSON.parse(text) : null;
    } catch {}
    if (!res.ok) throw new ApiFailure(res.status, data, `${method} ${p}`);
    return data as T;
  }
}
