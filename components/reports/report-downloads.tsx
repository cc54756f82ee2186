"use client";

import { useSyncExternalStore } from "react";

/**
 * Download links for a trial's or an experiment's report in every format. Plain links: the
 * browser sends the session cookie and saves the attachment under the name the API gives it.
 * The reader's time zone goes along, so the readable formats show their times.
 */
const FORMATS = [
  { format: "html", label: "HTML" },
  { format: "pdf", label: "PDF" },
  { format: "json", label: "JSON" },
  { format: "junit", label: "JUnit" },
  { format: "md", label: "Markdown" },
  { format: "xml", label: "XML" },
] as const;

type Props = { scope: { trial: string } | { experiment: string } };

const noSubscribe = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";

export function ReportDownloads({ scope }: Props) {
  // null while rendering on the server: the links then carry no zone (the report uses UTC).
  const zone = useSyncExternalStore(noSubscribe, browserZone, () => null);
  const query = "trial" in scope ? `trial-id=${scope.trial}` : `experiment=${scope.experiment}`;
  const tz = zone ? `&tz=${encodeURIComponent(zone)}` : "";
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm" data-testid="report-downloads">
      <span className="text-slate-600 dark:text-slate-400">Report:</span>
      {FORMATS.map(({ format, label }) => (
        <a
          key={format}
          href={`/api/v1/report?${query}&format=${format}${tz}`}
          download
          className="rounded-md border border-slate-300 px-2 py-0.5 hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
        >
          {label}
        </a>
      ))}
    </div>
  );
}
