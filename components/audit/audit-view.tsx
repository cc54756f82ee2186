"use client";

import { FormError } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { StackedTable } from "@/components/ui/stacked-table";
import { stacked, table } from "@/components/ui/styles";
import { Time } from "@/components/ui/time";
import { ChangeSummary } from "./change-summary";
import { Pager } from "./pager";
import { useAudit } from "./use-audit";

const COLUMNS = ["When", "Actor", "Action", "Target", "Change"];

export function AuditView({ limit, offset }: { limit: number; offset: number }) {
  const audit = useAudit(limit, offset);
  return (
    <section className="space-y-6">
      <PageHeader title="Audit log">
        Every change to experiments, schedules, accounts and the signal, newest first.
      </PageHeader>
      {audit.isPending ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">Loading events…</p>
      ) : audit.isError ? (
        <FormError message={audit.error.message} />
      ) : (
        <>
          <StackedTable label="Audit events" columns={COLUMNS} actions={false}>
            {audit.data.events.map((e) => (
              <tr className={stacked.row} key={e.id} data-testid="audit-row">
                <td className={`${stacked.cell} whitespace-nowrap`} data-label="When">
                  <Time iso={e.at} />
                </td>
                <td className={stacked.cell} data-label="Actor">
                  {e.actor}
                </td>
                <td className={stacked.cell} data-label="Action">
                  <code className="rounded bg-slate-100 px-1 font-mono text-xs dark:bg-slate-800">{e.action}</code>
                </td>
                <td className={`${stacked.cell} text-slate-600 dark:text-slate-400`} data-label="Target">
                  <span>
                    {e.target_type}
                    {e.target_id && (
                      <span className="ml-1 font-mono text-xs" title={e.target_id}>
                        {e.target_id.slice(0, 8)}
                      </span>
                    )}
                  </span>
                </td>
                <td className={stacked.cell} data-label="Change">
                  <ChangeSummary summary={e.summary} />
                </td>
              </tr>
            ))}
            {audit.data.events.length === 0 && (
              <tr>
                <td colSpan={COLUMNS.length} className={`${table.td} text-center text-slate-600 dark:text-slate-400`}>
                  No events on this page.
                </td>
              </tr>
            )}
          </StackedTable>
          <Pager limit={limit} offset={offset} total={audit.data.total} basePath="/admin/audit" />
        </>
      )}
    </section>
  );
}
