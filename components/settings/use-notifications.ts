import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-fetch";
import type { DeliveryOut, NotificationSettingsOut } from "@/lib/notifications/schemas";

// The answer's shape is the API's own schema (lib/notifications/schemas.ts), read here as types only.
export type NotificationSettings = NotificationSettingsOut;
export type NotifyOn = NotificationSettingsOut["email"]["on"];
export type Channel = keyof NotificationSettingsOut["deliveries"];
export type Delivery = DeliveryOut;
/** What the channels form sends: the three channels' settings. */
export type ChannelSettings = Pick<NotificationSettingsOut, "email" | "slack" | "grafana">;

export const notificationKeys = {
  all: ["notifications"] as const,
  settings: () => [...notificationKeys.all, "settings"] as const,
};

export function useNotificationSettings() {
  return useQuery({
    queryKey: notificationKeys.settings(),
    queryFn: () => apiFetch<NotificationSettings>("/api/v1/notification/settings"),
    // Deliveries happen in the runner: keep the last-delivery lines current.
    refetchInterval: 10_000,
  });
}

export function useSaveChannels() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelSettings) =>
      apiFetch<NotificationSettings>("/api/v1/notification/settings", { method: "PUT", body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function useSaveRecipients() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (emails: string[]) =>
      apiFetch<{ emails: string[] }>("/api/v1/notification", { method: "PUT", body: { emails } }),
    onSuccess: () => client.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function useSendTest() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (channel: Channel) =>
      apiFetch<Delivery & { channel: Channel }>("/api/v1/notification/test", { method: "POST", body: { channel } }),
    onSettled: () => client.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

/** DRF's nested errors (`{"email": {"port": ["..."]}}`) as one message per dotted path (`email.port`). */
export function flattenErrors(body: unknown, prefix = ""): Record<string, string> {
  const out: Record<string, string> = {};
  if (!body || typeof body !== "object" || Array.isArray(body)) return out;
  for (const [k, v] of Object.entries(body)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (Array.isArray(v) && typeof v[0] === "string") out[path] = v[0];
    else Object.assign(out, flattenErrors(v, path));
  }
  return out;
}
