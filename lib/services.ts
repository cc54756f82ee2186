import { getDb } from "@/db/client";
import { BlackoutService } from "@/lib/blackout/service";
import { GlobalGuardService } from "@/lib/global-guards/service";
import { ExperimentService } from "@/lib/experiments/service";
import { ImportService } from "@/lib/import/service";
import { ScheduleService } from "@/lib/schedules/service";
import { TrialService } from "@/lib/trials/service";

/** The domain services over the process database; routes and the runner both come through here. */
export function services() {
  const db = getDb();
  return {
    experiments: new ExperimentService(db),
    trials: new TrialService(db),
    schedules: new ScheduleService(db),
    blackout: new BlackoutService(db),
    guards: new GlobalGuardService(db),
    imports: new ImportService(db),
  };
}
