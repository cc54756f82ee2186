/**
 * The form's presets: each writes a 5-field cron pattern from a few values, and the edit page reads
 * a stored pattern back into its preset when it has one of these shapes (otherwise "custom").
 */
export const PRESETS = ["minutes", "hourly", "daily", "weekdays", "weekly", "monthly", "custom"] as const;
export type PresetKind = (typeof PRESETS)[number];

export const PRESET_LABEL: Record<PresetKind, string> = {
  minutes: "Every N minutes",
  hourly: "Hourly",
  daily: "Daily at…",
  weekdays: "Weekdays at…",
  weekly: "Weekly on a day at…",
  monthly: "Monthly on day D at…",
  custom: "Custom cron or @every",
};

export const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** `time` is HH:MM as an <input type="time"> gives it; the others are numbers kept as text while typed. */
export type PresetValues = { every: string; minute: string; time: string; weekday: string; monthDay: string };

export const DEFAULT_VALUES: PresetValues = { every: "15", minute: "0", time: "09:00", weekday: "1", monthDay: "1" };

const int = (text: string) => String(Number.parseInt(text, 10));

/** null for "custom", and while a value is half-typed (empty), so the pattern keeps its last good form. */
export function buildPattern(kind: PresetKind, v: PresetValues): string | null {
  const built = presetPattern(kind, v);
  return built?.includes("NaN") ? null : built;
}

function presetPattern(kind: PresetKind, v: PresetValues): string | null {
  const [hour = "0", minute = "0"] = v.time.split(":").map(int);
  switch (kind) {
    case "minutes":
      return everyMinutes(Number.parseInt(v.every, 10));
    case "hourly":
      return `${int(v.minute)} * * * *`;
    case "daily":
      return `${minute} ${hour} * * *`;
    case "weekdays":
      return `${minute} ${hour} * * 1-5`;
    case "weekly":
      return `${minute} ${hour} * * ${int(v.weekday)}`;
    case "monthly":
      return `${minute} ${hour} ${int(v.monthDay)} * *`;
    case "custom":
      return null;
  }
}

/**
 * `*\/N` restarts at every hour, so it runs every N minutes only when N divides 60 (then on the
 * clock: :00, :15, …); any other N becomes `@every Nm`, counted from when the schedule is saved.
 */
function everyMinutes(n: number): string {
  if (!Number.isInteger(n) || n < 1) return "NaN";
  return n < 60 && 60 % n === 0 ? `*/${n} * * * *` : `@every ${n}m`;
}

const NUM = "(\\d{1,2})";
const pad = (n: string) => n.padStart(2, "0");
const SHAPES: [PresetKind, RegExp, (m: string[]) => Partial<PresetValues>][] = [
  ["minutes", new RegExp(`^\\*/${NUM} \\* \\* \\* \\*$`), ([, every]) => ({ every })],
  ["minutes", /^@every (\d{1,4})m$/, ([, every]) => ({ every })],
  ["hourly", new RegExp(`^${NUM} \\* \\* \\* \\*$`), ([, minute]) => ({ minute })],
  ["daily", new RegExp(`^${NUM} ${NUM} \\* \\* \\*$`), ([, m, h]) => ({ time: `${pad(h)}:${pad(m)}` })],
  ["weekdays", new RegExp(`^${NUM} ${NUM} \\* \\* 1-5$`), ([, m, h]) => ({ time: `${pad(h)}:${pad(m)}` })],
  [
    "weekly",
    new RegExp(`^${NUM} ${NUM} \\* \\* ([0-6])$`),
    ([, m, h, d]) => ({ time: `${pad(h)}:${pad(m)}`, weekday: d }),
  ],
  [
    "monthly",
    new RegExp(`^${NUM} ${NUM} ${NUM} \\* \\*$`),
    ([, m, h, d]) => ({ time: `${pad(h)}:${pad(m)}`, monthDay: d }),
  ],
];

export function presetFromPattern(pattern: string): { kind: PresetKind; values: PresetValues } {
  const text = pattern.trim().replace(/\s+/g, " ");
  for (const [kind, shape, read] of SHAPES) {
    const match = shape.exec(text);
    if (match) return { kind, values: { ...DEFAULT_VALUES, ...read(match) } };
  }
  return { kind: "custom", values: DEFAULT_VALUES };
}
