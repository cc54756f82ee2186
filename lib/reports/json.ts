/**
 * The JSON journal as a stream, byte for byte what `JSON.stringify(journal, null, 2)` gives: the
 * head is stringified with a marker where its list goes, and each trial is stringified on its own
 * and indented to its depth (JSON strings hold no raw newline, so indenting line by line is safe).
 */
import type { JournalTrial } from "./journal";
import type { WriterFactory } from "./stream";

const MARK = "\u0000eris-report-list\u0000";
const MARKED = JSON.stringify(MARK);

/** The text before and after the marker that stands for the object's last member, a list. */
function around(value: object, indent: string): [string, string] {
  const text = JSON.stringify(value, null, 2).replace(/\n/g, `\n${indent}`);
  // The list is the last member, so the last occurrence is the marker (a name could hold its text).
  const at = text.lastIndexOf(MARKED);
  return [text.slice(0, at), text.slice(at + MARKED.length)];
}

const indented = (value: unknown, indent: string) => JSON.stringify(value, null, 2).replace(/\n/g, `\n${indent}`);

export const jsonWriter: WriterFactory<JournalTrial> = (head) => {
  const [begin, end] = around({ ...head, experiments: MARK }, "");
  const empty = head.experiments.length === 0;
  // The text after the experiment's trials, kept from its start (experiments are written one at a time).
  let experimentClose = "";
  return {
    begin: () => begin + (empty ? "[]" : "["),
    experimentStart(e, i) {
      const [open, close] = around({ ...e, trials: MARK }, "    ");
      experimentClose = close;
      return `${i ? "," : ""}\n    ${open}[`;
    },
    trial: (t, i) => `${i ? "," : ""}\n        ${indented(t, "        ")}`,
    experimentEnd: (_, n) => `${n ? "\n      ]" : "]"}${experimentClose}`,
    end: () => `${empty ? "" : "\n  ]"}${end}\n`,
  };
};
