"use client";

import { useState } from "react";
import { FormError } from "@/components/ui/field";
import { button, stacked, table } from "@/components/ui/styles";
import { Time } from "@/components/ui/time";
import { type ApiToken, useRevokeToken } from "./use-tokens";

function status(t: ApiToken): "Active" | "Revoked" | "Expired" {
  if (t.revoked) return "Revoked";
  if (t.expires_at && Date.parse(t.expires_at) <= Date.now()) return "Expired";
  return "Active";
}

export function TokenTable({ tokens }: { tokens: ApiToken[] }) {
  const revoke = useRevokeToken();
  // Revoking is irreversible: the first click asks, the second (on "Confirm") does it.
  const [confirming, setConfirming] = useState<string | null>(null);

  if (!tokens.length) return <p className="text-sm text-slate-600 dark:text-slate-400">You have no API tokens yet.</p>;
  return (
    <div className="space-y-2">
      <FormError message={revoke.error?.message} />
      <div className={table.wrap}>
        <table className={stacked.table} aria-label="Your API tokens">
          <thead className={stacked.head}>
            <tr>
              {["Name", "Prefix", "Created", "Expires", "Last used", "Status", ""].map((h) => (
                <th key={h} scope="col" className={table.th}>
                  {h || <span className="sr-only">Actions</span>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className={stacked.body}>
            {tokens.map((t) => (
              <tr key={t.id} data-testid={`token-row-${t.name}`} className={stacked.row}>
                <td className={`${stacked.cell} font-medium`} data-label="Name">
                  {t.name}
                </td>
                <td className={stacked.cell} data-label="Prefix">
                  <code className="font-mono text-xs">{t.prefix}…</code>
                </td>
                <td className={stacked.cell} data-label="Created">
                  <Time iso={t.created_at} />
                </td>
                <td className={stacked.cell} data-label="Expires">
                  <Time iso={t.expires_at} empty="Never" />
                </td>
                <td className={stacked.cell} data-label="Last used">
                  <Time iso={t.last_used_at} empty="Never" />
                </td>
                <td className={stacked.cell} data-label="Status" data-testid="token-status">
                  {status(t)}
                </td>
                <td className={`${stacked.actions} md:text-right`}>
                  {!t.revoked &&
                    (confirming === t.id ? (
                      <span className="inline-flex gap-2">
                        <button
                          type="button"
                          className={button.danger}
                          disabled={revoke.isPending}
                          onClick={() => revoke.mutate(t.id, { onSettled: () => setConfirming(null) })}
                        >
                          Confirm revoke
                        </button>
                        <button type="button" className={button.secondary} onClick={() => setConfirming(null)}>
                          Cancel
                        </button>
                      </span>
                    ) : (
                      <button
                        type="button"
                        className={button.secondary}
                        aria-label={`Revoke ${t.name}`}
                        onClick={() => setConfirming(t.id)}
                      >
                        Revoke
                      </button>
                    ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
