/**
 * Request bodies as DRF's parsers read them: JSON, and for the flat fields Kallisti clients send
 * that way, `application/x-www-form-urlencoded` and `multipart/form-data` (a repeated field's last
 * value wins, as QueryDict gives it). Anything else is DRF's 415, saying what does work.
 */
import { AppError } from "./errors";
import { checkDepth, checkNoNul, readBodyBytes } from "./limits";

export const ACCEPTED_TYPES = ["application/json", "application/x-www-form-urlencoded", "multipart/form-data"];

const typeOf = (req: Request) => (req.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
const isJson = (type: string) => type === "application/json" || type.endsWith("+json");
const isForm = (type: string) => type === "application/x-www-form-urlencoded" || type === "multipart/form-data";

export const unsupportedType = (type: string) =>
  new AppError(
    "unsupported_media_type",
    `Unsupported media type "${type}" in request. Send JSON (application/json), or the flat fields as application/x-www-form-urlencoded or multipart/form-data.`,
  );

async function readForm(bytes: Buffer, contentType: string): Promise<Record<string, unknown>> {
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(bytes), { headers: { "content-type": contentType } }).formData();
  } catch (err) {
    throw new AppError("bad_request", `Form parse error - ${(err as Error).message}`);
  }
  const out: Record<string, unknown> = {};
  // A file where a field is expected stays a file: the field's schema then says it is not text.
  for (const [key, value] of form.entries()) out[key] = value;
  return out;
}

/**
 * The body as data: empty → `{}`, too large → 413, wrong content type → 415, malformed → 400 (DRF
 * messages), nested too deep or holding a NUL character → 400 naming the field.
 */
export async function readData(req: Request): Promise<unknown> {
  const type = typeOf(req);
  const bytes = await readBodyBytes(req);
  if (isForm(type)) {
    const form = await readForm(bytes, req.headers.get("content-type") ?? type);
    checkNoNul(form);
    return form;
  }
  const text = bytes.toString("utf8");
  if (text.trim() === "") return {};
  if (!isJson(type)) throw unsupportedType(type);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (err) {
    throw new AppError("bad_request", `JSON parse error - ${(err as Error).message}`);
  }
  checkDepth(body);
  checkNoNul(body);
  return body;
}
