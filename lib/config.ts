import path from "node:path";
import { z } from "zod";
import { type DirEntry, type EnvEntry, parseDirEntry, parseEnvEntry } from "@/lib/credentials/allow-list";

const list = z
  .string()
  .optional()
  .transform((v) =>
    (v ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
  );

/** A comma-separated allow-list; every entry must parse, or boot fails naming the bad one. */
const entries = <T>(parse: (text: string) => T | string) =>
  list.transform((items, ctx) => {
    const out: T[] = [];
    for (const item of items) {
      const parsed = parse(item);
      if (typeof parsed === "string") ctx.addIssue({ code: "custom", message: parsed });
      else out.push(parsed);
    }
    return out;
  });

/** An empty variable (`FOO=` in a compose or env file) counts as unset. */
const unsetWhenEmpty = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema);

const envSchema = z.object({
  DATABASE_PATH: z.string().min(1).default("./data/eris.db"),
  // Set, Eris keeps its data in this PostgreSQL database instead of the SQLite file (several replicas).
  DATABASE_URL: unsetWhenEmpty(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, "use a postgres:// or postgresql:// URL")
      .optional(),
  ),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOSTNAME: z.string().default("0.0.0.0"),
  // Ticket types a trial or schedule ticket may carry ({"type", "number"}); empty accepts any type.
  ERIS_ALLOWED_TICKET_TYPES: list,
  // The largest page a list returns when the client asks for `limit`.
  ERIS_MAX_PAGE_SIZE: z.coerce.number().int().min(1).default(1000),
  ERIS_RUNNER_LEASE_MS: z.coerce.number().int().min(1000).default(10_000),
  ERIS_RUNNER_HEARTBEAT_MS: z.coerce.number().int().min(100).default(2_000),
  ERIS_RUNNER_GRACE_MS: z.coerce.number().int().min(0).default(30_000),
  // After the grace period, how long a shutdown waits for the rollback before leaving it to the next runner.
  ERIS_RUNNER_ROLLBACK_TIMEOUT_MS: z.coerce.number().int().min(0).default(120_000),
  // Request bodies larger than this get 413.
  ERIS_MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  // Krkn-compatible signal listener in the runner: off unless a port is given.
  ERIS_SIGNAL_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  ERIS_SIGNAL_HOST: z.string().default("127.0.0.1"),
  ERIS_LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  // text: one readable line per event; json: one JSON object per line (web, runner and supervisor).
  ERIS_LOG_FORMAT: z.enum(["text", "json"]).default("text"),
  // When set, GET /metrics asks for `Authorization: Bearer <this>`; unset, /metrics is open.
  ERIS_METRICS_TOKEN: unsetWhenEmpty(z.string().min(16, "use at least 16 characters").optional()),
  // The address people open Eris at, for links in notifications.
  NEXTAUTH_URL: unsetWhenEmpty(z.url().optional()),
  // Environment variables credential handlers may read: NAME or GLOB, optionally @HOST to bind it.
  ERIS_CREDENTIAL_ENV: entries(parseEnvEntry),
  // Directories token and kubeconfig files may be read from (DIR[@HOST]); unset: the service-account directory.
  ERIS_CREDENTIAL_DIRS: z
    .string()
    .optional()
    .pipe(entries((text) => parseDirEntry(text, process.cwd())).optional()),
});

export type Config = {
  databasePath: string;
  /** A PostgreSQL connection URL, or null for the SQLite file at databasePath. */
  databaseUrl: string | null;
  port: number;
  hostname: string;
  allowedTicketTypes: string[];
  maxPageSize: number;
  runnerLeaseMs: number;
  runnerHeartbeatMs: number;
  runnerGraceMs: number;
  runnerRollbackTimeoutMs: number;
  maxBodyBytes: number;
  signalPort: number | null;
  signalHost: string;
  logLevel: "debug" | "info" | "warn" | "error";
  logFormat: "text" | "json";
  metricsToken: string | null;
  /** Where people open Eris (links in notifications); null when unknown. */
  publicUrl: string | null;
  credentialEnv: EnvEntry[];
  /** null when unset: the default (the service-account directory) applies. */
  credentialDirs: DirEntry[] | null;
};

/** Parses the environment; a bad variable fails at boot with the variable's name. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration: ${problems.join("; ")}`);
  }
  const e = parsed.data;
  return Object.freeze({
    databasePath: path.resolve(e.DATABASE_PATH),
    databaseUrl: e.DATABASE_URL ?? null,
    port: e.PORT,
    hostname: e.HOSTNAME,
    allowedTicketTypes: e.ERIS_ALLOWED_TICKET_TYPES,
    maxPageSize: e.ERIS_MAX_PAGE_SIZE,
    runnerLeaseMs: e.ERIS_RUNNER_LEASE_MS,
    runnerHeartbeatMs: e.ERIS_RUNNER_HEARTBEAT_MS,
    runnerGraceMs: e.ERIS_RUNNER_GRACE_MS,
    runnerRollbackTimeoutMs: e.ERIS_RUNNER_ROLLBACK_TIMEOUT_MS,
    maxBodyBytes: e.ERIS_MAX_BODY_BYTES,
    signalPort: e.ERIS_SIGNAL_PORT ?? null,
    signalHost: e.ERIS_SIGNAL_HOST,
    logLevel: e.ERIS_LOG_LEVEL,
    logFormat: e.ERIS_LOG_FORMAT,
    metricsToken: e.ERIS_METRICS_TOKEN ?? null,
    publicUrl: e.NEXTAUTH_URL?.replace(/\/+$/, "") ?? null,
    credentialEnv: e.ERIS_CREDENTIAL_ENV,
    credentialDirs: e.ERIS_CREDENTIAL_DIRS ?? null,
  });
}

let cached: Config | undefined;
/** The process configuration, parsed once on first use (never at build time). */
export function config(): Config {
  cached ??= loadConfig();
  return cached;
}
