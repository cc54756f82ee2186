import { input } from "@/components/ui/styles";
import type { DraftStep } from "./draft";
import { Labelled } from "./labelled";

type Timing = NonNullable<DraftStep["guard"]>;
type Props = { value: Timing; onChange: (t: Timing) => void; errors: Record<string, string>; errorBase: string };

/** How often a guard runs and how many failures in a row it allows before it stops the trial. */
export function GuardTiming({ value, onChange, errors, errorBase }: Props) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Labelled
        label="Interval (seconds)"
        required
        hint="How often the probe runs while the steps do (1 to 3600)."
        error={errors[`${errorBase}.interval_seconds`]}
      >
        {(control) => (
          <input
            {...control}
            className={input}
            inputMode="numeric"
            value={value.interval}
            onChange={(e) => onChange({ ...value, interval: e.target.value })}
          />
        )}
      </Labelled>
      <Labelled
        label="Tolerance"
        required
        hint="Failures in a row allowed; one more stops the trial (0: the first failure does)."
        error={errors[`${errorBase}.tolerance`]}
      >
        {(control) => (
          <input
            {...control}
            className={input}
            inputMode="numeric"
            value={value.tolerance}
            onChange={(e) => onChange({ ...value, tolerance: e.target.value })}
          />
        )}
      </Labelled>
    </div>
  );
}
