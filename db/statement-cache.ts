/**
 * drizzle asks better-sqlite3 to compile every query it runs, and compiling costs more than running
 * most of Eris's queries. This keeps the compiled statements by their SQL text (the most recently
 * used 500), so the same query is compiled once per connection. better-sqlite3 statements are
 * reusable; the one state a statement keeps between uses, raw mode (rows as arrays, which drizzle
 * turns on for typed selects), is reset on every reuse so that a caller expecting objects gets them.
 */
import type Database from "better-sqlite3";

const MAX_STATEMENTS = 500;

export function cacheStatements(client: Database.Database): void {
  const compile = client.prepare.bind(client);
  const cache = new Map<string, Database.Statement>();
  client.prepare = ((source: string) => {
    let statement = cache.get(source);
    if (statement) {
      // Most recently used last: the first entry is the one to drop.
      cache.delete(source);
      cache.set(source, statement);
      if (statement.reader) statement.raw(false);
      return statement;
    }
    statement = compile(source);
    cache.set(source, statement);
    if (cache.size > MAX_STATEMENTS) cache.delete(cache.keys().next().value as string);
    return statement;
  }) as typeof client.prepare;
}
