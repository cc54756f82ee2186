/** Building blocks of the OpenAPI document: zod → JSON Schema, references, common responses. */
import { z } from "zod";

export type Json = Record<string, unknown>;

export function schema(s: z.ZodType, io: "input" | "output"): Json {
  const out = z.toJSONSchema(s, {
    io,
    target: "draft-2020-12",
    unrepresentable: "any",
    // Our DRF dict fields are custom checks; in the document they are plain JSON objects.
    override: (ctx) => {
      if ((ctx.zodSchema as { _zod: { def: { type: string } } })._zod.def.type === "custom") {
        ctx.jsonSchema.type = "object";
        ctx.jsonSchema.additionalProperties = true;
      }
    },
  }) as Json;
  delete out.$schema;
  return out;
}

export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
export const body = (name: string) => ({ required: true, content: { "application/json": { schema: ref(name) } } });
export const ok = (description: string, s?: Json, headers?: Json) => ({
  description,
  ...(headers ? { headers } : {}),
  ...(s ? { content: { "application/json": { schema: s } } } : {}),
});
export const errors = {
  "400": ok('Validation error: {"field": ["message"]}, nested for list items', ref("ValidationError")),
  "404": ok("Not found", ref("Detail")),
};
export const pageParams = [
  {
    name: "limit",
    in: "query",
    schema: { type: "integer", minimum: 1 },
    description: "Page size; without it every row is returned.",
  },
  { name: "offset", in: "query", schema: { type: "integer", minimum: 0, default: 0 } },
];
export const pageHeaders = {
  "X-Total-Count": { schema: { type: "integer" }, description: "Rows matching the query, all pages." },
  Link: { schema: { type: "string" }, description: "RFC 8288 first/prev/next/last links when `limit` is given." },
};
/** Answers built from cached JSON carry a strong ETag; If-None-Match with it gets 304. */
export const etagHeader = {
  ETag: { schema: { type: "string" }, description: "Strong ETag of this version; send it in If-None-Match." },
};
export const notModified = {
  "304": { description: "Not modified: the If-None-Match ETag is still current", headers: etagHeader },
};
export const pathId = (name: string, description: string) => ({
  name,
  in: "path",
  required: true,
  schema: { type: "string", format: "uuid" },
  description,
});
export const list = (name: string) => ({ type: "array", items: ref(name) });

export function queryParams(s: z.ZodObject): Json[] {
  const js = schema(s, "input") as { properties: Record<string, Json> };
  return Object.entries(js.properties).map(([name, p]) => ({ name, in: "query", schema: p }));
}
