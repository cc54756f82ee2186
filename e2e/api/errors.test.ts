import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { api, createExperiment } from "./client";

const JSON_HEADERS = { "content-type": "application/json" };

const rawPost = (path: string, raw: string, headers: Record<string, string> = JSON_HEADERS) =>
  api("POST", path, undefined, { raw, headers });

/** Every route that reads a JSON body, for one experiment, schedule and trial. */
async function bodyRoutes(): Promise<[string, string][]> {
  const { id } = await createExperiment();
  const schedule = await api("POST", `/api/v1/experiment/${id}/schedule/`, { recurrence_pattern: "@hourly" });
  return [
    ["POST", "/api/v1/experiment/"],
    ["PUT", `/api/v1/experiment/${id}/`],
    ["PATCH", `/api/v1/experiment/${id}/`],
    ["POST", `/api/v1/experiment/${id}/schedule/`],
    ["PUT", `/api/v1/experiment/${id}/schedule/${schedule.body.id}/`],
    ["PATCH", `/api/v1/experiment/${id}/schedule/${schedule.body.id}/`],
    ["POST", "/api/v1/trial/"],
  ];
}

const listed = async (query: string) => {
  const res = await api("GET", `/api/v1/experiment/${query}`);
  return { ...res, ids: (res.body as { id: string }[]).map((e) => e.id) };
};

describe("request bodies", () => {
  test("malformed JSON is a 400 with DRF's JSON parse error detail on every body route", async () => {
    for (const [method, path] of await bodyRoutes()) {
      const res = await api(method, path, undefined, { raw: "{bad", headers: JSON_HEADERS });
      expect(res.status, `${method} ${path}`).toBe(400);
      expect(Object.keys(res.body)).toEqual(["detail"]);
      expect(res.body.detail).toMatch(/^JSON parse error - ./);
    }
  });

  test("a text/plain body is 415 naming the media type (DRF's sentence) and the ones that work", async () => {
    const res = await rawPost("/api/v1/experiment/", '{"name":"x","steps":[]}', {
      "content-type": "text/plain; charset=utf-8",
    });
    expect(res.status).toBe(415);
    expect(res.body).toEqual({
      detail:
        'Unsupported media type "text/plain" in request. Send JSON (application/json), or the flat fields as application/x-www-form-urlencoded or multipart/form-data.',
    });
  });

  test("a +json media type and a charset parameter are accepted", async () => {
    const body = '{"name":"vendor json","steps":[]}';
    expect((await rawPost("/api/v1/experiment/", body, { "content-type": "application/vnd.api+json" })).status).toBe(
      201,
    );
    expect(
      (await rawPost("/api/v1/experiment/", body, { "content-type": "application/json; charset=utf-8" })).status,
    ).toBe(201);
  });

  test.each([
    ["[]", "list"],
    ['"text"', "str"],
    ["42", "int"],
    ["null", "NoneType"],
  ])("a JSON %s body is a 400 in non_field_errors", async (raw, type) => {
    for (const [method, path] of await bodyRoutes()) {
      const res = await api(method, path, undefined, { raw, headers: JSON_HEADERS });
      expect(res.status, `${method} ${path}`).toBe(400);
      expect(res.body).toEqual({ non_field_errors: [`Invalid data. Expected a dictionary, but got ${type}.`] });
    }
  });

  test("an empty body is read as {} and reports the required fields", async () => {
    const res = await rawPost("/api/v1/experiment/", "");
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ name: ["This field is required."], steps: ["This field is required."] });
  });
});

describe("paging", () => {
  test("limit and offset page a list, with X-Total-Count and a Link header", async () => {
    for (let i = 0; i < 3; i++) await createExperiment({ name: `paged ${i}` });
    const all = await listed("");
    const total = all.ids.length;
    expect(all.headers.get("X-Total-Count")).toBe(String(total));
    expect(all.headers.get("Link")).toBeNull();

    const first = await listed("?limit=2&offset=0");
    expect(first.status).toBe(200);
    expect(first.ids).toEqual(all.ids.slice(0, 2));
    expect(first.headers.get("X-Total-Count")).toBe(String(total));
    const link = first.headers.get("Link")!;
    expect(link).toContain('</api/v1/experiment/?limit=2&offset=0>; rel="first"');
    expect(link).toContain('</api/v1/experiment/?limit=2&offset=2>; rel="next"');
    expect(link).toContain(`</api/v1/experiment/?limit=2&offset=${Math.floor((total - 1) / 2) * 2}>; rel="last"`);
    expect(link).not.toContain('rel="prev"');

    const second = await listed("?limit=2&offset=2");
    expect(second.ids).toEqual(all.ids.slice(2, 4));
    expect(second.headers.get("Link")).toContain('</api/v1/experiment/?limit=2&offset=0>; rel="prev"');
  });

  test("the last page has no next link", async () => {
    const total = Number((await listed("")).headers.get("X-Total-Count"));
    const last = await listed(`?limit=2&offset=${total - 1}`);
    expect(last.ids).toHaveLength(1);
    expect(last.headers.get("Link")).not.toContain('rel="next"');
  });

  test.each([
    ["limit=abc", { limit: ["A valid integer is required."] }],
    ["limit=0", { limit: ["Ensure this value is greater than or equal to 1."] }],
    ["limit=1001", { limit: ["Ensure this value is less than or equal to 1000."] }],
    ["offset=-1", { offset: ["A valid integer is required."] }],
    ["limit=x&offset=y", { limit: ["A valid integer is required."], offset: ["A valid integer is required."] }],
  ])("?%s is a 400 naming the parameter", async (query, errors) => {
    for (const path of ["/api/v1/experiment/", "/api/v1/trial/"]) {
      const res = await api("GET", `${path}?${query}`);
      expect(res.status).toBe(400);
      expect(res.body).toEqual(errors);
    }
  });

  test("lists are newest first, even for rows created in the same millisecond", async () => {
    const created: string[] = [];
    for (let i = 0; i < 10; i++) created.push((await createExperiment({ name: `burst ${i}` })).id);
    const newestFirst = [...created].reverse();
    expect((await listed(`?limit=${created.length}`)).ids).toEqual(newestFirst);
  });
});

describe("routes", () => {
  test.each(["GET", "POST", "PUT", "PATCH", "DELETE"])(
    "%s of an unknown path under /api/v1 is a JSON 404",
    async (method) => {
      const res = await api(method, "/api/v1/nope/deeper");
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).toMatch(/application\/json/);
      expect(res.body).toEqual({ detail: "Not found." });
    },
  );

  test("GET /health", async () => {
    const res = await api("GET", "/api/v1/health");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: "up" });
  });

  test("GET /info has Kallisti's version and platform first", async () => {
    const res = await api("GET", "/api/v1/info/");
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).slice(0, 2)).toEqual(["version", "platform"]);
    expect(res.body.platform).toEqual({ TOKEN_URL: "", AUTHORIZE_URL: "" });
    expect(res.body.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  test("GET / lists the resources with absolute URLs", async () => {
    const res = await api("GET", "/api/v1/");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      experiment: "http://eris.test/api/v1/experiment/",
      trial: "http://eris.test/api/v1/trial/",
    });
    expect((await api("POST", "/api/v1/")).status).toBe(405);
  });

  test("GET /openapi.json is OpenAPI 3.1 with every path", async () => {
    const res = await api("GET", "/api/v1/openapi.json");
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe("3.1.0");
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        "/experiment",
        "/experiment/{id}",
        "/experiment/{id}/schedule",
        "/experiment/{id}/schedule/{sid}",
        "/schedule/preview",
        "/import",
        "/experiment/{id}/export",
        "/trial",
        "/trial/{id}",
        "/trial/{id}/stop",
        "/health",
        "/info",
      ]),
    );
    expect(Object.keys(res.body.components.schemas)).toEqual(
      expect.arrayContaining([
        "Experiment",
        "Trial",
        "Schedule",
        "ExperimentCreate",
        "TrialCreate",
        "ScheduleWrite",
        "ImportResult",
      ]),
    );

    // Every route file of the API is in the reference (the catch-all 404 excepted).
    const routes = (dir: string, prefix = ""): string[] =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
        if (e.isFile()) return e.name === "route.ts" ? [prefix || "/"] : [];
        if (e.name.startsWith("[...")) return [];
        const segment = e.name.replace(/^\[(\w+)\]$/, "{$1}");
        return routes(path.join(dir, e.name), `${prefix}/${segment}`);
      });
    const documented = Object.keys(res.body.paths);
    expect(routes(path.resolve("app/api/v1")).filter((r) => r !== "/" && !documented.includes(r))).toEqual([]);
  });

  test("list routes answer with and without the trailing slash", async () => {
    for (const path of ["/api/v1/experiment", "/api/v1/experiment/", "/api/v1/trial", "/api/v1/trial/"]) {
      expect((await api("GET", path)).status, path).toBe(200);
    }
  });
});
