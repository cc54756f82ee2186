import type { ReactNode } from "react";

export function PageHeader({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="space-y-1">
      <h1 className="text-2xl font-semibold">{title}</h1>
      {children && <p className="text-sm text-slate-600 dark:text-slate-400">{children}</p>}
    </div>
  );
}
