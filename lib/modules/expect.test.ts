import { expect, test } from "vitest";
import { type Expectation, checkExpectations, parseExpectation } from "./expect";

const parse = (items: Record<string, unknown>[]) =>
  items.map((i) => {
    const e = parseExpectation(i);
    if ("error" in e) throw new Error(e.error);
    return e as Expectation;
  });

const probe = {
  status_code: 200,
  response: { status: "UP", health: { service_a: "UP" }, items: [1, 2] },
  latency: "0.25",
};

test("keys are JSONPath into the result; every operator", () => {
  expect(() =>
    checkExpectations(
      probe,
      parse([
        { operator: "eq", status_code: 200 },
        { operator: "eq", "response.status": "UP" },
      ]),
    ),
  ).not.toThrow();
  expect(() =>
    checkExpectations(
      probe,
      parse([
        { operator: "ne", status_code: 500 },
        { operator: "lt", status_code: 300 },
      ]),
    ),
  ).not.toThrow();
  expect(() =>
    checkExpectations(
      probe,
      parse([
        { operator: "le", status_code: 200 },
        { operator: "ge", status_code: 200 },
        { operator: "gt", status_code: 199 },
      ]),
    ),
  ).not.toThrow();
  expect(() =>
    checkExpectations(probe, parse([{ operator: "regex", "response.health.service_a": "^U" }])),
  ).not.toThrow();
  expect(() => checkExpectations(probe, parse([{ operator: "eq", "response.items[1]": 2 }]))).not.toThrow();
});

test("numbers given as strings compare as numbers (Prometheus values)", () => {
  expect(() => checkExpectations({ v: "3.0" }, parse([{ operator: "ge", v: "2.0" }]))).not.toThrow();
  expect(() => checkExpectations(probe, parse([{ operator: "lt", latency: 0.5 }]))).not.toThrow();
  expect(() => checkExpectations({ v: "10" }, parse([{ operator: "gt", v: "9" }]))).not.toThrow(); // "10" > "9" as text would fail
});

test("lists take a path appended to $, scalars are `value`", () => {
  const list = [
    { name: "a", value: 1 },
    { name: "b", value: 2 },
  ];
  expect(() =>
    checkExpectations(
      list,
      parse([
        { operator: "eq", "[1].value": 2 },
        { operator: "eq", '[?(@.name=="b")].value': 2 },
      ]),
    ),
  ).not.toThrow();
  expect(() => checkExpectations(3, parse([{ operator: "eq", value: 3 }]))).not.toThrow();
  expect(() => checkExpectations(true, parse([{ operator: "eq", value: true }]))).not.toThrow();
});

test("failures read as Kallisti's messages", () => {
  expect(() => checkExpectations(probe, parse([{ operator: "eq", status_code: 201 }]))).toThrow(
    "Expectation failed(200 == 201)",
  );
  expect(() => checkExpectations(probe, parse([{ operator: "regex", "response.status": "DOWN" }]))).toThrow(
    "Expectation failed(Regex pattern DOWN does not match UP.)",
  );
  expect(() => checkExpectations({ a: { b: "hello world" } }, parse([{ operator: "eq", "a.c": 1 }]))).toThrow(
    'The key path a.c is not found in {"a":{"b":"hello world"}}',
  );
});

test("bad expectations are reported before anything runs", () => {
  expect(parseExpectation({ operator: "contains", a: 1 })).toEqual({ error: "Invalid operator: contains" });
  expect(parseExpectation({ a: 1 })).toEqual({ error: "Invalid operator: None" });
  expect(parseExpectation({ operator: "eq" })).toEqual({ error: "Expectation with operator eq names no key to check" });
  expect(parseExpectation({ operator: "regex", a: "(" })).toMatchObject({
    error: expect.stringContaining("Invalid regex for a"),
  });
});
