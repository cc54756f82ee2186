/** Where the chosen theme is kept, and the choices; "system" follows prefers-color-scheme. */
export const THEME_STORAGE_KEY = "eris-theme";
export const THEMES = ["light", "dark", "system"] as const;
export type Theme = (typeof THEMES)[number];

/**
 * Runs inline in <head> before the first paint, so a dark page never flashes light. It must stay
 * self-contained (no imports), hence a string; it runs under the CSP with the request's nonce.
 */
export const THEME_INIT_SCRIPT = `(function(){try{var t=localStorage.getItem(${JSON.stringify(THEME_STORAGE_KEY)});var d=t==="dark"||((t!=="light")&&window.matchMedia("(prefers-color-scheme: dark)").matches);document.documentElement.classList.toggle("dark",d);document.documentElement.style.colorScheme=d?"dark":"light";}catch(e){}})();`;
