"use client";

import { button } from "@/components/ui/styles";
import { type Channel, useSendTest } from "./use-notifications";

/** "Send a test" for one channel, with what happened right next to it. */
export function TestButton({ channel, disabled }: { channel: Channel; disabled?: boolean }) {
  const send = useSendTest();
  const result = send.data;
  return (
    <div className="flex flex-wrap items-center gap-3">
      <button
        type="button"
        className={button.secondary}
        disabled={disabled || send.isPending}
        onClick={() => send.mutate(channel)}
      >
        {send.isPending ? "Sending…" : "Send a test"}
      </button>
      <p role="status" className="text-sm" data-testid={`test-result-${channel}`}>
        {send.isError ? (
          <span className="text-red-700 dark:text-red-400">{send.error.message}</span>
        ) : result ? (
          result.ok ? (
            <span className="text-emerald-700 dark:text-emerald-400">Test sent.</span>
          ) : (
            <span className="text-red-700 dark:text-red-400">Test failed: {result.error}</span>
          )
        ) : null}
      </p>
    </div>
  );
}
