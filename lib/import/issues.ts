/**
 * What is wrong with an imported document, each problem at its path in the document as written
 * (`spec.networkChaos.delay.latency`), with its line when the document was YAML. Answered as a 400
 * in DRF's shape with the dotted path as the field: `{"spec.schedule": ["... (line 6)"]}`.
 */
import { AppError, type FieldErrors } from "@/lib/api/errors";
import type { Path } from "./read";

export class Issues {
  private readonly list: { path: Path; message: string }[] = [];

  constructor(private readonly lineOf: (path: Path) => number | null) {}

  add(path: Path, message: string): void {
    this.list.push({ path, message });
  }

  /** zod's issues (or any with a path) under `at`. */
  addAll(at: Path, issues: readonly { path: readonly PropertyKey[]; message: string }[]): void {
    for (const i of issues) this.add([...at, ...i.path.map((p) => (typeof p === "number" ? p : String(p)))], i.message);
  }

  /** DRF's nested field errors (from a validator of our own) under `at`. */
  addFields(at: Path, fields: FieldErrors): void {
    for (const [key, value] of Object.entries(fields)) {
      const path = key === "non_field_errors" ? at : [...at, /^\d+$/.test(key) ? Number(key) : key];
      if (Array.isArray(value)) for (const message of value) this.add(path, message);
      else this.addFields(path, value);
    }
  }

  get empty(): boolean {
    return this.list.length === 0;
  }

  /** Throws the 400 when anything was found. */
  check(): void {
    if (this.empty) return;
    const fields: Record<string, string[]> = {};
    for (const { path, message } of this.list) {
      const key = path.length ? path.join(".") : "non_field_errors";
      const line = this.lineOf(path);
      const text = line === null ? message : `${message.replace(/\.$/, "")} (line ${line})`;
      fields[key] = [...(fields[key] ?? []), text];
    }
    const [first] = Object.entries(fields);
    throw new AppError("validation", `${first[0]}: ${first[1][0]}`, { fields });
  }
}
