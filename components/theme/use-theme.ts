"use client";

import { useCallback, useEffect, useState } from "react";
import { THEME_STORAGE_KEY, THEMES, type Theme } from "./theme-script";

const systemQuery = () => window.matchMedia("(prefers-color-scheme: dark)");

function readStoredTheme(): Theme {
  const stored = window.localStorage.getItem(THEME_STORAGE_KEY);
  return (THEMES as readonly string[]).includes(stored ?? "") ? (stored as Theme) : "system";
}

/** Mirrors THEME_INIT_SCRIPT: the `dark` class drives Tailwind's dark variant, color-scheme the form controls. */
function applyTheme(theme: Theme) {
  const dark = theme === "dark" || (theme === "system" && systemQuery().matches);
  document.documentElement.classList.toggle("dark", dark);
  document.documentElement.style.colorScheme = dark ? "dark" : "light";
}

/** The chosen theme, persisted in localStorage; "system" keeps following the OS setting live. */
export function useTheme() {
  // null until mounted: the server cannot know the stored choice, so render nothing pressed at first.
  const [theme, setThemeState] = useState<Theme | null>(null);

  useEffect(() => setThemeState(readStoredTheme()), []);

  useEffect(() => {
    if (theme !== "system") return;
    const query = systemQuery();
    const follow = () => applyTheme("system");
    query.addEventListener("change", follow);
    return () => query.removeEventListener("change", follow);
  }, [theme]);

  const setTheme = useCallback((next: Theme) => {
    window.localStorage.setItem(THEME_STORAGE_KEY, next);
    applyTheme(next);
    setThemeState(next);
  }, []);

  return { theme, setTheme };
}
