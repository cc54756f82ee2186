import { expect, test } from "vitest";
import { describeWindow, nextOpening, openWindow, openingAt, type WindowRule } from "./evaluate";

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number | undefined | null) => (ms == null ? null : new Date(ms).toISOString());

const evenings: WindowRule = {
  id: "w1",
  name: "evenings",
  experimentId: null,
  kind: "recurring",
  cron: "0 17 * * 1-5",
  durationSeconds: 16 * 3600,
  timezone: "Europe/Paris",
  startsAt: null,
  endsAt: null,
  onRunning: "finish",
};
const freeze: WindowRule = {
  ...evenings,
  id: "w2",
  name: "freeze",
  kind: "fixed",
  cron: null,
  durationSeconds: null,
  startsAt: at("2026-12-20T00:00:00Z"),
  endsAt: at("2027-01-04T00:00:00Z"),
};

test("a recurring window: weekdays 17:00 to 09:00 Paris time, read in winter and in summer", () => {
  // Winter (UTC+1): Tuesday 17:00 local is 16:00Z; it closes Wednesday 09:00 local = 08:00Z.
  expect(openingAt(evenings, at("2026-01-13T15:59:59Z"))).toBeNull();
  const winter = openingAt(evenings, at("2026-01-13T16:00:00Z"));
  expect(iso(winter?.opensAt)).toBe("2026-01-13T16:00:00.000Z");
  expect(iso(winter?.closesAt)).toBe("2026-01-14T08:00:00.000Z");
  expect(openingAt(evenings, at("2026-01-14T08:00:00Z"))).toBeNull();
  // Summer (UTC+2): the same wall-clock hours, an hour earlier in UTC.
  const summer = openingAt(evenings, at("2026-06-16T20:00:00Z"));
  expect(iso(summer?.opensAt)).toBe("2026-06-16T15:00:00.000Z");
  expect(iso(summer?.closesAt)).toBe("2026-06-17T07:00:00.000Z");
  // Friday evening's window ends Saturday 09:00; nothing opens on the weekend.
  expect(openingAt(evenings, at("2026-06-20T12:00:00Z"))).toBeNull();
});

test("DST inside a recurring window: the night the clocks change still closes at 09:00 local", () => {
  // Thursday 2026-03-26 17:00 CET = 16:00Z … Friday 09:00 CET = 08:00Z (no change that night).
  expect(iso(openingAt(evenings, at("2026-03-27T07:59:00Z"))?.closesAt)).toBe("2026-03-27T08:00:00.000Z");
  // Europe springs forward on Sunday 2026-03-29 at 02:00; a nightly window that spans it:
  const nightly: WindowRule = { ...evenings, cron: "0 22 * * *", durationSeconds: 11 * 3600 };
  const spring = openingAt(nightly, at("2026-03-29T05:00:00Z"));
  expect(iso(spring?.opensAt)).toBe("2026-03-28T21:00:00.000Z"); // 22:00 CET
  expect(iso(spring?.closesAt)).toBe("2026-03-29T07:00:00.000Z"); // 09:00 CEST: 10 real hours
  expect(openingAt(nightly, at("2026-03-29T07:00:00Z"))).toBeNull();
  // And falls back on Sunday 2026-10-25 at 03:00: that night lasts 12 real hours.
  const autumn = openingAt(nightly, at("2026-10-25T07:30:00Z"));
  expect(iso(autumn?.opensAt)).toBe("2026-10-24T20:00:00.000Z"); // 22:00 CEST
  expect(iso(autumn?.closesAt)).toBe("2026-10-25T08:00:00.000Z"); // 09:00 CET
});

test("a fixed window, the window that closes last wins, the next opening and a description", () => {
  expect(openingAt(freeze, at("2026-12-19T23:59:59Z"))).toBeNull();
  expect(openingAt(freeze, at("2026-12-20T00:00:00Z"))?.window.name).toBe("freeze");
  expect(openingAt(freeze, at("2027-01-04T00:00:00Z"))).toBeNull();
  // On a weekday evening inside the freeze, the freeze (closing later) is the one named.
  expect(openWindow([evenings, freeze], at("2026-12-22T18:00:00Z"))?.window.name).toBe("freeze");
  expect(iso(nextOpening(freeze, at("2026-12-01T00:00:00Z")))).toBe("2026-12-20T00:00:00.000Z");
  expect(nextOpening(freeze, at("2027-01-01T00:00:00Z"))).toBeNull();
  expect(iso(nextOpening(evenings, at("2026-01-13T12:00:00Z")))).toBe("2026-01-13T16:00:00.000Z");
  expect(describeWindow(evenings)).toBe("At 17:00, Monday through Friday, for 16 hours (Europe/Paris)");
  expect(describeWindow(freeze)).toBe("from 2026-12-20T00:00:00Z to 2027-01-04T00:00:00Z");
});
