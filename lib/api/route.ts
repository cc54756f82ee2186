/**
 * The one wrapper every API route goes through: method dispatch (405 + Allow for the rest),
 * typed params, and the error contract. Route files stay a few lines each.
 */
import type { z } from "zod";
import { toFieldErrors } from "./drf";
import { AppError, toErrorResponse } from "./errors";

export const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type Method = (typeof METHODS)[number];

export type RouteContext<P> = { req: Request; url: URL; params: P };
type Handler<P> = (ctx: RouteContext<P>) => Response | Promise<Response>;
type NextHandler<P> = (req: Request, ctx: { params: Promise<P> }) => Promise<Response>;

export function defineRoute<P = Record<string, never>>(
  handlers: Partial<Record<Method, Handler<P>>>,
): Record<Method, NextHandler<P>> {
  const allow = METHODS.filter((m) => handlers[m]).join(", ");
  const out = {} as Record<Method, NextHandler<P>>;
  for (const method of METHODS) {
    const handler = handlers[method];
    out[method] = async (req, ctx) => {
      try {
        if (!handler) {
          throw new AppError("method_not_allowed", `Method "${req.method}" not allowed.`, {
            headers: { Allow: allow },
          });
        }
        const params = ((await ctx?.params) ?? {}) as P;
        return await handler({ req, url: new URL(req.url), params });
      } catch (err) {
        return toErrorResponse(err);
      }
    };
  }
  return out;
}

/** Reads a JSON body: empty → `{}`, wrong content type → 415, malformed → 400 (DRF messages). */
export async function readJson(req: Request): Promise<unknown> {
  const text = await req.text();
  if (text.trim() === "") return {};
  const type = (req.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  if (type !== "application/json" && !type.endsWith("+json")) {
    throw new AppError("unsupported_media_type", `Unsupported media type "${type}" in request.`);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new AppError("bad_request", `JSON parse error - ${(err as Error).message}`);
  }
}

/** Validates with a zod schema; failures become a 400 in DRF's `{"field": ["message"]}` shape. */
export function validate<S extends z.ZodType>(schema: S, data: unknown): z.output<S> {
  const result = schema.safeParse(data);
  if (!result.success) {
    throw new AppError("validation", "Invalid input.", { fields: toFieldErrors(result.error) });
  }
  return result.data;
}

export async function readBody<S extends z.ZodType>(req: Request, schema: S): Promise<z.output<S>> {
  return validate(schema, await readJson(req));
}

/** Query parameters as a plain object (last value wins), for validation with a zod schema. */
export function queryObject(url: URL): Record<string, string> {
  return Object.fromEntries(url.searchParams.entries());
}

export const json = (data: unknown, status = 200, headers?: HeadersInit) => Response.json(data, { status, headers });

export const noContent = () => new Response(null, { status: 204 });
