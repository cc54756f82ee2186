import type { EditList } from "./draft";

export const PAGES = [
  { id: "basics", title: "Basics" },
  { id: "pre_steps", title: "Pre-steps" },
  { id: "steps", title: "Steps" },
  { id: "post_steps", title: "Post-steps" },
  { id: "guards", title: "Guards" },
  { id: "parameters", title: "Parameters" },
  { id: "review", title: "Review" },
] as const;
export type PageId = (typeof PAGES)[number]["id"];

/** Pages that edit a list of steps (guards are probe steps with an interval and a tolerance). */
export const isStepPage = (page: PageId): page is EditList =>
  page === "pre_steps" || page === "steps" || page === "post_steps" || page === "guards";

/** Which page holds the field an API error names (`steps.0.where.qty` → Steps); unknown fields → Review. */
export function pageOfError(path: string): PageId {
  const head = path.split(".")[0];
  if (head === "name" || head === "description" || head === "metadata") return "basics";
  if (head === "parameters" || head === "pre_steps" || head === "steps" || head === "post_steps" || head === "guards")
    return head;
  return "review";
}

/** The first message at `path` or below it (an object argument's nested errors land on its one input). */
export function errorAt(errors: Record<string, string>, path: string): string | undefined {
  if (errors[path]) return errors[path];
  const nested = Object.keys(errors).find((k) => k.startsWith(`${path}.`));
  return nested ? `${nested.slice(path.length + 1)}: ${errors[nested]}` : undefined;
}
