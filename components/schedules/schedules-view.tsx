import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { button } from "@/components/ui/styles";
import { ScheduleTable } from "./schedule-table";
import { WeekCalendar } from "./week-calendar";

/** Every schedule across experiments, and a week of upcoming runs; operators also get the controls. */
export function SchedulesView({ canOperate }: { canOperate: boolean }) {
  return (
    <section className="space-y-8">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <PageHeader title="Schedules">Experiments that run on a recurring pattern, in their own time zone.</PageHeader>
        {canOperate && (
          <Link href="/schedules/new" className={button.primary}>
            New schedule
          </Link>
        )}
      </div>
      <ScheduleTable canOperate={canOperate} />
      {/* The calendar links each run to its editor, which only operators may open. */}
      <WeekCalendar linkRuns={canOperate} />
    </section>
  );
}
