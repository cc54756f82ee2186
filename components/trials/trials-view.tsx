"use client";

import { useRouter } from "next/navigation";
import { FormError } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { listHref } from "./list-href";
import { TrialFilters } from "./trial-filters";
import { LinkPager } from "@/components/ui/link-pager";
import { TrialTable } from "./trial-table";
import { type TrialFilters as Filters, useTrialList } from "./use-trials";

type Props = { filters: Filters; limit: number; offset: number };

export function TrialsView({ filters, limit, offset }: Props) {
  const router = useRouter();
  const list = useTrialList(filters, limit, offset);
  return (
    <section className="space-y-6">
      <PageHeader title="Trials">
        Every run of an experiment, newest first. The list refreshes every 5 seconds.
      </PageHeader>
      <TrialFilters
        key={JSON.stringify(filters)}
        filters={filters}
        onApply={(next) => router.push(listHref(next, limit, 0))}
      />
      {list.isPending ? (
        <p className="text-sm text-slate-600 dark:text-slate-400" role="status">
          Loading trials…
        </p>
      ) : list.isError ? (
        <FormError message={list.error.message} testId="trials-error" />
      ) : (
        <>
          <TrialTable trials={list.data.trials} />
          <LinkPager
            offset={offset}
            limit={limit}
            total={list.data.total}
            hrefFor={(o) => listHref(filters, limit, o)}
          />
        </>
      )}
    </section>
  );
}
