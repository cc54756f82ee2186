import { expect, test } from "vitest";
import { parseDurationSeconds, sample, withName } from "./common";

test("parseDurationSeconds reads the usual forms and rejects the rest", () => {
  expect(parseDurationSeconds("10s")).toBe(10);
  expect(parseDurationSeconds("90")).toBe(90);
  expect(parseDurationSeconds("5m")).toBe(300);
  expect(parseDurationSeconds("1h30m")).toBe(5400);
  expect(parseDurationSeconds("10 minutes")).toBe(600);
  expect(parseDurationSeconds("2 hours ago")).toBe(7200);
  expect(parseDurationSeconds("1d")).toBe(86400);
  expect(parseDurationSeconds("soon")).toBeNull();
  expect(parseDurationSeconds("5 parsecs")).toBeNull();
  expect(parseDurationSeconds("x5m")).toBeNull();
  expect(parseDurationSeconds("")).toBeNull();
});

test("sample draws without replacement and caps at the pool size", () => {
  expect(sample([1, 2, 3], 5).sort()).toEqual([1, 2, 3]);
  expect(sample([1, 2, 3], 0)).toEqual([]);
  expect(sample([1, 2, 3], 2, () => 0)).toEqual([1, 2]);
});

test("withName formats chaostoolkit selectors", () => {
  expect(withName("name in ({name})", "web")).toBe("name in (web)");
  expect(withName("app=x", undefined)).toBe("app=x");
  expect(withName("", "web")).toBeUndefined();
});
