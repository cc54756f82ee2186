/** `eris get`, `eris export`, `eris stop`, `eris signal`: reading and steering Eris from a terminal. */
import YAML from "yaml";
import { UsageError } from "./args";
import type { Client } from "./client";
import { findExperiment, isUuid } from "./resolve";

type Print = (line: string) => void;
type Row = Record<string, unknown>;
export type Output = "table" | "json" | "yaml";

export function render(value: unknown, output: Output): string {
  return output === "json" ? JSON.stringify(value, null, 2) : YAML.stringify(value).trimEnd();
}

/** Columns padded to their widest cell. */
export function table(rows: Row[], columns: [string, (r: Row) => unknown][]): string {
  const cells = rows.map((r) => columns.map(([, get]) => String(get(r) ?? "")));
  const widths = columns.map(([h], i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) =>
    c
      .map((x, i) => x.padEnd(widths[i]))
      .join("  ")
      .trimEnd();
  return [line(columns.map(([h]) => h)), ...cells.map(line)].join("\n");
}

const KINDS: Record<string, string> = {
  experiment: "experiments",
  experiments: "experiments",
  trial: "trials",
  trials: "trials",
  schedule: "schedules",
  schedules: "schedules",
};

export async function get(
  client: Client,
  kind: string | undefined,
  ref: string | undefined,
  output: Output,
  print: Print,
) {
  const what = KINDS[kind ?? ""];
  if (!what) throw new UsageError("eris get experiments|trials|schedules [name or id]");
  if (what === "experiments") {
    if (ref) return print(render(await findExperiment(client, ref), output === "table" ? "yaml" : output));
    const rows = await client.call<Row[]>("GET", "/api/v1/experiment/");
    if (output !== "table") return print(render(rows, output));
    return print(
      table(rows, [
        ["ID", (r) => r.id],
        ["NAME", (r) => r.name],
        ["REVISION", (r) => r.revision],
        ["UPDATED", (r) => r.updated_at],
      ]),
    );
  }
  if (what === "trials") {
    if (ref)
      return print(render(await client.call("GET", `/api/v1/trial/${ref}/`), output === "table" ? "yaml" : output));
    const rows = await client.call<Row[]>("GET", "/api/v1/trial/?limit=50");
    if (output !== "table") return print(render(rows, output));
    return print(
      table(rows, [
        ["ID", (r) => r.id],
        ["EXPERIMENT", (r) => r.experiment],
        ["STATUS", (r) => r.status],
        ["CREATED", (r) => r.created_at],
      ]),
    );
  }
  const rows = await client.call<Row[]>("GET", "/api/v1/schedule/");
  const mine = ref ? rows.filter((r) => r.experiment === ref || r.id === ref) : rows;
  if (output !== "table") return print(render(mine, output));
  print(
    table(mine, [
      ["ID", (r) => r.id],
      ["EXPERIMENT", (r) => r.experiment],
      ["PATTERN", (r) => r.recurrence_pattern],
      ["TIMEZONE", (r) => r.timezone],
      ["PAUSED", (r) => r.paused],
      ["NEXT RUN", (r) => r.next_run_at],
    ]),
  );
}

const DEFINITION = ["name", "description", "metadata", "parameters", "pre_steps", "steps", "post_steps", "guards"];
const SCHEDULE = [
  "recurrence_pattern",
  "timezone",
  "recurrence_count",
  "parameters",
  "metadata",
  "ticket",
  "concurrency_policy",
  "starting_deadline_seconds",
  "history_limit",
  "paused",
  "guards",
];
const pick = (r: Row, keys: string[]) =>
  Object.fromEntries(keys.filter((k) => r[k] !== undefined).map((k) => [k, r[k]]));

/** The experiment and its schedules as `eris apply` reads them (secrets stay masked). */
export async function exportExperiment(client: Client, ref: string, output: Output, print: Print, warn: Print) {
  const e = await findExperiment(client, ref);
  const schedules = await client.call<Row[]>("GET", `/api/v1/experiment/${e.id}/schedule/`);
  const doc = { ...pick(e, DEFINITION), schedules: schedules.map((s) => pick(s, SCHEDULE)) };
  const text = render(doc, output === "json" ? "json" : "yaml");
  if (text.includes("*****"))
    warn("note: secrets read back as *****; applied to this Eris they keep their stored values");
  print(text);
}

export async function stop(client: Client, trialId: string | undefined, print: Print) {
  if (!trialId || !isUuid(trialId)) throw new UsageError("eris stop <trial id>");
  const t = await client.call<Row>("PUT", `/api/v1/trial/${trialId}/stop/`);
  print(`trial ${trialId}: ${t.status ?? "stop requested"}`);
}

export async function signal(client: Client, state: string | undefined, reason: string | undefined, print: Print) {
  if (state === undefined) {
    const s = await client.call<Row>("GET", "/api/v1/signal/");
    return print(`${s.state}${s.reason ? ` (${s.reason})` : ""}, set by ${s.set_by} at ${s.set_at ?? "-"}`);
  }
  const upper = state.toUpperCase();
  if (!["RUN", "PAUSE", "STOP"].includes(upper)) throw new UsageError("eris signal RUN|PAUSE|STOP --reason <why>");
  const s = await client.call<Row>("POST", "/api/v1/signal/", { state: upper, reason: reason ?? "" });
  print(`signal ${s.state}${s.reason ? ` (${s.reason})` : ""}`);
}
