/**
 * Access control for every API route: a walk over every route.ts under app/api/v1 proves each exported
 * method answers 401 to an anonymous caller unless it is on the public list, and the role matrix
 * proves each role gets exactly the methods it may use (403 below the line, never above it).
 */
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";
import { IDENTITIES } from "./identities";

const API_DIR = path.resolve("app/api/v1");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type Method = (typeof METHODS)[number];
type Access = "public" | "viewer" | "operator" | "admin";

/** The contract: who may call what. A route file missing here fails the walk below. */
const MATRIX: Record<string, Partial<Record<Method, Access>>> = {
  "route.ts": { GET: "viewer" },
  "[...path]/route.ts": { GET: "public", POST: "public", PUT: "public", PATCH: "public", DELETE: "public" },
  "health/route.ts": { GET: "public" },
  "info/route.ts": { GET: "public" },
  "openapi.json/route.ts": { GET: "public" },
  "setup/route.ts": { GET: "public", POST: "public" },
  "auth/token/route.ts": { GET: "viewer", POST: "public" },
  "auth/token/[id]/route.ts": { DELETE: "viewer" },
  "auth/me/route.ts": { GET: "viewer" },
  "users/route.ts": { GET: "admin", POST: "admin" },
  "users/[id]/route.ts": { GET: "admin", PATCH: "admin" },
  "audit/route.ts": { GET: "admin" },
  "experiment/route.ts": { GET: "viewer", POST: "operator" },
  "experiment/[id]/route.ts": { GET: "viewer", PUT: "operator", PATCH: "operator", DELETE: "operator" },
  "experiment/[id]/revisions/route.ts": { GET: "viewer" },
  "experiment/[id]/stats/route.ts": { GET: "viewer" },
  "blackout/route.ts": { GET: "viewer", POST: "operator" },
  "blackout/[id]/route.ts": { GET: "viewer", PATCH: "operator", DELETE: "operator" },
  "guard/route.ts": { GET: "viewer", POST: "admin" },
  "guard/[id]/route.ts": { GET: "viewer", PATCH: "admin", DELETE: "admin" },
  "experiment/[id]/export/route.ts": { GET: "viewer" },
  "import/route.ts": { POST: "operator" },
  "experiment/[id]/revisions/[revision]/route.ts": { GET: "viewer" },
  "experiment/[id]/schedule/route.ts": { GET: "viewer", POST: "operator" },
  "experiment/[id]/schedule/[sid]/route.ts": { GET: "viewer", PUT: "operator", PATCH: "operator", DELETE: "operator" },
  "schedule/preview/route.ts": { GET: "viewer" },
  "schedule/route.ts": { GET: "viewer" },
  "schedule/upcoming/route.ts": { GET: "viewer" },
  "stats/trials/route.ts": { GET: "viewer" },
  "stats/scores/route.ts": { GET: "viewer" },
  "signal/route.ts": { GET: "viewer", POST: "operator" },
  "modules/route.ts": { GET: "viewer" },
  "runner/route.ts": { GET: "viewer" },
  "report/route.ts": { GET: "viewer" },
  "report/schema/route.ts": { GET: "viewer" },
  "trial/route.ts": { GET: "viewer", POST: "operator" },
  "trial/[id]/route.ts": { GET: "viewer" },
  "trial/[id]/stop/route.ts": { PUT: "operator" },
  "notification/route.ts": { GET: "admin", PUT: "admin" },
  "notification/settings/route.ts": { GET: "admin", PUT: "admin" },
  "notification/test/route.ts": { POST: "admin" },
  "trial/[id]/events/route.ts": { GET: "viewer" },
};

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return routeFiles(p);
    return e.name === "route.ts" ? [path.relative(API_DIR, p)] : [];
  });
}

type Handler = (req: Request, ctx: { params: Promise<Record<string, unknown>> }) => Promise<Response>;
const PARAMS = {
  id: "00000000-0000-4000-8000-000000000000",
  sid: "00000000-0000-4000-8000-000000000001",
  path: ["nowhere"],
  revision: "1",
};

async function call(file: string, method: Method, token?: string): Promise<Response> {
  const mod = (await import(/* @vite-ignore */ path.join(API_DIR, file))) as Record<string, Handler>;
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (token) headers.authorization = `Bearer ${token}`;
  const body = method === "GET" || method === "DELETE" ? undefined : "{}";
  return mod[method](new Request(`http://eris.test/api/v1/${file}`, { method, headers, body }), {
    params: Promise.resolve(PARAMS),
  });
}

const RANK: Record<Access, number> = { public: 0, viewer: 1, operator: 2, admin: 3 };

test("every route file is in the access matrix, and the matrix names no missing route", () => {
  const files = routeFiles(API_DIR).sort();
  expect(files).toEqual(Object.keys(MATRIX).sort());
});

test("anonymous callers get 401 with WWW-Authenticate everywhere but the public routes", async () => {
  for (const [file, methods] of Object.entries(MATRIX)) {
    for (const method of METHODS) {
      const access = methods[method];
      const res = await call(file, method);
      const label = `${method} ${file}`;
      if (!access) {
        expect(res.status, label).toBe(405);
      } else if (access === "public") {
        expect(res.status, label).not.toBe(401);
      } else {
        expect(res.status, label).toBe(401);
        expect(res.headers.get("www-authenticate"), label).toBe('Bearer realm="eris"');
        expect(await res.json(), label).toEqual({ detail: "Authentication credentials were not provided." });
      }
    }
  }
});

test("the role matrix: 403 below the required role, never at or above it", async () => {
  for (const who of ["viewer", "operator", "admin"] as const) {
    for (const [file, methods] of Object.entries(MATRIX)) {
      for (const [method, access] of Object.entries(methods) as [Method, Access][]) {
        if (access === "public") continue;
        const res = await call(file, method, IDENTITIES[who].token);
        const label = `${who} ${method} ${file}`;
        if (RANK[who] < RANK[access]) {
          expect(res.status, label).toBe(403);
          expect(await res.json(), label).toEqual({ detail: "You do not have permission to perform this action." });
        } else {
          expect([401, 403], label).not.toContain(res.status);
        }
      }
    }
  }
});
