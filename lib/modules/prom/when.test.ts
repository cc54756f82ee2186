import { expect, test } from "vitest";
import { FailedAction } from "../types";
import { formatSeconds, parseDuration, parseTime } from "./when";

const NOW = Date.UTC(2024, 2, 7, 12, 0, 0); // ms
const now = NOW / 1000;

test("now and relative times", () => {
  expect(parseTime("now", NOW)).toBe(now);
  expect(parseTime(" NOW ", NOW)).toBe(now);
  expect(parseTime("5 minutes ago", NOW)).toBe(now - 300);
  expect(parseTime("1 minute ago", NOW)).toBe(now - 60);
  expect(parseTime("5 seconds ago", NOW)).toBe(now - 5);
  expect(parseTime("1 second ago", NOW)).toBe(now - 1);
  expect(parseTime("2 hours ago", NOW)).toBe(now - 7200);
  expect(parseTime("an hour ago", NOW)).toBe(now - 3600);
  expect(parseTime("a day ago", NOW)).toBe(now - 86_400);
  expect(parseTime("3 days ago", NOW)).toBe(now - 3 * 86_400);
  expect(parseTime("1 week ago", NOW)).toBe(now - 604_800);
  expect(parseTime("1.5 hours ago", NOW)).toBe(now - 5400);
});

test("short units", () => {
  expect(parseTime("5m ago", NOW)).toBe(now - 300);
  expect(parseTime("5 m ago", NOW)).toBe(now - 300);
  expect(parseTime("10s ago", NOW)).toBe(now - 10);
  expect(parseTime("2h ago", NOW)).toBe(now - 7200);
  expect(parseTime("1d ago", NOW)).toBe(now - 86_400);
  expect(parseTime("15 mins ago", NOW)).toBe(now - 900);
  expect(parseTime("30 secs ago", NOW)).toBe(now - 30);
});

test("ISO-8601 times, zone-less ones read as UTC", () => {
  expect(parseTime("2024-03-07T11:00:00Z", NOW)).toBe(now - 3600);
  expect(parseTime("2024-03-07T11:00:00.250Z", NOW)).toBe(now - 3600 + 0.25);
  expect(parseTime("2024-03-07T13:00:00+02:00", NOW)).toBe(now - 3600);
  expect(parseTime("2024-03-07T11:00:00", NOW)).toBe(now - 3600);
  expect(parseTime("2024-03-07 11:00", NOW)).toBe(now - 3600);
  expect(parseTime("2024-03-07", NOW)).toBe(Date.UTC(2024, 2, 7) / 1000);
  expect(parseTime("2024-03-07t11:00:00z", NOW)).toBe(now - 3600);
});

test("unix seconds as numbers and strings", () => {
  expect(parseTime(1_700_000_000)).toBe(1_700_000_000);
  expect(parseTime(1_700_000_000.5)).toBe(1_700_000_000.5);
  expect(parseTime("1700000000")).toBe(1_700_000_000);
  expect(parseTime("1700000000.25")).toBe(1_700_000_000.25);
});

test("anything else is a FailedAction naming the input and the accepted forms", () => {
  for (const bad of ["yesterday", "5 parsecs ago", "in 5 minutes", "March 7 2024", "7/3/2024", "", "5 minutes", "-5"]) {
    expect(() => parseTime(bad, NOW)).toThrow(FailedAction);
    expect(() => parseTime(bad, NOW)).toThrow(`failed to parse '${bad}'`);
  }
  expect(() => parseTime("2024-13-45T99:00:00Z", NOW)).toThrow(/ISO-8601/);
  expect(() => parseTime(-1)).toThrow(FailedAction);
  expect(() => parseTime(Number.NaN)).toThrow(FailedAction);
});

test("durations: Prometheus syntax or seconds", () => {
  expect(parseDuration("1d")).toBe(86_400);
  expect(parseDuration("90m")).toBe(5400);
  expect(parseDuration("1h30m")).toBe(5400);
  expect(parseDuration("30s")).toBe(30);
  expect(parseDuration("500ms")).toBe(0.5);
  expect(parseDuration("1w")).toBe(604_800);
  expect(parseDuration(15)).toBe(15);
  expect(parseDuration("15")).toBe(15);
  for (const bad of ["", "0s", "1 day", "d", "1.5h", 0, -3]) {
    expect(() => parseDuration(bad)).toThrow(FailedAction);
  }
});

test("formatSeconds keeps milliseconds and drops float noise", () => {
  expect(formatSeconds(1_700_000_000.1234)).toBe("1700000000.123");
  expect(formatSeconds(0.1 + 0.2)).toBe("0.3");
  expect(formatSeconds(60)).toBe("60");
});
