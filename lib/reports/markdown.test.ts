import { expect, test } from "vitest";
import type { Journal } from "./journal";
import { renderMarkdown } from "./markdown";
import { mdCode, mdInline } from "./markdown-text";

const EVIL = {
  name: `<img src=x onerror="alert(1)"> | *bold* [link](javascript:alert(1))`,
  description: "first line\n# not a heading\n<!-- everything after this hides\n    indented code?\n- not a list",
  step: "step `with` backticks | and a pipe <script>alert(2)</script>",
  do: "cm.http_probe`|`<b>",
  reason: "Step failed: <!-- hidden --> `boom`",
  log: "[ERROR] ``` fence breaker\n<img src=x onerror=alert(3)>",
};

const journal = {
  title: "Eris <Report>",
  generated_at: "2026-11-25T12:00:00Z",
  time_zone: "UTC",
  summary: { experiments: 1, trials: 1, succeeded: 0, failed: 1, other: 0, success_rate: 0 },
  experiments: [
    {
      id: "e",
      name: EVIL.name,
      description: EVIL.description,
      summary: { trials: 1, succeeded: 0, failed: 1, other: 0, success_rate: 0 },
      trials: [
        {
          id: "t-1",
          status: "Failed",
          status_reason: EVIL.reason,
          start: "2026-11-25T12:00:00Z",
          end: "2026-11-25T12:00:01Z",
          initiated_by: "ada@example.com",
          steps: [
            {
              list: "steps",
              name: EVIL.step,
              description: null,
              do: EVIL.do,
              status: "failed",
              duration_seconds: 1,
              logs: [EVIL.log],
            },
          ],
          // A guard's name and what it saw are embedded too.
          guards: [
            {
              name: EVIL.name,
              do: EVIL.do,
              interval_seconds: 1,
              tolerance: 0,
              checks: 1,
              failures: 1,
              tripped_at: "2026-11-25T12:00:01Z",
              last_message: EVIL.reason,
            },
          ],
        },
      ],
    },
  ],
} as unknown as Journal;

/** What a CommonMark renderer shows for escaped inline text: backslash escapes and entities undone. */
const shown = (md: string) =>
  md
    .replace(/\\([!-/:-@[-`{-~])/g, "$1")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");

test("names, descriptions, reasons and steps cannot open HTML, comments, links, headings or table cells", () => {
  const md = renderMarkdown(journal);
  // No tag and no comment survives outside fenced blocks and code spans (shown literally).
  const prose = md.replace(/^(`{3,})text\n[\s\S]*?\n\1$/gm, "").replace(/(?<!\\)(`+) ?.*? ?\1/g, "");
  expect(prose).not.toMatch(/<[a-z!/]/i);
  expect(prose).not.toMatch(/(?<!\\)\]\(/);
  // The only headings are the report's own.
  expect(md.match(/^#{1,6} .*/gm)).toEqual([
    "# Eris &lt;Report&gt;",
    expect.stringMatching(/^## &lt;img/),
    "### Failed: trial t-1",
  ]);
  // The step row still has exactly five cells: every pipe inside is escaped.
  const row = md.split("\n").find((l) => l.startsWith("| steps"));
  expect(row?.split(/(?<!\\)\|/).length).toBe(7);
  // What a reader sees is the original text.
  expect(shown(mdInline(EVIL.name))).toBe(EVIL.name);
  expect(shown(mdInline(EVIL.reason))).toBe(EVIL.reason);
});

test("code spans and log fences are longer than any backtick run inside them", () => {
  expect(mdCode("a`b")).toBe("``a`b``");
  expect(mdCode("`x`")).toBe("`` `x` ``");
  expect(mdCode("a|b")).toBe("`a\\|b`");
  const md = renderMarkdown(journal);
  expect(md).toContain("````text\n[ERROR] ``` fence breaker\n<img src=x onerror=alert(3)>\n````");
  expect(md).toContain("Log of step \\`with\\` backticks \\| and a pipe &lt;script&gt;alert\\(2\\)&lt;/script&gt;:");
});

test("a description's lines cannot start a block: a heading, a list, an indented code block", () => {
  const md = renderMarkdown(journal);
  const paragraph = md.split("\n## ")[1].split("\n\n")[1];
  expect(paragraph.split("  \n")).toEqual([
    "first line",
    "\\# not a heading",
    "&lt;\\!-- everything after this hides",
    "indented code?",
    "\\- not a list",
  ]);
});
