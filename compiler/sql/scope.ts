// Values computed only inside one expression (the Dutch text of a value in
// an error message): each intermediate is named once and bound where the
// expression is used, instead of being written out at every reference.
// Written inline, `decimal(x)` repeats x's denominator dozens of times and
// each of its parts again at each use: a beperking's P0708 message alone was
// hundreds of kB of SQL.
// In: SQL texts that read earlier local columns by their names (`m__N`).
// Out: one self-contained SQL expression, evaluated only where it stands
// (inside the CASE branch of the row that has the error): DuckDB and Spark a
// chain of one-element list lambdas, PostgreSQL a scalar subquery of
// fenced layers.
// INVARIANT: a local name is only ever read inside bind()'s result.

import type { Dialect } from "./dialect.js";
import { Frame, type Names } from "./frame.js";
import { nesting, operand } from "./text.js";

const LOCAL = /\bm__\d+\b/g;

interface Def {
  sql: string;
  deps: string[];
  level: number;
}

/** The local columns of one query (shared by every LocalFrame on its Names). */
class Registry {
  readonly defs = new Map<string, Def>();
  readonly bySql = new Map<string, string>();
}
const REGISTRIES = new WeakMap<Names, Registry>();
function registry(names: Names): Registry {
  let r = REGISTRIES.get(names);
  if (!r) REGISTRIES.set(names, (r = new Registry()));
  return r;
}

/** A frame whose columns are local names, to be bound by bind(). */
export class LocalFrame extends Frame {
  constructor(names: Names) {
    super(names, "");
  }
  override col(sql: string): string {
    if (/^[A-Za-z0-9_'".]+$/.test(sql)) return sql;
    const r = registry(this.names);
    const found = r.bySql.get(sql);
    if (found) return found;
    const deps = [...new Set(sql.match(LOCAL) ?? [])].filter((d) => r.defs.has(d));
    const level = 1 + Math.max(0, ...deps.map((d) => r.defs.get(d)!.level));
    const name = this.names.fresh().replace("q__", "m__");
    r.defs.set(name, { sql, deps, level });
    r.bySql.set(sql, name);
    return name;
  }
}

/** `sql` with the local columns it reads bound around it. */
export function bind(names: Names, d: Dialect, sql: string): string {
  const r = registry(names);
  // The local columns read, transitively.
  const need = new Set<string>();
  const stack = [...(sql.match(LOCAL) ?? [])];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (need.has(n) || !r.defs.has(n)) continue;
    need.add(n);
    stack.push(...r.defs.get(n)!.deps);
  }
  if (need.size === 0) return sql;
  // Columns read once and small are written into their reader.
  const uses = new Map<string, number>();
  const count = (s: string) => {
    for (const n of s.match(LOCAL) ?? []) if (need.has(n)) uses.set(n, (uses.get(n) ?? 0) + 1);
  };
  for (const n of need) count(r.defs.get(n)!.sql);
  count(sql);
  const bs = names.backslash;
  // DuckDB runs a lambda at a cost of its own on every vector that reaches it
  // (about a millisecond), a row or not: a message written out whole is far
  // cheaper while it stays small.
  if (d.name === "duckdb") {
    const whole = inlineAll(r, need, sql, bs);
    if (whole !== null) return whole;
  }
  const text = new Map<string, string>();
  const subst = writeInto(text, bs);
  const cols: { name: string; sql: string; level: number; deps: string[] }[] = [];
  const levels = new Map<string, number>();
  for (const [name, def] of r.defs) {
    if (!need.has(name)) continue;
    const s = subst(def.sql);
    if ((uses.get(name) ?? 0) <= 1 && s.length < 2000 && nesting(s, bs) < 24) {
      text.set(name, s);
      continue;
    }
    const deps = [...new Set(s.match(LOCAL) ?? [])].filter((x) => levels.has(x));
    const level = 1 + Math.max(0, ...deps.map((x) => levels.get(x)!));
    levels.set(name, level);
    cols.push({ name, sql: s, level, deps });
  }
  const final = subst(sql);
  if (cols.length === 0) return final;
  return d.name === "postgres" ? subquery(names, cols, final) : lambdas(names, d, cols, final);
}

/** s with each local name that `text` holds written in its place (parenthesized where its neighbours need it). */
function writeInto(text: ReadonlyMap<string, string>, bs: boolean): (s: string) => string {
  return (s) =>
    s.replace(LOCAL, (n, at: number) => {
      const t = text.get(n);
      return t === undefined ? n : operand(t, bs, s.slice(Math.max(0, at - 2), at), s.slice(at + n.length, at + n.length + 1));
    });
}

/** `sql` with every local column written into its readers, or null when that text grows past INLINE_LIMIT. */
function inlineAll(r: Registry, need: Set<string>, sql: string, bs: boolean): string | null {
  const text = new Map<string, string>();
  const subst = writeInto(text, bs);
  for (const [name, def] of r.defs) {
    if (!need.has(name)) continue;
    const s = subst(def.sql);
    if (s.length > INLINE_LIMIT) return null;
    text.set(name, s);
  }
  const whole = subst(sql);
  return whole.length <= INLINE_LIMIT && nesting(whole, bs) < 24 ? whole : null;
}

const INLINE_LIMIT = 6000;

type Col = { name: string; sql: string; level: number; deps: string[] };

function keepAt(cols: Col[], final: string, level: number): string[] {
  const reads = (s: string) => new Set(s.match(LOCAL) ?? []);
  const later = [...cols.filter((c) => c.level >= level).map((c) => c.sql), final];
  const read = new Set(later.flatMap((s) => [...reads(s)]));
  return cols.filter((c) => c.level < level && read.has(c.name)).map((c) => c.name);
}

/** PostgreSQL: `(SELECT final FROM (SELECT … FROM (SELECT … OFFSET 0) AS l1 OFFSET 0) AS l2)`. */
function subquery(names: Names, cols: Col[], final: string): string {
  const top = Math.max(...cols.map((c) => c.level));
  let from = "";
  for (let level = 1; level <= top; level++) {
    const keep = keepAt(cols, final, level);
    const add = cols.filter((c) => c.level === level).map((c) => `${c.sql} AS ${c.name}`);
    const alias = names.fresh().replace("q__", "l__");
    from = `(SELECT ${[...keep, ...add].join(", ")}${from === "" ? "" : ` FROM ${from}`}${names.fence}) AS ${alias}`;
  }
  return `(SELECT ${final} FROM ${from})`;
}

/** DuckDB, Spark: a one-element list carried through one lambda per level. */
function lambdas(names: Names, d: Dialect, cols: Col[], final: string): string {
  const duck = d.name === "duckdb";
  const p = names.fresh().replace("q__", "p__");
  const local = (s: string) => s.replace(LOCAL, (n) => `${p}.${n}`);
  const struct = (fields: [string, string][]) =>
    duck ? `{${fields.map(([k, v]) => `'${k}': ${v}`).join(", ")}}` : `named_struct(${fields.map(([k, v]) => `'${k}', ${v}`).join(", ")})`;
  const map = (l: string, body: string) => (duck ? `list_transform(${l}, ${p} -> ${body})` : `transform(${l}, ${p} -> ${body})`);
  const top = Math.max(...cols.map((c) => c.level));
  const first = cols.filter((c) => c.level === 1).map((c): [string, string] => [c.name, c.sql]);
  let list = duck ? `[${struct(first)}]` : `array(${struct(first)})`;
  for (let level = 2; level <= top; level++) {
    const keep = keepAt(cols, final, level).map((n): [string, string] => [n, `${p}.${n}`]);
    const add = cols.filter((c) => c.level === level).map((c): [string, string] => [c.name, local(c.sql)]);
    list = map(list, struct([...keep, ...add]));
  }
  list = map(list, local(final));
  return duck ? `(${list})[1]` : `element_at(${list}, 1)`;
}
