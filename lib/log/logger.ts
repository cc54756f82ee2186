/**
 * Eris's log lines, for web, runner and supervisor alike. ERIS_LOG_FORMAT=text (the default) writes
 * `<time> [<process>] <event> key=value ...`; json writes one object per line:
 * `{"time", "level", "process", "msg", "request_id"?, "trial_id"?, ...fields}`. The request or
 * trial id comes from the log context (./context.ts) or a field naming the trial (`trial`,
 * `running_trial`, `trial_left_in_progress`).
 */
import { logContext } from "./context";

export type Level = "debug" | "info" | "warn" | "error";
const RANK: Record<Level, number> = { debug: 0, info: 1, warn: 2, error: 3 };

export type LogSettings = { format: "text" | "json"; level: Level };

/** Read from the environment directly: logging must work before (and if) the configuration fails. */
export function logSettings(env: Record<string, string | undefined> = process.env): LogSettings {
  const format = env.ERIS_LOG_FORMAT === "json" ? "json" : "text";
  const level = (Object.hasOwn(RANK, env.ERIS_LOG_LEVEL ?? "") ? env.ERIS_LOG_LEVEL : "info") as Level;
  return { format, level };
}

const describeError = (err: Error) => ({ message: err.message, ...(err.stack ? { stack: err.stack } : {}) });

function plain(value: unknown): unknown {
  if (value instanceof Error) return describeError(value);
  return value;
}

/** One line as the format says; the request and trial ids of the context are added. */
export function formatLine(
  settings: LogSettings,
  processName: string,
  level: Level,
  event: string,
  fields: Record<string, unknown> = {},
  now = new Date(),
): string {
  const ctx = logContext();
  const { trial, ...rest } = fields;
  const named = [trial, fields.running_trial, fields.trial_left_in_progress].find((v) => typeof v === "string");
  const trialId = ctx.trial_id ?? (named as string | undefined);
  if (settings.format === "json") {
    const out: Record<string, unknown> = { time: now.toISOString(), level, process: processName, msg: event };
    if (ctx.request_id) out.request_id = ctx.request_id;
    if (trialId) out.trial_id = trialId;
    for (const [k, v] of Object.entries(typeof trial === "string" || trial === undefined ? rest : fields)) {
      if (v !== undefined && !(k in out)) out[k] = plain(v);
    }
    return JSON.stringify(out);
  }
  const all: Record<string, unknown> = { ...fields };
  if (ctx.trial_id && all.trial === undefined) all.trial = ctx.trial_id;
  if (ctx.request_id && all.request_id === undefined) all.request_id = ctx.request_id;
  const extra = Object.entries(all)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => {
      if (v instanceof Error) return `${k}=${v.stack ?? v.message}`;
      return `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`;
    })
    .join(" ");
  return `${now.toISOString()} [${processName}] ${event}${extra ? ` ${extra}` : ""}`;
}

export type Logger = Record<Level, (event: string, fields?: Record<string, unknown>) => void>;

/**
 * With JSON logs a child's output goes through the supervisor; if the supervisor is killed, the
 * pipe closes and a write fails with EPIPE. A log line must not then kill a runner in the middle of
 * the rollback it starts when its supervisor is gone: such errors are dropped.
 */
function keepGoingWhenReaderIsGone(): void {
  const holder = globalThis as unknown as { __erisEpipeGuard?: boolean };
  if (holder.__erisEpipeGuard) return;
  holder.__erisEpipeGuard = true;
  for (const stream of [process.stdout, process.stderr]) stream.on("error", () => {});
}

/**
 * A logger for one process. `stream`: where its lines go (the supervisor writes to stderr);
 * `tag`: the name text lines show, when not the process name (the supervisor's are `[eris]`).
 */
export function createLogger(processName: string, o: { stream?: "stdout" | "stderr"; tag?: string } = {}): Logger {
  const stream = o.stream ?? "stdout";
  keepGoingWhenReaderIsGone();
  const write = (level: Level, event: string, fields?: Record<string, unknown>) => {
    const settings = logSettings();
    if (RANK[level] < RANK[settings.level]) return;
    const name = settings.format === "text" ? (o.tag ?? processName) : processName;
    const line = formatLine(settings, name, level, event, fields);
    (stream === "stderr" ? process.stderr : process.stdout).write(`${line}\n`);
  };
  return {
    debug: (e, f) => write("debug", e, f),
    info: (e, f) => write("info", e, f),
    warn: (e, f) => write("warn", e, f),
    error: (e, f) => write("error", e, f),
  };
}
