/**
 * What changed between two revisions of an experiment, as short sentences for people: fields
 * changed, labels and parameters added, removed or changed, steps added, removed, renamed or given
 * another action, arguments or expectations. Framework-free, so the dashboard and tests share it.
 */
type Step = { step?: string; do: string; where?: Record<string, unknown>; expect?: unknown[] };
export type Definition = {
  name: string;
  description: string;
  metadata: Record<string, unknown>;
  parameters: Record<string, unknown>;
  pre_steps: Step[];
  steps: Step[];
  post_steps: Step[];
};

const LISTS = [
  ["pre_steps", "Pre-steps"],
  ["steps", "Steps"],
  ["post_steps", "Post-steps"],
] as const;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const show = (v: unknown) => (typeof v === "string" ? v : JSON.stringify(v));
const stepName = (s: Step) => s.step || s.do;

function recordChanges(title: string, before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const key of Object.keys(after)) {
    if (!(key in before)) out.push(`${title}: added ${key} = ${show(after[key])}`);
    else if (!same(before[key], after[key])) out.push(`${title}: ${key} ${show(before[key])} → ${show(after[key])}`);
  }
  for (const key of Object.keys(before)) if (!(key in after)) out.push(`${title}: removed ${key}`);
  return out;
}

function stepChanges(title: string, before: Step[], after: Step[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < Math.max(before.length, after.length); i++) {
    const [a, b] = [before[i], after[i]];
    const at = `${title}: step ${i + 1}`;
    if (!a) out.push(`${at} added (“${stepName(b)}”, ${b.do})`);
    else if (!b) out.push(`${at} removed (“${stepName(a)}”)`);
    else {
      if ((a.step ?? "") !== (b.step ?? "")) out.push(`${at} renamed “${stepName(a)}” → “${stepName(b)}”`);
      if (a.do !== b.do) out.push(`${at} action ${a.do} → ${b.do}`);
      const keys = [...new Set([...Object.keys(a.where ?? {}), ...Object.keys(b.where ?? {})])].filter(
        (k) => !same(a.where?.[k], b.where?.[k]),
      );
      if (keys.length) out.push(`${at} arguments changed: ${keys.join(", ")}`);
      if (!same(a.expect ?? [], b.expect ?? [])) out.push(`${at} expectations changed`);
    }
  }
  return out;
}

export function describeChanges(before: Definition, after: Definition): string[] {
  const out: string[] = [];
  if (before.name !== after.name) out.push(`Name: “${before.name}” → “${after.name}”`);
  if (before.description !== after.description) out.push("Description changed");
  out.push(...recordChanges("Labels", before.metadata, after.metadata));
  out.push(...recordChanges("Parameters", before.parameters, after.parameters));
  for (const [key, title] of LISTS) out.push(...stepChanges(title, before[key], after[key]));
  return out;
}
