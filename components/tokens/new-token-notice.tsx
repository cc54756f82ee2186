"use client";

import { useState } from "react";
import { button } from "@/components/ui/styles";
import type { CreatedToken } from "./use-tokens";

/** The secret, shown exactly once: the server keeps only its hash. */
export function NewTokenNotice({ token, onDismiss }: { token: CreatedToken; onDismiss: () => void }) {
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(token.token);
      setCopied("yes");
    } catch {
      setCopied("failed"); // e.g. clipboard permission denied: the text is selectable instead
    }
  }

  return (
    <section
      aria-labelledby="new-token-title"
      className="space-y-3 rounded-lg border border-emerald-300 bg-emerald-50 p-4 dark:border-emerald-800 dark:bg-emerald-950"
    >
      <h2 id="new-token-title" className="font-semibold text-emerald-900 dark:text-emerald-200">
        Token “{token.name}” created
      </h2>
      <p className="text-sm text-emerald-900 dark:text-emerald-200">
        Copy it now: it will not be shown again. Send it as <code>Authorization: Bearer &lt;token&gt;</code>.
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <code
          data-testid="new-token"
          className="select-all break-all rounded bg-white px-2 py-1 font-mono text-sm dark:bg-slate-900"
        >
          {token.token}
        </code>
        <button type="button" className={button.secondary} onClick={copy}>
          {copied === "yes" ? "Copied" : "Copy"}
        </button>
        <button type="button" className={button.secondary} onClick={onDismiss}>
          Done
        </button>
      </div>
      <p role="status" className="text-xs text-emerald-900 dark:text-emerald-200">
        {copied === "yes"
          ? "Copied to the clipboard."
          : copied === "failed"
            ? "Copying failed: select the token and copy it."
            : ""}
      </p>
    </section>
  );
}
