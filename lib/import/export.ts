/**
 * `GET /experiment/{id}/export`: Eris's own export (the definition, as JSON or YAML: what import takes
 * back unchanged) or a Chaos Mesh document (YAML; JSON when the client accepts only JSON). Secrets
 * stay masked as in every answer; a Chaos Mesh export that cannot be is a 409 listing every reason.
 */
import YAML from "yaml";
import type { Experiment, Schedule } from "@/db/schema";
import { AppError } from "@/lib/api/errors";
import { toPublicExperiment } from "@/lib/experiments/present";
import { toChaosMesh } from "./to-chaos-mesh";

export type ExportFormat = "json" | "yaml" | "chaos-mesh";
export type Exported = { text: string; type: string; filename: string };

/** The keys Eris's export holds, in the dashboard's order: the experiment without bookkeeping. */
export function definitionOf(e: Experiment) {
  const { name, description, metadata, parameters, pre_steps, steps, post_steps, guards } = toPublicExperiment(e);
  return {
    name,
    description,
    metadata,
    parameters,
    pre_steps,
    steps,
    post_steps,
    ...(guards.length ? { guards } : {}),
  };
}

const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "") || "experiment";

export function exportExperiment(e: Experiment, schedules: Schedule[], format: ExportFormat, accept: string): Exported {
  if (format !== "chaos-mesh") {
    const definition = definitionOf(e);
    return format === "json"
      ? { text: `${JSON.stringify(definition, null, 2)}\n`, type: "application/json", filename: `${slug(e.name)}.json` }
      : { text: YAML.stringify(definition), type: "application/yaml", filename: `${slug(e.name)}.yaml` };
  }
  const out = toChaosMesh(e, schedules);
  if ("reasons" in out) {
    const detail = `This experiment cannot be written as a Chaos Mesh Schedule: ${out.reasons.join("; ")}.`;
    throw new AppError("conflict", detail, { body: { detail, reasons: out.reasons } });
  }
  const asJson = /application\/json/.test(accept) && !/yaml/.test(accept);
  const kind = String(out.document.kind).toLowerCase();
  return asJson
    ? {
        text: `${JSON.stringify(out.document, null, 2)}\n`,
        type: "application/json",
        filename: `${slug(e.name)}.${kind}.json`,
      }
    : { text: YAML.stringify(out.document), type: "application/yaml", filename: `${slug(e.name)}.${kind}.yaml` };
}
