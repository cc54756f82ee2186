"use client";

import { useEffect, useRef, useState } from "react";
import { button } from "./styles";

type Props = {
  /** "Delete evenings": names what goes, for screen readers and tests. */
  label: string;
  question: string;
  pending: boolean;
  error: Error | null;
  onConfirm: () => void;
};

/** Two clicks, the second on "Confirm delete"; the focus moves to the confirmation and back on Cancel. */
export function ConfirmDelete({ label, question, pending, error, onConfirm }: Props) {
  const [confirming, setConfirming] = useState(false);
  const confirm = useRef<HTMLButtonElement>(null);
  const start = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);
  useEffect(() => {
    if (confirming) confirm.current?.focus();
    else if (asked.current) start.current?.focus();
  }, [confirming]);

  if (!confirming)
    return (
      <button
        ref={start}
        type="button"
        className={button.danger}
        aria-label={label}
        onClick={() => {
          asked.current = true;
          setConfirming(true);
        }}
      >
        Delete
      </button>
    );
  return (
    <fieldset className="m-0 inline-flex flex-wrap items-center gap-2 border-0 p-0 text-sm">
      <legend className="sr-only">Confirm deletion</legend>
      <span>{question}</span>
      <button ref={confirm} type="button" className={button.danger} disabled={pending} onClick={onConfirm}>
        Confirm delete
      </button>
      <button type="button" className={button.secondary} onClick={() => setConfirming(false)}>
        Cancel
      </button>
      {error && (
        <span role="alert" className="text-red-600 dark:text-red-400">
          {error.message}
        </span>
      )}
    </fieldset>
  );
}
