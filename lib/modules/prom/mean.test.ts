import { expect, test } from "vitest";
import { FailedAction } from "../types";
import { mean } from "./index";

test("means follow Python's statistics module", () => {
  expect(mean([1, 2, 3, 4], "arithmetic")).toBe(2.5);
  expect(mean([1, 2, 4, 8], "geometric")).toBeCloseTo(Math.sqrt(8), 12);
  expect(mean([1, 2, 4, 8], "harmonic")).toBeCloseTo(4 / (1 + 1 / 2 + 1 / 4 + 1 / 8), 12);
  expect(mean([0, 2], "geometric")).toBe(0);
  expect(mean([0, 2], "harmonic")).toBe(0);
  expect(() => mean([-1, 2], "geometric")).toThrow(FailedAction);
  expect(() => mean([-1, 2], "harmonic")).toThrow(FailedAction);
});
