import type { Plan } from "@/lib/trials/plan";

const LIST_NAMES = { pre_steps: "Pre-step", steps: "Step", post_steps: "Post-step", guards: "Guard" } as const;
type ListName = keyof typeof LIST_NAMES;

/**
 * A problem as the API words it (`steps.0: Credential …`), split into the step it is about
 * (`Step 1 “Terminate pod” (k8s.terminate_pods)`) and what is wrong. Problems about the whole
 * trial (missing parameters, the signal, a blackout window) have no step.
 */
export function splitProblem(plan: Plan, problem: string): { where: string | null; path: string | null; what: string } {
  const m = /^(pre_steps|steps|post_steps|guards)\.(\d+): ([\s\S]*)$/.exec(problem);
  if (!m) return { where: null, path: null, what: problem };
  const list = m[1] as ListName;
  const index = Number(m[2]);
  const step = plan.steps[list][index];
  const name = step?.step ? ` “${step.step}”` : "";
  return {
    where: `${LIST_NAMES[list]} ${index + 1}${name}${step ? ` (${step.do})` : ""}`,
    path: `${list}.${index}`,
    what: m[3],
  };
}
