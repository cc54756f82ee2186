/**
 * The one wrapper every API route goes through: method dispatch (405 + Allow for the rest),
 * authentication and the role check (every method must say who may call it: `allow(role, …)` or
 * `open(…)`), CSRF for cookie sessions, typed params, and the error contract.
 */
import type { z } from "zod";
import type { Role } from "@/db/schema";
import { authenticate, requireAuthenticated } from "@/lib/auth/authenticate";
import { checkSameOrigin } from "@/lib/auth/csrf";
import { type Principal, hasRole } from "@/lib/auth/roles";
import { readData } from "./body";
import { toFieldErrors } from "./drf";
import { AppError, toErrorResponse } from "./errors";
import { checkNoNul } from "./limits";
import { observed } from "./observe";
import { lowerUuidFields, lowerUuidParams, lowerUuidQuery } from "./uuid-case";

export const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type Method = (typeof METHODS)[number];

export type RouteContext<P> = { req: Request; url: URL; params: P };
type Handler<P, C> = (ctx: RouteContext<P> & C) => Response | Promise<Response>;
type NextHandler<P> = (req: Request, ctx: { params: Promise<P> }) => Promise<Response>;

/** A method handler with who may call it: a role (or better), or anyone. */
export type Guarded<P> =
  | { access: Role; run: Handler<P, { principal: Principal }> }
  | { access: "public"; run: Handler<P, { principal: Principal | null }> };

export const allow = <P>(access: Role, run: Handler<P, { principal: Principal }>): Guarded<P> => ({ access, run });
export const open = <P>(run: Handler<P, { principal: Principal | null }>): Guarded<P> => ({ access: "public", run });

export const FORBIDDEN = "You do not have permission to perform this action.";

async function guard<P>(def: Guarded<P>, req: Request): Promise<Principal | null> {
  if (def.access === "public") return authenticate(req).catch(() => null);
  const principal = requireAuthenticated(await authenticate(req));
  if (principal.via === "session") checkSameOrigin(req);
  if (!hasRole(principal.role, def.access)) throw new AppError("forbidden", FORBIDDEN);
  return principal;
}

export function defineRoute<P = Record<string, never>>(
  handlers: Partial<Record<Method, Guarded<P>>>,
): Record<Method, NextHandler<P>> {
  const allowed = METHODS.filter((m) => handlers[m]).join(", ");
  const out = {} as Record<Method, NextHandler<P>>;
  for (const method of METHODS) {
    const def = handlers[method];
    const handle: NextHandler<P> = async (req, ctx) => {
      try {
        if (!def) {
          throw new AppError("method_not_allowed", `Method "${req.method}" not allowed.`, {
            headers: { Allow: allowed },
          });
        }
        const principal = await guard(def, req);
        // Ids in any case find the same rows (Kallisti accepted upper-case UUIDs).
        const params = lowerUuidParams(((await ctx?.params) ?? {}) as P);
        const url = lowerUuidQuery(new URL(req.url));
        checkNoNul(Object.fromEntries(url.searchParams), "query");
        const run = def.run as Handler<P, { principal: Principal | null }>;
        return await run({ req, url, params, principal });
      } catch (err) {
        return toErrorResponse(err);
      }
    };
    // A request id on every log line and the HTTP metrics, around everything above (./observe.ts).
    out[method] = (req, ctx) => observed(req, ctx?.params, () => handle(req, ctx));
  }
  return out;
}

/** Reads a body (JSON, or a form for flat fields), lower-casing the ids it names; see ./body.ts. */
export async function readJson(req: Request): Promise<unknown> {
  return lowerUuidFields(await readData(req));
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
