/**
 * Trial-creation hooks: called with a trial just before the runner starts it; a hook may return
 * changes to `parameters`, `metadata` or `ticket`, which are saved before the trial runs.
 */
export type TrialHookInput = {
  id: string;
  experiment: { id: string; name: string };
  schedule: string | null;
  parameters: Record<string, unknown>;
  metadata: Record<string, unknown>;
  ticket: Record<string, unknown>;
  initiated_by: string;
};

export type TrialHookChanges = Partial<Pick<TrialHookInput, "parameters" | "metadata" | "ticket">>;

export type TrialHook = (trial: TrialHookInput) => unknown;

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v);

/** Runs the hooks in order, each seeing the previous one's changes; returns the final fields. */
export async function applyHooks(
  hooks: { name: string; run: TrialHook }[],
  input: TrialHookInput,
): Promise<TrialHookInput> {
  let current = input;
  for (const hook of hooks) {
    const changes = (await hook.run(structuredClone(current))) as TrialHookChanges | null | undefined;
    if (!changes || typeof changes !== "object") continue;
    for (const key of ["parameters", "metadata", "ticket"] as const) {
      const v = changes[key];
      if (v === undefined) continue;
      if (!isObject(v)) throw new Error(`hook ${hook.name} returned a non-object ${key}`);
      current = { ...current, [key]: v };
    }
  }
  return current;
}
