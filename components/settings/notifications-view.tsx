"use client";

import { useState } from "react";
import { FormError } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { ChannelsForm } from "./channels-form";
import { RecipientsForm } from "./recipients-form";
import { useNotificationSettings } from "./use-notifications";

export function NotificationsView() {
  const settings = useNotificationSettings();
  const [saved, setSaved] = useState<string | null>(null);
  return (
    <section className="space-y-6">
      <PageHeader title="Notifications">
        Tell people when trials end: by e-mail, in a Slack channel, and as annotations on Grafana dashboards.
      </PageHeader>
      {settings.isPending ? (
        <p className="text-sm text-slate-500">Loading settings…</p>
      ) : settings.isError ? (
        <FormError message={settings.error.message} />
      ) : (
        <>
          <RecipientsForm emails={settings.data.recipients} />
          {/* Keyed on the save time: a save elsewhere refills the uncontrolled fields. */}
          <ChannelsForm
            key={settings.data.updated_at ?? "new"}
            settings={settings.data}
            saved={saved}
            setSaved={setSaved}
          />
        </>
      )}
    </section>
  );
}
