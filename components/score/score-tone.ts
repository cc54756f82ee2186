/** Colour by band, always shown with the number itself (colour is never the only signal). */
export function scoreTone(score: number | null): string {
  if (score === null) return "text-slate-600 dark:text-slate-400";
  if (score >= 80) return "text-emerald-700 dark:text-emerald-400";
  if (score >= 50) return "text-amber-700 dark:text-amber-400";
  return "text-red-700 dark:text-red-400";
}

export function scoreBar(score: number): string {
  if (score >= 80) return "bg-emerald-600";
  if (score >= 50) return "bg-amber-500";
  return "bg-red-600";
}
