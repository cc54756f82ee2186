import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { ApiError, apiFetch } from "@/lib/client/api-fetch";
import type { Preview } from "./types";

function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * The next 10 runs of a pattern in a zone, asked of the server (the same parser the runner uses)
 * once typing pauses for 400 ms. `fieldErrors` holds the API's 400 messages by the form's field
 * names: the preview names its query parameter `pattern`, the form's field is `recurrence_pattern`.
 */
export function usePreview(pattern: string, timezone: string) {
  const query = useDebounced({ pattern: pattern.trim(), timezone: timezone.trim() }, 400);
  const result = useQuery({
    queryKey: ["schedule-preview", query.pattern, query.timezone],
    queryFn: ({ signal }) =>
      apiFetch<Preview>(`/api/v1/schedule/preview?${new URLSearchParams({ ...query, count: "10" })}`, { signal }),
    enabled: query.pattern !== "" && query.timezone !== "",
    retry: false,
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
  const { pattern: patternError, ...fieldErrors } = result.error instanceof ApiError ? result.error.fields : {};
  if (patternError) fieldErrors.recurrence_pattern = patternError;
  const settling = query.pattern !== pattern.trim() || query.timezone !== timezone.trim();
  return { ...result, fieldErrors, settling };
}
