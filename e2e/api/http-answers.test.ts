/**
 * Cached answers as they travel over real HTTP from `npm start` (the in-process suites call the
 * route handlers directly and cannot see what the framework does to a response on its way out):
 * gzip applied once when the client accepts it, plain JSON otherwise, ETags and 304 intact.
 */
import http from "node:http";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, expect, test } from "vitest";
import { type Eris, ensureBuilt, startEris } from "@/e2e/fixtures/eris-process";

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
