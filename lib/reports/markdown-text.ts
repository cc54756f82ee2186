/**
 * Text made inert for Markdown. A report is pasted into tickets and pull requests, whose renderers
 * pass raw HTML through and turn punctuation into links, images, emphasis and tables: a step named
 * `<img src=x onerror=…>` or `<!--` (which hides the rest of the report once rendered) must show
 * as the characters it is. HTML's own characters become entities, Markdown's punctuation is
 * backslash-escaped (CommonMark allows it for any ASCII punctuation), code spans and fences are
 * made longer than any backtick run inside them.
 */

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters have no place in a report
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
const INLINE_PUNCTUATION = /[\\`*_{}[\]()#+!|~]/g;
const ENTITY: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

const entities = (s: string) => s.replace(/[&<>"]/g, (c) => ENTITY[c]);

/** One line of text: in a heading, a sentence or a table cell. Line breaks become spaces. */
export function mdInline(value: unknown): string {
  const text = String(value ?? "")
    .replace(CONTROL, "")
    .replace(/\s*[\r\n]+\s*/g, " ")
    .trim();
  // Escape punctuation first: the entities added next must keep their own `&`, `#` and `;`.
  const escaped = entities(text.replace(INLINE_PUNCTUATION, "\\$&"));
  // A leading `-`, `=`, `.` or `1.` could still start a list or a heading underline.
  return escaped.replace(/^([-=.]|\d+(?=[.)]))/, "\\$1");
}

/** A paragraph: each line escaped on its own, so no line starts a block of its own. */
export function mdParagraph(value: unknown): string {
  return String(value ?? "")
    .split(/\r?\n/)
    .map((line) => mdInline(line))
    .filter(Boolean)
    .join("  \n");
}

const longestRun = (s: string, c: string) =>
  Math.max(0, ...(s.match(new RegExp(`\\${c}+`, "g")) ?? []).map((r) => r.length));

/** A code span (`cm.http_probe`), safe in a table cell too. */
export function mdCode(value: unknown): string {
  const text = String(value ?? "")
    .replace(CONTROL, "")
    .replace(/[\r\n]+/g, " ")
    // GFM splits table cells on `|` even inside code spans; the backslash is removed there.
    .replace(/\|/g, "\\|");
  const fence = "`".repeat(longestRun(text, "`") + 1);
  const pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** A fenced block for log lines: nothing inside is read as Markdown or HTML. */
export function mdFence(lines: string[]): string {
  const text = lines.join("\n").replace(CONTROL, "");
  const fence = "`".repeat(Math.max(3, longestRun(text, "`") + 1));
  return `${fence}text\n${text}\n${fence}`;
}
