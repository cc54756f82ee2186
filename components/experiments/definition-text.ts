import YAML from "yaml";

export type TextFormat = "json" | "yaml";

/** JSON when the text opens like a JSON document, YAML otherwise (YAML would also read JSON, but not report its errors as well). */
export const detectFormat = (text: string): TextFormat => (/^\s*[[{]/.test(text) ? "json" : "yaml");

export function stringify(value: unknown, format: TextFormat): string {
  return format === "json" ? `${JSON.stringify(value, null, 2)}\n` : YAML.stringify(value);
}

/** The parsed document, or the parser's message (with line when it knows it) for the person to fix. */
export function parseText(text: string, format: TextFormat): { value: unknown } | { error: string } {
  try {
    return { value: format === "json" ? JSON.parse(text) : YAML.parse(text) };
  } catch (err) {
    return { error: `${format.toUpperCase()}: ${err instanceof Error ? err.message : String(err)}` };
  }
}

export const slugify = (name: string) =>
  name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "") || "experiment";

/** Saves text as a file through a temporary object URL (the page never leaves). */
export function downloadText(text: string, filename: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
