/**
 * Answers as they travel over real HTTP from `npm start` (the in-process suites call the route
 * handlers directly and cannot see what the framework or the server in front of it does): cached
 * answers gzip-compressed once when the client accepts it, plain otherwise, ETags and 304 intact;
 * the fast lane (lib/api/fast-lane.ts) answering exactly as the route it stands in for.
 */
import http from "node:http";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, expect, test } from "vitest";
import { ADMIN, type Eris, ensureBuilt, startEris } from "@/e2e/fixtures/eris-process";
import { until } from "@/e2e/fixtures/runner-process";

let eris: Eris;
beforeAll(async () => {
  ensureBuilt();
  eris = await startEris({}, { waitForRunner: false });
}, 600_000);
afterAll(() => eris?.kill());

/** A GET with node:http, which (unlike fetch) leaves the body exactly as sent. */
function get(path: string, headers: Record<string, string>) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const req = http.get(`${eris.base}${path}`, { headers: { authorization: `Bearer ${eris.token()}`, ...headers } });
    req.on("response", (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
  });
}

test("cached lists and schedules arrive gzip-compressed once when asked, plain otherwise, with ETags that give 304", async () => {
  const exp = await eris.api("POST", "/api/v1/experiment/", {
    name: "over http",
    description: "x".repeat(2000), // over the framework's 1 KB compression threshold
    steps: [{ do: "cm.wait", where: { time_in_seconds: 0 } }],
  });
  const s = await eris.api("POST", `/api/v1/experiment/${exp.body.id}/schedule/`, { recurrence_pattern: "@yearly" });
  for (const path of [
    "/api/v1/experiment/",
    `/api/v1/experiment/${exp.body.id}/`,
    `/api/v1/experiment/${exp.body.id}/schedule/`,
    `/api/v1/experiment/${exp.body.id}/schedule/${s.body.id}/`,
  ]) {
    const gz = await get(path, { "accept-encoding": "gzip" });
    expect(gz.status, path).toBe(200);
    expect(gz.headers["content-encoding"], path).toBe("gzip");
    const text = gunzipSync(gz.body).toString();
    expect(() => JSON.parse(text), `${path}: decompressed once, it is JSON`).not.toThrow();

    for (const enc of ["identity", "br"]) {
      const plain = await get(path, { "accept-encoding": enc });
      expect(plain.headers["content-encoding"], `${path} ${enc}`).toBeUndefined();
      expect(plain.body.toString(), `${path} ${enc}`).toBe(text);
    }

    const tag = gz.headers.etag as string;
    expect(tag, path).toMatch(/^"[\w-]+"$/);
    const again = await get(path, { "accept-encoding": "gzip", "if-none-match": tag });
    expect(again.status, path).toBe(304);
    expect(again.body.length, path).toBe(0);
  }
}, 120_000);

/** What may differ between two answers to the same request: the moment, the id, the framing. */
const VOLATILE = new Set([
  "date",
  "x-request-id",
  "vary",
  "transfer-encoding",
  "content-length",
  "connection",
  "keep-alive",
]);
const stable = (h: http.IncomingHttpHeaders) => Object.fromEntries(Object.entries(h).filter(([k]) => !VOLATILE.has(k)));
/** The route itself, past the lane: the lane declines a query parameter it does not know; the routes ignore it. */
const viaRoute = (path: string) => `${path}${path.includes("?") ? "&" : "?"}via=route`;
/** The lane sends a Content-Length; the framework streams its answers in chunks. */
const byLane = (r: { headers: http.IncomingHttpHeaders }) => r.headers["transfer-encoding"] === undefined;
const text = (r: { headers: http.IncomingHttpHeaders; body: Buffer }) =>
  (r.headers["content-encoding"] === "gzip" ? gunzipSync(r.body) : r.body).toString();

test("the fast lane answers experiments, trials and schedules exactly as their routes do, and leaves everything else to them", async () => {
  const exp = await eris.api("POST", "/api/v1/experiment/", {
    name: "lane",
    steps: [{ do: "cm.wait", where: { time_in_seconds: 0 } }],
  });
  const big = await eris.api("POST", "/api/v1/experiment/", {
    name: "big",
    description: "y".repeat(4000),
    steps: [{ do: "cm.wait", where: { time_in_seconds: 0 } }],
  });
  const e = `/api/v1/experiment/${exp.body.id}/`;
  for (let i = 0; i < 3; i++) await eris.api("POST", `${e}schedule/`, { recurrence_pattern: `${i} 3 * * *` });
  const s = (await eris.api("GET", `${e}schedule/`)).body[0].id as string;
  const trial = await eris.api("POST", "/api/v1/trial/", { experiment: exp.body.id });
  const t = `/api/v1/trial/${trial.body.id}/`;
  await until("the trial finished", async () => (await eris.api("GET", t)).body.status === "Succeeded", 60_000);
  const paths = [
    t,
    e,
    e.slice(0, -1),
    `/api/v1/experiment/${big.body.id}/`,
    `${e}schedule/${s}/`,
    `${e}schedule/${s}`,
    `${e}schedule/`,
    `${e}schedule?limit=1&offset=1`,
  ];
  for (const p of paths) {
    for (const encoding of ["identity", "gzip, deflate, br"]) {
      const ask = { "x-request-id": "lane-check-1", "accept-encoding": encoding };
      const lane = await get(p, ask);
      const route = await get(viaRoute(p), ask);
      expect([byLane(lane), byLane(route)], `${p} ${encoding}: who answered`).toEqual([true, false]);
      expect(lane.status, p).toBe(200);
      expect(text(lane), `${p} ${encoding}`).toBe(text(route));
      expect(stable(lane.headers), `${p} ${encoding}`).toEqual({
        ...stable(route.headers),
        // Links name the request's own address, which carries the route's extra parameter.
        ...(route.headers.link ? { link: String(route.headers.link).replace(/([?&])via=route&?/g, "$1") } : {}),
      });
      expect(lane.headers["x-request-id"]).toBe("lane-check-1");

      const tag = lane.headers.etag as string;
      const lane304 = await get(p, { "if-none-match": tag });
      const route304 = await get(viaRoute(p), { "if-none-match": tag });
      expect([lane304.status, route304.status], p).toEqual([304, 304]);
      expect(lane304.body.length + route304.body.length).toBe(0);
    }
  }

  // Not the lane's: unknown ids, a cookie session, a revoked token, an upper-case id, bad paging.
  const unknown = await get("/api/v1/experiment/6f1c1b2e-3d4a-4b5c-8d6e-7f8091a2b3c4/", {});
  expect([unknown.status, byLane(unknown)]).toEqual([404, false]);
  expect(JSON.parse(unknown.body.toString())).toEqual({ detail: "Not found." });
  const unknownSchedule = await get(`${e}schedule/6f1c1b2e-3d4a-4b5c-8d6e-7f8091a2b3c4/`, {});
  expect([unknownSchedule.status, byLane(unknownSchedule)]).toEqual([404, false]);
  const badPage = await get(`${e}schedule?limit=0`, {});
  expect([badPage.status, byLane(badPage)]).toEqual([400, false]);
  expect(JSON.parse(badPage.body.toString())).toHaveProperty("limit");
  expect(byLane(await get(e, { cookie: "next-auth.session-token=forged" }))).toBe(false);
  const upper = await get(e.toUpperCase().replace("/API/V1/EXPERIMENT/", "/api/v1/experiment/"), {});
  expect([upper.status, byLane(upper)]).toEqual([200, false]);
  const minted = await eris.api("POST", "/api/v1/auth/token", { ...ADMIN, name: "to revoke" });
  await eris.api("DELETE", `/api/v1/auth/token/${minted.body.id}/`);
  const revoked = await new Promise<number>((resolve) =>
    http.get(`${eris.base}${e}`, { headers: { authorization: `Bearer ${minted.body.token}` } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    }),
  );
  expect(revoked).toBe(401);
}, 120_000);
