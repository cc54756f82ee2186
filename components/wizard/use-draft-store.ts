"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import { type Draft, draftFingerprint } from "./draft";
import { withoutSecrets } from "./draft-secrets";

const PREFIX = "eris.wizard-draft:";

type Stored = { savedAt: number; base: string | null; draft: Draft; dropped?: string[] };
/** `dropped`: fields whose secret values were not kept in the browser, to be typed again. */
export type Restored = { savedAt: number; outdated: boolean; dropped: string[] };

/** On sign-out: drafts are per browser, not per account, so none outlives the session. */
export function forgetAllDrafts() {
  try {
    for (const key of Object.keys(window.localStorage)) if (key.startsWith(PREFIX)) window.localStorage.removeItem(key);
  } catch {
    // Storage refused: there is nothing stored either.
  }
}

function read(key: string): Stored | null {
  try {
    const stored = JSON.parse(window.localStorage.getItem(PREFIX + key) ?? "null") as Stored | null;
    // A draft stored before guards existed has none.
    return stored?.draft ? { ...stored, draft: { ...stored.draft, guards: stored.draft.guards ?? [] } } : null;
  } catch {
    return null;
  }
}

/**
 * The wizard's draft, kept in this browser (localStorage) from the first change until it is saved
 * or discarded, so leaving, a reload or a crash loses nothing but secret values (never stored at
 * rest; see draft-secrets.ts). `key` is "new" or the experiment's id; `base` is the experiment's
 * updated_at, so a draft older than the experiment says so. Signing out forgets every draft.
 */
export function useDraftStore(key: string, base: string | null, initial: Draft) {
  const [draft, setDraft] = useState(initial);
  const [restored, setRestored] = useState<Restored | null>(null);
  const clean = useMemo(() => draftFingerprint(initial), [initial]);
  const dirty = draftFingerprint(draft) !== clean;
  const loaded = useRef(false);

  // Once, after the first render (the server cannot see the browser's storage).
  // biome-ignore lint/correctness/useExhaustiveDependencies: restores once per experiment
  useEffect(() => {
    const stored = read(key);
    if (stored && draftFingerprint(stored.draft) !== clean) {
      setDraft(stored.draft);
      setRestored({ savedAt: stored.savedAt, outdated: stored.base !== base, dropped: stored.dropped ?? [] });
    }
  }, [key]);

  useEffect(() => {
    // The first run sees the initial draft, before any restore: it must not erase what is stored.
    if (!loaded.current) {
      loaded.current = true;
      return;
    }
    try {
      if (dirty) {
        const kept = withoutSecrets(draft);
        const stored: Stored = { savedAt: Date.now(), base, draft: kept.draft, dropped: kept.dropped };
        window.localStorage.setItem(PREFIX + key, JSON.stringify(stored));
      } else window.localStorage.removeItem(PREFIX + key);
    } catch {
      // Storage full or refused (private mode): the draft still lives in the page.
    }
  }, [draft, dirty, key, base]);

  return {
    draft,
    setDraft,
    dirty,
    restored,
    /** Forgets the stored draft and goes back to the experiment as it was loaded. */
    discard() {
      window.localStorage.removeItem(PREFIX + key);
      setDraft(initial);
      setRestored(null);
    },
    /** After a save: nothing is left to keep. */
    forget() {
      window.localStorage.removeItem(PREFIX + key);
    },
  };
}
