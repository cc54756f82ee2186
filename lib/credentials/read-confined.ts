/**
 * Reads a file only when it really lies in an allowed directory and outside the refused ones:
 * the path is resolved (`..`, symlinks) before the check, opened without following a last-moment
 * symlink, and, where /proc is there, the opened descriptor's own path is checked again, so a swap
 * between the check and the open reads nothing. Every failure is the same `null`: the caller
 * cannot tell "not allowed" from "not found", and no content ever reaches a message.
 */
import { constants } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { isWithin } from "./allow-list";

/** Token files are small; kubeconfigs with embedded certificates stay well below this. */
export const MAX_CREDENTIAL_FILE_BYTES = 1024 * 1024;

export type Confinement<T extends { dir: string }> = { allowed: readonly T[]; refused: readonly string[] };
export type ConfinedRead<T> = { content: string; real: string; entries: T[] };

const realOr = async (p: string) => fs.realpath(p).catch(() => p);

/** The allowed entries whose directory holds `file`, both as written and once resolved. */
export async function entriesHolding<T extends { dir: string }>(
  file: string,
  c: Confinement<T>,
): Promise<{ real: string; entries: T[] } | null> {
  const abs = path.resolve(file);
  const lexical = c.allowed.filter((e) => isWithin(abs, e.dir));
  // Nothing outside the allowed directories is even looked at: no existence oracle there.
  if (!lexical.length || c.refused.some((r) => isWithin(abs, r))) return null;
  let real: string;
  try {
    real = await fs.realpath(abs);
  } catch {
    return null;
  }
  const entries: T[] = [];
  for (const e of lexical) if (isWithin(real, await realOr(e.dir))) entries.push(e);
  if (!entries.length) return null;
  for (const r of c.refused) if (isWithin(real, r) || isWithin(real, await realOr(r))) return null;
  return { real, entries };
}

export async function readConfined<T extends { dir: string }>(
  file: string,
  c: Confinement<T>,
): Promise<ConfinedRead<T> | null> {
  const found = await entriesHolding(file, c);
  if (!found) return null;
  let handle: fs.FileHandle | undefined;
  try {
    // O_NONBLOCK: a FIFO planted in an allowed directory must not hang the step on open.
    handle = await fs.open(found.real, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    const stat = await handle.stat();
    if (!stat.isFile() || stat.size > MAX_CREDENTIAL_FILE_BYTES) return null;
    const opened = await fs.readlink(`/proc/self/fd/${handle.fd}`).catch(() => found.real);
    if (opened !== found.real) return null;
    const content = await handle.readFile("utf8");
    return { content, real: found.real, entries: found.entries };
  } catch {
    return null;
  } finally {
    await handle?.close().catch(() => {});
  }
}
