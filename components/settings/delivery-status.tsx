"use client";

import { Time } from "@/components/ui/time";
import type { Delivery } from "./use-notifications";

/** The channel's last delivery: when, what, and the error if it failed. */
export function DeliveryStatus({ delivery, testId }: { delivery: Delivery | null; testId: string }) {
  if (!delivery) {
    return (
      <p className="text-xs text-slate-500 dark:text-slate-400" data-testid={testId}>
        Nothing sent yet.
      </p>
    );
  }
  const what = delivery.event === "test" ? "test" : delivery.event.replace("trial.", "trial ");
  return (
    <p
      data-testid={testId}
      className={`text-xs ${delivery.ok ? "text-emerald-700 dark:text-emerald-400" : "text-red-700 dark:text-red-400"}`}
    >
      Last delivery ({what}): {delivery.ok ? "delivered" : "failed"} <Time iso={delivery.at} />
      {delivery.attempts > 1 ? ` after ${delivery.attempts} attempts` : ""}
      {delivery.error ? ` — ${delivery.error}` : ""}
    </p>
  );
}
