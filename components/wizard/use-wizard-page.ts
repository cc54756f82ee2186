"use client";

import { useSearchParams } from "next/navigation";
import { useCallback } from "react";
import { PAGES, type PageId } from "./pages";

/**
 * The wizard's page lives in the address (`?page=steps`), so Back and Forward move between pages
 * and a reload stays on the page. The browser's own pushState is used: Next.js follows it (the
 * search params update) without asking the server for the page again.
 */
export function useWizardPage(): [PageId, (page: PageId) => void] {
  const asked = useSearchParams().get("page");
  const page = PAGES.some((p) => p.id === asked) ? (asked as PageId) : "basics";
  const goTo = useCallback((next: PageId) => {
    const url = new URL(window.location.href);
    if (next === "basics") url.searchParams.delete("page");
    else url.searchParams.set("page", next);
    if (url.href !== window.location.href) window.history.pushState(null, "", url);
  }, []);
  return [page, goTo];
}
