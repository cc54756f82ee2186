import { button } from "@/components/ui/styles";
import { DraftStatus } from "./draft-notices";
import { PAGES } from "./pages";

type Props = {
  index: number;
  formMode: boolean;
  onPage: (index: number) => void;
  dirty: boolean;
  onDiscard: () => void;
  saving: boolean;
  saveLabel: string;
  onSave: () => void;
};

/** Back, Next, the draft's state, and Save. */
export function WizardActions({ index, formMode, onPage, dirty, onDiscard, saving, saveLabel, onSave }: Props) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-3">
      <div className="flex gap-2">
        <button
          type="button"
          className={button.secondary}
          disabled={index === 0 || !formMode}
          onClick={() => onPage(index - 1)}
        >
          Back
        </button>
        <button
          type="button"
          className={button.secondary}
          disabled={index === PAGES.length - 1 || !formMode}
          onClick={() => onPage(index + 1)}
        >
          Next
        </button>
      </div>
      <div className="flex flex-wrap items-center justify-end gap-3">
        <DraftStatus dirty={dirty} onDiscard={onDiscard} />
        <button type="button" className={button.primary} onClick={onSave} disabled={saving}>
          {saving ? "Saving…" : saveLabel}
        </button>
      </div>
    </div>
  );
}
