"use client";

import type { ReactNode } from "react";
import { Field, SelectField } from "@/components/ui/field";
import { DeliveryStatus } from "./delivery-status";
import { TestButton } from "./test-button";
import type { Channel, ChannelSettings, Delivery } from "./use-notifications";

type Props = { s: ChannelSettings; errors: Record<string, string>; delivery: Delivery | null };

const SECRET_HINT = "Stored and never shown; leave ***** to keep it, or type a new one.";

function Section({
  channel,
  title,
  enabled,
  children,
  delivery,
}: {
  channel: Channel;
  title: string;
  enabled: boolean;
  children: ReactNode;
  delivery: Delivery | null;
}) {
  return (
    <fieldset className="space-y-4 border-t border-slate-200 pt-4 first:border-t-0 first:pt-0 dark:border-slate-800">
      <legend className="sr-only">{title}</legend>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <label className="flex items-center gap-2 text-base font-semibold">
          <input type="checkbox" name={`${channel}.enabled`} defaultChecked={enabled} />
          {title}
        </label>
        <TestButton channel={channel} />
      </div>
      {children}
      <DeliveryStatus delivery={delivery} testId={`delivery-${channel}`} />
    </fieldset>
  );
}

function WhenField({ channel, value, error }: { channel: Channel; value: string; error?: string }) {
  return (
    <SelectField label="Send for" name={`${channel}.on`} defaultValue={value} error={error}>
      <option value="all">every trial that ends</option>
      <option value="failed">failed, aborted, invalid or stopped trials only</option>
    </SelectField>
  );
}

export function EmailFields({ s, errors, delivery }: Props) {
  const e = s.email;
  return (
    <Section channel="email" title="E-mail (SMTP)" enabled={e.enabled} delivery={delivery}>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <Field label="SMTP host" name="email.host" defaultValue={e.host} error={errors["email.host"]} />
        <Field label="Port" name="email.port" type="number" defaultValue={e.port} error={errors["email.port"]} />
        <SelectField label="Encryption" name="email.secure" defaultValue={e.secure ? "true" : "false"}>
          <option value="false">STARTTLS when offered (587, 25)</option>
          <option value="true">TLS from the start (465)</option>
        </SelectField>
        <Field
          label="Username"
          name="email.username"
          autoComplete="off"
          defaultValue={e.username}
          error={errors["email.username"]}
        />
        <Field
          label="Password"
          name="email.password"
          type="password"
          autoComplete="new-password"
          defaultValue={e.password}
          hint={e.password ? SECRET_HINT : undefined}
          error={errors["email.password"]}
        />
        <Field label="From" name="email.from" type="email" defaultValue={e.from} error={errors["email.from"]} />
        <WhenField channel="email" value={e.on} error={errors["email.on"]} />
      </div>
    </Section>
  );
}

export function SlackFields({ s, errors, delivery }: Props) {
  return (
    <Section channel="slack" title="Slack (incoming webhook)" enabled={s.slack.enabled} delivery={delivery}>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label="Webhook URL"
          name="slack.webhook_url"
          type="password"
          autoComplete="off"
          defaultValue={s.slack.webhook_url}
          hint={s.slack.webhook_url ? SECRET_HINT : "Slack, Mattermost or any Slack-compatible incoming webhook."}
          error={errors["slack.webhook_url"]}
        />
        <WhenField channel="slack" value={s.slack.on} error={errors["slack.on"]} />
      </div>
    </Section>
  );
}

export function GrafanaFields({ s, errors, delivery }: Props) {
  const g = s.grafana;
  return (
    <Section channel="grafana" title="Grafana annotations" enabled={g.enabled} delivery={delivery}>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Each trial becomes a region on your dashboards, from its start to its end, tagged with the experiment and
        status.
      </p>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label="Grafana URL"
          name="grafana.url"
          defaultValue={g.url}
          placeholder="https://grafana.example.com"
          error={errors["grafana.url"]}
        />
        <Field
          label="Service account token"
          name="grafana.token"
          type="password"
          autoComplete="off"
          defaultValue={g.token}
          hint={g.token ? SECRET_HINT : "A token with the annotations:write permission."}
          error={errors["grafana.token"]}
        />
        <Field
          label="Dashboard UID"
          name="grafana.dashboard_uid"
          defaultValue={g.dashboard_uid}
          hint="Empty: an organisation-wide annotation, shown by dashboards that query its tags."
          error={errors["grafana.dashboard_uid"]}
        />
        <Field
          label="Tags"
          name="grafana.tags"
          defaultValue={g.tags.join(", ")}
          hint="Comma-separated."
          error={errors["grafana.tags"]}
        />
      </div>
    </Section>
  );
}
