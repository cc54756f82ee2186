"use client";

import { useId } from "react";
import type { TextFormat } from "@/components/experiments/definition-text";
import { FormError } from "@/components/ui/field";
import { input } from "@/components/ui/styles";

type Props = { format: TextFormat; text: string; onChange: (text: string) => void; error: string | null };

/** The whole experiment as text; the wizard parses it back into the form when the person leaves this tab. */
export function TextEditor({ format, text, onChange, error }: Props) {
  const id = useId();
  return (
    <div className="space-y-2">
      <FormError message={error} testId="text-parse-error" />
      <label htmlFor={id} className="block text-sm font-medium">
        Experiment as {format.toUpperCase()}
      </label>
      <textarea
        id={id}
        value={text}
        onChange={(e) => onChange(e.target.value)}
        rows={24}
        spellCheck={false}
        aria-invalid={error ? true : undefined}
        className={`${input} font-mono text-xs`}
      />
    </div>
  );
}
