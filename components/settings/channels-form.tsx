"use client";

import { type FormEvent, useState } from "react";
import { FormError } from "@/components/ui/field";
import { button, card } from "@/components/ui/styles";
import { ApiError } from "@/lib/client/api-fetch";
import { EmailFields, GrafanaFields, SlackFields } from "./channel-fields";
import { type ChannelSettings, type NotificationSettings, flattenErrors, useSaveChannels } from "./use-notifications";

/** The form's fields as the API's settings document. */
function readForm(form: FormData): ChannelSettings {
  const text = (name: string) => String(form.get(name) ?? "").trim();
  return {
    email: {
      enabled: form.get("email.enabled") === "on",
      on: text("email.on") as ChannelSettings["email"]["on"],
      host: text("email.host"),
      port: Number(text("email.port")),
      secure: text("email.secure") === "true",
      username: text("email.username"),
      password: String(form.get("email.password") ?? ""),
      from: text("email.from"),
    },
    slack: {
      enabled: form.get("slack.enabled") === "on",
      on: text("slack.on") as ChannelSettings["slack"]["on"],
      webhook_url: text("slack.webhook_url"),
    },
    grafana: {
      enabled: form.get("grafana.enabled") === "on",
      url: text("grafana.url"),
      token: text("grafana.token"),
      dashboard_uid: text("grafana.dashboard_uid"),
      tags: text("grafana.tags")
        .split(",")
        .map((t) => t.trim())
        .filter(Boolean),
    },
  };
}

/**
 * `saved` lives in the parent: a save refetches the settings and the parent remounts this form with
 * the stored values (secrets now masked), which would drop a message kept here.
 */
export function ChannelsForm({
  settings,
  saved,
  setSaved,
}: {
  settings: NotificationSettings;
  saved: string | null;
  setSaved: (message: string | null) => void;
}) {
  const save = useSaveChannels();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setErrors({});
    setFormError(null);
    setSaved(null);
    try {
      await save.mutateAsync(readForm(new FormData(event.currentTarget)));
      setSaved("Saved.");
    } catch (err) {
      if (err instanceof ApiError && err.status === 400) {
        setErrors(flattenErrors(err.body));
        setFormError("Some settings need a look (see the messages below).");
      } else setFormError(err instanceof Error ? err.message : "Could not save the settings.");
    }
  }

  const props = { s: settings, errors };
  return (
    <form onSubmit={onSubmit} className={`${card} space-y-6`} aria-label="Notification channels" noValidate>
      <FormError message={formError} testId="channels-error" />
      <EmailFields {...props} delivery={settings.deliveries.email} />
      <SlackFields {...props} delivery={settings.deliveries.slack} />
      <GrafanaFields {...props} delivery={settings.deliveries.grafana} />
      <div className="flex items-center gap-3 border-t border-slate-200 pt-4 dark:border-slate-800">
        <button type="submit" className={button.primary} disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save settings"}
        </button>
        <p className="text-xs text-slate-500 dark:text-slate-400">A test sends with the saved settings.</p>
        <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
          {saved}
        </p>
      </div>
    </form>
  );
}
