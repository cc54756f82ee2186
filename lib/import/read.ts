/**
 * An import's body: one YAML (application/yaml, text/yaml, application/x-yaml) or JSON document,
 * read under the same limits as every body (413 over ERIS_MAX_BODY_BYTES, 400 naming a field nested
 * too deep). YAML errors say where (line and column); `lineOf` finds the line of any path in the
 * document so a validation message can say where the field is written.
 */
import YAML, { LineCounter } from "yaml";
import { AppError } from "@/lib/api/errors";
import { checkDepth, readBodyBytes } from "@/lib/api/limits";

export type Path = (string | number)[];
export type ReadDocument = { value: unknown; format: "yaml" | "json"; lineOf: (path: Path) => number | null };

const YAML_TYPES = new Set(["application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml"]);

export const unsupportedImportType = (type: string) =>
  new AppError(
    "unsupported_media_type",
    `Unsupported media type "${type}" in request. Send the document as YAML (application/yaml) or JSON (application/json).`,
  );

export async function readDocument(req: Request): Promise<ReadDocument> {
  const type = (req.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  const isJson = type === "application/json" || type.endsWith("+json");
  if (!isJson && !YAML_TYPES.has(type)) throw unsupportedImportType(type);
  const text = (await readBodyBytes(req)).toString("utf8");
  if (!text.trim()) throw new AppError("bad_request", "The document is empty.");
  const read = isJson ? parseJson(text) : parseYaml(text);
  checkDepth(read.value);
  return read;
}

function parseJson(text: string): ReadDocument {
  try {
    return { value: JSON.parse(text), format: "json", lineOf: () => null };
  } catch (err) {
    throw new AppError("bad_request", `JSON parse error - ${(err as Error).message}`);
  }
}

/** Also used for documents the dashboard parses first: one document, unique keys, bounded aliases. */
export function parseYaml(text: string): ReadDocument {
  const lineCounter = new LineCounter();
  const docs = YAML.parseAllDocuments(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  if (!Array.isArray(docs)) throw new AppError("bad_request", "YAML: the text holds no document.");
  const real = docs.filter((d) => d.contents !== null);
  if (real.length > 1) {
    throw new AppError(
      "bad_request",
      `YAML: the text holds ${real.length} documents (separated by ---); import one at a time.`,
    );
  }
  const doc = real[0] ?? docs[0];
  const error = doc?.errors[0];
  if (error) {
    const at = lineCounter.linePos(error.pos[0]);
    throw new AppError(
      "bad_request",
      `YAML error at line ${at.line}, column ${at.col}: ${error.message.split("\n")[0]}`,
    );
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    throw new AppError("bad_request", `YAML: ${(err as Error).message}`);
  }
  const lineOf = (path: Path): number | null => {
    // The nearest node that exists: a missing field is reported at the object that lacks it.
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
      if (node?.range) return lineCounter.linePos(node.range[0]).line;
    }
    return null;
  };
  return { value, format: "yaml", lineOf };
}
