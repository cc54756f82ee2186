import Form from "next/form";
import { Field } from "@/components/ui/field";
import { button, card } from "@/components/ui/styles";

/** A GET form: next/form turns its submission into a client-side navigation to ?search=&label=. */
export function ExperimentFilters({ search, label }: { search: string; label: string }) {
  return (
    <Form
      action="/experiments"
      role="search"
      aria-label="Filter experiments"
      className={`${card} grid items-end gap-4 !p-4 sm:grid-cols-[1fr_1fr_auto]`}
    >
      <Field label="Search" name="search" type="search" defaultValue={search} placeholder="Name or description" />
      <Field
        label="Label"
        name="label"
        defaultValue={label}
        placeholder="team or team:payments"
        hint="A metadata key, or key:value."
      />
      <div className="flex gap-2 sm:pb-5">
        <button type="submit" className={button.primary}>
          Filter
        </button>
        <a href="/experiments" className={button.secondary}>
          Clear
        </a>
      </div>
    </Form>
  );
}
