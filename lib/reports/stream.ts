/**
 * Reports are written as a stream: a format is a writer that turns the report's head, then each
 * experiment and each of its trials in turn, into text. The stream pulls one page of trials at a
 * time from the database when the reader is ready for more, so a report of ten thousand trials
 * holds no more than a page of them in memory.
 */
import type { ReportSource, ReportTrial } from "./collect";
import { type Journal, type JournalHead, type JournalTrial, journalTrial } from "./journal";

export type ExperimentHead = JournalHead["experiments"][number];

/** One format, as the parts of a report in the order they are written. */
export type ReportWriter<T = JournalTrial> = {
  begin(): string;
  experimentStart(e: ExperimentHead, index: number): string;
  trial(t: T, index: number, e: ExperimentHead): string;
  experimentEnd(e: ExperimentHead, trials: number): string;
  end(): string;
};
export type WriterFactory<T = JournalTrial> = (head: JournalHead) => ReportWriter<T>;

/** A writer of journal trials, fed the database's trials (each becomes its journal entry when written). */
export const fromJournal =
  (factory: WriterFactory): WriterFactory<ReportTrial> =>
  (head) => {
    const w = factory(head);
    return { ...w, trial: (t, i, e) => w.trial(journalTrial(t), i, e) };
  };

/** The report's text, a chunk per experiment boundary and per trial. */
export async function* reportChunks(
  source: ReportSource,
  head: JournalHead,
  factory: WriterFactory<ReportTrial>,
): AsyncGenerator<string> {
  const w = factory(head);
  yield w.begin();
  for (const [i, e] of head.experiments.entries()) {
    yield w.experimentStart(e, i);
    let n = 0;
    for await (const page of source.trialPages(e.id)) {
      for (const t of page) yield w.trial(t, n++, e);
    }
    yield w.experimentEnd(e, n);
  }
  yield w.end();
}

/** A byte stream that reads the next page only when the reader has taken the previous one. */
export function streamChunks(chunks: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        for (;;) {
          const next = await chunks.next();
          if (next.done) return controller.close();
          if (next.value) return controller.enqueue(encoder.encode(next.value));
        }
      },
      async cancel() {
        await chunks.return(undefined);
      },
    },
    { highWaterMark: 1 },
  );
}

/** A whole journal in one string, through the same writer the stream uses (tests, small reports). */
export function writeJournal(factory: WriterFactory, j: Journal): string {
  const { experiments, ...rest } = j;
  const head: JournalHead = { ...rest, experiments: experiments.map(({ trials: _, ...e }) => e) };
  const w = factory(head);
  let out = w.begin();
  for (const [i, e] of j.experiments.entries()) {
    out += w.experimentStart(head.experiments[i], i);
    e.trials.forEach((t, n) => {
      out += w.trial(t, n, head.experiments[i]);
    });
    out += w.experimentEnd(head.experiments[i], e.trials.length);
  }
  return out + w.end();
}
