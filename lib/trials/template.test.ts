import { expect, test } from "vitest";
import { missingParameters, render } from "./template";

test("a whole-string placeholder keeps the value's JSON type", () => {
  const where = { time_in_seconds: "{{ seconds }}", flags: "{{flags}}", target: "{{ t }}" };
  expect(render(where, { seconds: 5, flags: { all: true }, t: null })).toEqual({
    time_in_seconds: 5,
    flags: { all: true },
    target: null,
  });
});

test("placeholders inside a longer string are substituted as text", () => {
  expect(render({ url: "http://{{ host }}:{{port}}/health" }, { host: "svc", port: 8080 })).toEqual({
    url: "http://svc:8080/health",
  });
  expect(render(["ns={{ cfg.ns }}"], { cfg: { ns: "prod" } })).toEqual(["ns=prod"]);
});

test("values cannot inject structure", () => {
  const evil = 'GET", "headers": {"X": "1"}, "z": "1';
  const out = render({ method: "{{ m }}", note: "m is {{ m }}" }, { m: evil });
  expect(Object.keys(out)).toEqual(["method", "note"]);
  expect(out.method).toBe(evil);
});

test("missing parameters are listed once each, nested and dotted ones included", () => {
  const where = { a: "{{ x }}", b: ["{{ y }} and {{ x }}"], c: { d: "{{ cfg.missing }}" }, e: "{{ cfg.ns }}" };
  expect(missingParameters(where, { cfg: { ns: "p" } })).toEqual(["x", "y", "cfg.missing"]);
  expect(missingParameters(where, { x: 1, y: 2, cfg: { ns: "p", missing: 0 } })).toEqual([]);
});
