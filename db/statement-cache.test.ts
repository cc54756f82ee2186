import Database from "better-sqlite3";
import { expect, test } from "vitest";
import { cacheStatements } from "./statement-cache";

test("a query is compiled once, and a statement used for rows as arrays gives objects to the next caller", () => {
  const db = new Database(":memory:");
  cacheStatements(db);
  db.exec("create table t (id integer primary key, name text)");
  db.prepare("insert into t (name) values (?)").run("a");
  const first = db.prepare("select id, name from t");
  expect(first.raw(true).all()).toEqual([[1, "a"]]);
  const again = db.prepare("select id, name from t");
  expect(again).toBe(first);
  expect(again.all()).toEqual([{ id: 1, name: "a" }]);
  // Writes are cached too (they have no raw mode to reset).
  expect(db.prepare("insert into t (name) values (?)")).toBe(db.prepare("insert into t (name) values (?)"));
  db.close();
});

test("the cache keeps the most recently used 500 statements", () => {
  const db = new Database(":memory:");
  cacheStatements(db);
  const kept = db.prepare("select 0 as n");
  for (let i = 1; i <= 600; i++) {
    db.prepare(`select ${i} as n`);
    if (i % 100 === 0) db.prepare("select 0 as n"); // used again: stays
  }
  expect(db.prepare("select 0 as n")).toBe(kept);
  const early = db.prepare("select 1 as n");
  expect(early.get()).toEqual({ n: 1 });
  db.close();
});
