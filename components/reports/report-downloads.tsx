/**
 * Download links for a trial's or an experiment's report in every format. Plain links: the
 * browser sends the session cookie and saves the attachment under the name the API gives it.
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

export function ReportDownloads({ scope }: Props) {
  const query = "trial" in scope ? `trial-id=${scope.trial}` : `experiment=${scope.experiment}`;
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm" data-testid="report-downloads">
      <span className="text-slate-500">Report:</span>
      {FORMATS.map(({ format, label }) => (
        <a
          key={format}
          href={`/api/v1/report?${query}&format=${format}`}
          download
          className="rounded-md border border-slate-300 px-2 py-0.5 hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
        >
          {label}
        </a>
      ))}
    </div>
  );
}
