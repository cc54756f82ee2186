/**
 * Reading experiments as code: a file or every .yaml/.yml/.json file of a directory (sorted, not
 * recursive), several YAML documents per file (`---`) or a JSON array, each an Eris experiment with
 * an optional `schedules` list (the format `eris export` writes), or a Chaos Mesh Schedule or chaos
 * object as Chaos Mesh's own YAML has it.
 */
import fs from "node:fs";
import path from "node:path";
import YAML from "yaml";
import { UsageError } from "./args";

export type ScheduleDoc = Record<string, unknown> & { recurrence_pattern: string; timezone?: string };
export type ExperimentDoc = {
  source: string;
  definition: Record<string, unknown> & { name: string };
  schedules: ScheduleDoc[] | undefined;
  /** A Chaos Mesh Schedule or chaos object as written: the server converts it (lib/cli/apply.ts). */
  chaosMesh?: Record<string, unknown>;
};

const EXTENSIONS = new Set([".yaml", ".yml", ".json"]);
/** Fields an exported or fetched experiment carries that a definition does not. */
const READ_ONLY = [
  "id",
  "created_by",
  "created_at",
  "updated_at",
  "revision",
  "warnings",
  "deleted_at",
  "kind",
  "apiVersion",
];

export function readDocuments(target: string): ExperimentDoc[] {
  if (!fs.existsSync(target)) throw new UsageError(`${target}: no such file or directory`);
  const files = fs.statSync(target).isDirectory()
    ? fs
        .readdirSync(target)
        .filter((f) => EXTENSIONS.has(path.extname(f).toLowerCase()))
        .sort()
        .map((f) => path.join(target, f))
    : [target];
  if (!files.length) throw new UsageError(`${target}: no .yaml, .yml or .json file in it`);
  return files.flatMap(readFile);
}

function readFile(file: string): ExperimentDoc[] {
  const text = fs.readFileSync(file, "utf8");
  let values: unknown[];
  if (path.extname(file).toLowerCase() === ".json") {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (err) {
      throw new UsageError(`${file}: ${(err as Error).message}`);
    }
    values = Array.isArray(parsed) ? parsed : [parsed];
  } else {
    const docs = YAML.parseAllDocuments(text);
    for (const d of docs) {
      if (d.errors.length) throw new UsageError(`${file}: ${d.errors[0].message}`);
    }
    values = docs.map((d) => d.toJS()).filter((v) => v !== null && v !== undefined);
  }
  return values.map((v, i) => toDocument(v, values.length > 1 ? `${file} (document ${i + 1})` : file));
}

function toDocument(value: unknown, source: string): ExperimentDoc {
  if (!value || typeof value !== "object" || Array.isArray(value))
    throw new UsageError(`${source}: not an experiment (expected a mapping)`);
  const doc = { ...(value as Record<string, unknown>) };
  const apiVersion = String(doc.apiVersion ?? "");
  if (apiVersion.startsWith("chaos-mesh.org")) {
    const meta = doc.metadata as { name?: unknown } | undefined;
    const name =
      typeof meta?.name === "string" && meta.name.trim() ? meta.name : String(doc.kind ?? "Chaos Mesh document");
    return { source, definition: { name }, schedules: undefined, chaosMesh: doc };
  }
  if (typeof doc.name !== "string" || !doc.name.trim()) throw new UsageError(`${source}: "name" is required`);
  const schedules = doc.schedules;
  delete doc.schedules;
  for (const k of READ_ONLY) delete doc[k];
  if (schedules !== undefined && !Array.isArray(schedules))
    throw new UsageError(`${source}: "schedules" must be a list`);
  for (const [i, s] of (schedules ?? []).entries()) {
    if (!s || typeof s !== "object" || typeof (s as ScheduleDoc).recurrence_pattern !== "string") {
      throw new UsageError(`${source}: schedules[${i}] needs a "recurrence_pattern"`);
    }
  }
  return { source, definition: doc as ExperimentDoc["definition"], schedules: schedules as ScheduleDoc[] | undefined };
}
