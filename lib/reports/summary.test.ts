import { expect, test } from "vitest";
import { countTrials, formatSeconds, formatTime, summarySentence } from "./summary";

test("one set of numbers: succeeded, failed (Failed, Aborted, Invalid) and the rest, and a rate over the first two", () => {
  const c = countTrials(["Succeeded", "Succeeded", "Stopped", "Skipped", "In Progress"]);
  expect(c).toEqual({ trials: 5, succeeded: 2, failed: 0, other: 3, success_rate: 1 });
  expect(summarySentence(c)).toBe(
    "5 trials: 2 succeeded, 0 failed, 3 without an outcome (stopped, skipped or unfinished). Success rate 100% (2 of 2 with an outcome).",
  );
  expect(summarySentence(countTrials(["Succeeded", "Aborted", "Invalid", "Failed"]))).toBe(
    "4 trials: 1 succeeded, 3 failed. Success rate 25% (1 of 4 with an outcome).",
  );
  expect(summarySentence(countTrials(["Stopped"]))).toBe(
    "1 trial: 0 succeeded, 0 failed, 1 without an outcome (stopped, skipped or unfinished). No success rate: no trial has an outcome yet.",
  );
  expect(summarySentence(countTrials([]))).toBe("No trials.");
});

test("times name their zone; durations read as people say them", () => {
  expect(formatTime("2026-11-25T18:13:16.586Z", "UTC")).toBe("25 Nov 2026, 18:13:16 UTC");
  expect(formatTime("2026-11-25T18:13:16.586Z", "Europe/Paris")).toBe("25 Nov 2026, 19:13:16 CET");
  expect(formatTime(null, "UTC")).toBe("—");
  expect(formatSeconds(0.009)).toBe("9 ms");
  expect(formatSeconds(12.34)).toBe("12.3 s");
  expect(formatSeconds(125)).toBe("2 min 05 s");
  expect(formatSeconds(null)).toBe("—");
});
