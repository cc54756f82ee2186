/** Text made safe for XML 1.0: escaped, and without the control characters XML forbids even escaped. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters to remove
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g;
const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

export const xmlText = (s: string) => s.replace(FORBIDDEN, "").replace(/[&<>"']/g, (c) => ENTITIES[c]);
