import { useSyncExternalStore } from "react";
import { browserTimeZone } from "./format";

const noSubscribe = () => () => {};

/** null while server-rendering and hydrating, so a form's default zone is the browser's, never the server's. */
export function useBrowserZone(): string | null {
  return useSyncExternalStore(noSubscribe, browserTimeZone, () => null);
}
