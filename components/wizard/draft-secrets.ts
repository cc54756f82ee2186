/**
 * A draft at rest in the browser keeps no secrets: a value under a key that names one (headers'
 * Authorization, a `password`, an `api_token` parameter, ...) is left out of the stored copy, unless
 * it only refers to a parameter (`Bearer {{ token }}`). The restored draft says which to type again.
 */
import { isSecretKey } from "@/lib/credentials/mask";
import type { Draft, DraftStep, EditList } from "./draft";

const TEMPLATE = /\{\{.*\}\}/;
// Text that does not parse cannot be walked: if it mentions a secret-looking key, it is not kept.
const MENTIONS_SECRET = /auth|token|passw|secret|cookie|api[-_]?key|private[-_]?key|session/i;

function strip(value: unknown, path: string, dropped: string[]): unknown {
  if (Array.isArray(value)) return value.map((v, i) => strip(v, `${path}.${i}`, dropped));
  if (!value || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const secret = isSecretKey(key) && (typeof v === "string" || typeof v === "number") && !TEMPLATE.test(String(v));
    if (secret) dropped.push(`${path}.${key}`);
    else out[key] = strip(v, `${path}.${key}`, dropped);
  }
  return out;
}

function stripStep(step: DraftStep, path: string, dropped: string[]): DraftStep {
  const raw: Record<string, string> = {};
  for (const [key, text] of Object.entries(step.raw ?? {})) {
    if (MENTIONS_SECRET.test(text) || isSecretKey(key)) dropped.push(`${path}.where.${key}`);
    else raw[key] = text;
  }
  return { ...step, where: strip(step.where, `${path}.where`, dropped) as DraftStep["where"], raw };
}

/** The draft as it may be stored, and the fields whose values were left out. */
export function withoutSecrets(d: Draft): { draft: Draft; dropped: string[] } {
  const dropped: string[] = [];
  const rows = (list: "metadata" | "parameters") =>
    d[list].map((r) => {
      if (!isSecretKey(r.key.trim()) || !r.value || TEMPLATE.test(r.value)) return r;
      dropped.push(`${list}.${r.key.trim()}`);
      return { ...r, value: "" };
    });
  const steps = (list: EditList) => (d[list] ?? []).map((s, i) => stripStep(s, `${list}.${i}`, dropped));
  return {
    draft: {
      ...d,
      metadata: rows("metadata"),
      parameters: rows("parameters"),
      pre_steps: steps("pre_steps"),
      steps: steps("steps"),
      post_steps: steps("post_steps"),
      // A guard's probe carries credentials and headers as steps do.
      guards: steps("guards"),
    },
    dropped,
  };
}
