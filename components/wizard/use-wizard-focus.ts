"use client";

import { type RefObject, useEffect, useRef } from "react";
import type { PageId } from "./pages";

/**
 * Where the keyboard goes in the wizard: on arrival at Basics, the Name field (the header's links
 * come before it otherwise); on every other page change, the page's heading; and after a save was
 * refused, the first invalid field, once the page holding it has rendered. Returns the function
 * that asks for the last.
 */
export function useWizardFocus(
  page: PageId,
  body: RefObject<HTMLElement | null>,
  heading: RefObject<HTMLElement | null>,
) {
  const focusInvalid = useRef(false);
  const firstPage = useRef(true);

  // biome-ignore lint/correctness/useExhaustiveDependencies: once, on arrival
  useEffect(() => {
    if (page === "basics") body.current?.querySelector<HTMLElement>("[data-autofocus]")?.focus();
  }, []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the page changes
  useEffect(() => {
    if (firstPage.current) firstPage.current = false;
    else if (!focusInvalid.current) heading.current?.focus();
  }, [page]);
  // Every render until the invalid field exists (a step page waits for the module catalogue).
  useEffect(() => {
    if (!focusInvalid.current) return;
    const field = body.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (!field) return;
    field.focus();
    focusInvalid.current = false;
  });

  return () => {
    focusInvalid.current = true;
  };
}
