import { button } from "@/components/ui/styles";
import { Time } from "@/components/ui/time";
import type { Restored } from "./use-draft-store";

/** Shown after a reload or a return: the unsaved changes are back, from when, and whether the experiment moved on since. */
export function RestoredNotice({ restored }: { restored: Restored | null }) {
  if (!restored) return null;
  return (
    <p
      role="status"
      data-testid="draft-restored"
      className="rounded-md border border-sky-300 bg-sky-50 px-3 py-2 text-sm text-sky-950 dark:border-sky-800 dark:bg-sky-950 dark:text-sky-100"
    >
      Your unsaved changes from <Time iso={new Date(restored.savedAt).toISOString()} /> are back.
      {restored.outdated && " The experiment has been changed since they were made: saving replaces those changes."}
      {restored.dropped.length > 0 &&
        ` Secret values are not kept in the browser: type ${restored.dropped.length === 1 ? "this one" : "these"} again: ${restored.dropped.join(", ")}.`}
    </p>
  );
}

/** Next to the save button: the draft is kept in this browser, and can be thrown away. */
export function DraftStatus({ dirty, onDiscard }: { dirty: boolean; onDiscard: () => void }) {
  if (!dirty) return null;
  return (
    <span className="inline-flex flex-wrap items-center gap-2 text-xs text-slate-600 dark:text-slate-400">
      Unsaved changes, kept in this browser.
      <button type="button" className={button.secondary} onClick={onDiscard}>
        Discard draft
      </button>
    </span>
  );
}
