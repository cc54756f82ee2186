import { useState } from "react";
import { parseText, stringify, type TextFormat } from "@/components/experiments/definition-text";
import { toDefinition } from "@/components/experiments/types";
import { type Draft, fromDefinition, toExperiment } from "./draft";

export type Mode = "form" | TextFormat;

/**
 * The JSON/YAML tab. Its text is the source of truth while it is open; leaving it parses the text
 * back into the draft, and a parse error keeps the person on the tab with their edits intact.
 */
export function useWizardText(draft: Draft, setDraft: (d: Draft) => void) {
  const [mode, setMode] = useState<Mode>("form");
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  // Bumped when the text replaces the draft, so form inputs holding their own raw text start over.
  const [revision, setRevision] = useState(0);

  /** The up-to-date draft, or null when the text does not parse (the error is shown). */
  function commit(): Draft | null {
    if (mode === "form") return draft;
    const parsed = parseText(text, mode);
    if ("error" in parsed) {
      setError(parsed.error);
      return null;
    }
    if (typeof parsed.value !== "object" || parsed.value === null || Array.isArray(parsed.value)) {
      setError("The experiment must be an object with name, steps, …");
      return null;
    }
    const next = fromDefinition(toDefinition(parsed.value));
    setDraft(next);
    setRevision((r) => r + 1);
    setError(null);
    return next;
  }

  function switchTo(next: Mode): boolean {
    if (next === mode) return true;
    const current = commit();
    if (!current) return false;
    if (next !== "form") setText(stringify(toExperiment(current), next));
    setMode(next);
    return true;
  }

  return { mode, text, setText, error, revision, commit, switchTo };
}
