import type { ReactNode } from "react";
import { stacked, table } from "./styles";

/**
 * A list that is a table on wide screens and one card per row on a phone (styles.ts `stacked`):
 * the header row, with an unlabelled Actions column when the rows have buttons.
 */
export function StackedTable({
  label,
  columns,
  actions = true,
  children,
}: {
  label: string;
  columns: readonly string[];
  actions?: boolean;
  children: ReactNode;
}) {
  return (
    <div className={table.wrap}>
      <table className={stacked.table} aria-label={label}>
        <thead className={stacked.head}>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col" className={table.th}>
                {c}
              </th>
            ))}
            {actions && (
              <th scope="col" className={table.th}>
                <span className="sr-only">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody className={stacked.body}>{children}</tbody>
      </table>
    </div>
  );
}
