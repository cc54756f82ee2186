"use client";

import { StackedTable } from "@/components/ui/stacked-table";
import { FormError } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { CreateUserForm } from "./create-user-form";
import { UserRow } from "./user-row";
import { useUsers } from "./use-users";

const COLUMNS = ["Email", "Name", "Role", "Status", "Created"];

export function UsersView({ currentUserId }: { currentUserId: string }) {
  const users = useUsers();
  return (
    <section className="space-y-6">
      <PageHeader title="Users">
        Viewers can look, operators can run experiments and flip the signal, admins also manage accounts.
      </PageHeader>
      <CreateUserForm />
      {users.isPending ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">Loading users…</p>
      ) : users.isError ? (
        <FormError message={users.error.message} />
      ) : (
        <StackedTable label="Users" columns={COLUMNS}>
          {users.data.map((u) => (
            <UserRow key={u.id} user={u} isYou={u.id === currentUserId} />
          ))}
        </StackedTable>
      )}
    </section>
  );
}
