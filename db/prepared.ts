/**
 * Statements the hottest requests run (the token behind every API call, an experiment by id),
 * built and compiled once per database handle instead of on every call: building a drizzle query
 * and compiling its SQL cost more than running it.
 */
// Keyed by the handle: a statement prepared inside a transaction serves that transaction only.
const cache = new WeakMap<object, Map<string, unknown>>();

export function prepared<T>(db: object, key: string, build: () => T): T {
  let byKey = cache.get(db);
  if (!byKey) {
    byKey = new Map();
    cache.set(db, byKey);
  }
  let statement = byKey.get(key) as T | undefined;
  if (statement === undefined) {
    statement = build();
    byKey.set(key, statement);
  }
  return statement;
}
