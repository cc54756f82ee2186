import { v7 } from "uuid";

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * UUIDv7: the time of creation first, then a counter that keeps ids made in the same millisecond
 * by this process in order. Lists sort by creation time and break ties by id, so the order of rows
 * created within one millisecond is their order of creation on either database (no rowid needed).
 */
export const newId = (): string => v7();

export const isUuid = (s: unknown): s is string => typeof s === "string" && UUID_RE.test(s);
