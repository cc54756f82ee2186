"use client";

import { button, input, stacked } from "@/components/ui/styles";
import { Time } from "@/components/ui/time";
import { ApiError } from "@/lib/client/api-fetch";
import { ROLES, type Role, type User, useUpdateUser } from "./use-users";

function errorText(err: unknown): string | null {
  if (!err) return null;
  if (err instanceof ApiError) return Object.values(err.fields)[0] ?? err.message;
  return "Could not save the change.";
}

export function UserRow({ user, isYou }: { user: User; isYou: boolean }) {
  const update = useUpdateUser(user.id);
  const error = errorText(update.error);
  const errorId = `user-${user.id}-error`;
  return (
    <tr
      data-testid={`user-row-${user.email}`}
      className={`${stacked.row} ${user.disabled ? "text-slate-600 dark:text-slate-400" : ""}`}
    >
      <td className={`${stacked.cell} font-medium max-md:flex-wrap`} data-label="Email">
        <span className="min-w-0 break-all">
          {user.email}
          {isYou && <span className="ml-2 text-xs text-slate-600 dark:text-slate-400">(you)</span>}
        </span>
        {error && (
          <p id={errorId} role="alert" className="mt-1 text-xs font-normal text-red-600 dark:text-red-400">
            {error}
          </p>
        )}
      </td>
      <td className={stacked.cell} data-label="Name">
        {user.name || "—"}
      </td>
      <td className={stacked.cell} data-label="Role">
        <select
          aria-label={`Role of ${user.email}`}
          aria-describedby={error ? errorId : undefined}
          className={`${input} w-32`}
          value={user.role}
          disabled={update.isPending}
          onChange={(e) => update.mutate({ role: e.target.value as Role })}
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </td>
      <td className={stacked.cell} data-label="Status">
        {user.disabled ? "Disabled" : "Active"}
      </td>
      <td className={stacked.cell} data-label="Created">
        <Time iso={user.created_at} />
      </td>
      <td className={`${stacked.actions} md:text-right`}>
        <button
          type="button"
          className={user.disabled ? button.secondary : button.danger}
          aria-label={`${user.disabled ? "Enable" : "Disable"} ${user.email}`}
          disabled={update.isPending}
          onClick={() => update.mutate({ disabled: !user.disabled })}
        >
          {user.disabled ? "Enable" : "Disable"}
        </button>
      </td>
    </tr>
  );
}
