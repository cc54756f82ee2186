import { button } from "@/components/ui/styles";

type Props = { label: string; first: boolean; last: boolean; onMove: (delta: -1 | 1) => void; onRemove: () => void };

/** Reorder and remove: buttons rather than drag and drop, so the keyboard can do it too. */
export function StepToolbar({ label, first, last, onMove, onRemove }: Props) {
  return (
    <div className="flex flex-wrap justify-end gap-2">
      <button
        type="button"
        className={button.secondary}
        disabled={first}
        onClick={() => onMove(-1)}
        aria-label={`Move ${label} up`}
      >
        ↑ Up
      </button>
      <button
        type="button"
        className={button.secondary}
        disabled={last}
        onClick={() => onMove(1)}
        aria-label={`Move ${label} down`}
      >
        ↓ Down
      </button>
      <button type="button" className={button.danger} onClick={onRemove} aria-label={`Remove ${label}`}>
        Remove
      </button>
    </div>
  );
}
