// A query as a chain of projections ("let" columns): every intermediate
// value of a decision is one named column, computed once, at the level just
// above the columns it reads. Rendering nests one `SELECT` per level, and
// carries a column up only as far as a later level still reads it (PostgreSQL
// allows at most 1664 columns in one select list).
// In: SQL expression texts that read earlier columns by their generated
// names. Out: a FROM-able subquery text.
// INVARIANT: generated names are `q__N`, unique per generator, so a nested
// frame (an aggregation over a list) reads its enclosing frame's columns by
// name, as correlated references.

import { negateText, nesting, operand } from "./text.js";

const NAME = /\bq__\d+\b/g;

/** How deeply an inlined column may nest (see text.ts nesting()). */
const MAX_INLINE_NESTING = 40;
/**
 * Levels past which DuckDB gets the levels in blocks (renderBlocks): it binds
 * each level as a query nested in the next and stops at 1000 (a segmentation
 * fault a little further with the limit raised).
 */
const MAX_LEVELS = 250;
/** Levels per block. */
const BLOCK = 40;

export class Names {
  private n = 0;
  /**
   * Appended to every nested SELECT: PostgreSQL's planner pulls subqueries up
   * and substitutes each column's expression at every use, which makes the
   * plan exponential in the levels; `OFFSET 0` keeps each level a subquery.
   */
  constructor(
    readonly fence = "",
    /** String literals escape with a backslash (Spark): for reading the generated text (text.ts). */
    readonly backslash = false,
    /** The engine has list lambdas and struct columns (DuckDB): a frame of very many levels is rendered in blocks. */
    readonly lambdas = false,
  ) {}
  /** Epoch-day columns read from a DATE column of the table, by name: the calendar reads the DATE itself. */
  readonly dates = new Map<string, string>();
  fresh(): string {
    return `q__${++this.n}`;
  }
}

interface Column {
  name: string;
  sql: string;
  level: number;
  deps: string[];
}

export class Frame {
  private readonly cols: Column[] = [];
  private readonly byName = new Map<string, Column>();
  private readonly bySql = new Map<string, string>();

  /** base: a FROM item whose select list (baseColumns) defines level-0 columns. */
  constructor(
    readonly names: Names,
    private readonly base: string,
    private readonly baseColumns: { name: string; sql: string }[] = [],
  ) {
    for (const c of baseColumns) {
      const col = { name: c.name, sql: c.sql, level: 0, deps: [] };
      this.cols.push(col);
      this.byName.set(c.name, col);
    }
  }

  /** Add a level-0 column read straight from the base relation. */
  baseColumn(sql: string): string {
    const found = this.bySql.get(`base:${sql}`);
    if (found) return found;
    const name = this.names.fresh();
    const col = { name, sql, level: 0, deps: [] };
    this.cols.push(col);
    this.byName.set(name, col);
    this.baseColumns.push({ name, sql });
    this.bySql.set(`base:${sql}`, name);
    return name;
  }

  /** A column holding `sql`; the same text gives the same column. Plain names and literals are returned as they are. */
  col(sql: string): string {
    if (/^q__\d+$/.test(sql) || isLiteral(sql)) return sql;
    const found = this.bySql.get(sql);
    if (found) return found;
    const deps = [...new Set(sql.match(NAME) ?? [])].filter((d) => this.byName.has(d));
    const level = 1 + Math.max(0, ...deps.map((d) => this.byName.get(d)!.level));
    const name = this.names.fresh();
    const col = { name, sql, level, deps };
    this.cols.push(col);
    this.byName.set(name, col);
    this.bySql.set(sql, name);
    return name;
  }

  private readonly firsts = new Map<string, readonly string[]>();

  /** A column holding the first non-NULL of errs (COALESCE), remembered as such. */
  first(errs: readonly string[]): string {
    const name = this.col(`COALESCE(${errs.join(", ")})`);
    if (this.byName.has(name)) this.firsts.set(name, errs);
    return name;
  }

  private readonly whens = new Map<string, readonly [string, string]>();

  /** A column holding `CASE WHEN cond THEN message END` (the message is never NULL where cond holds). */
  when(cond: string, message: string): string {
    const name = this.col(`CASE WHEN ${cond} THEN ${message} END`);
    if (this.byName.has(name)) this.whens.set(name, [cond, message]);
    return name;
  }

  /**
   * An error as flat CASE branches [condition, message]: the first branch
   * whose condition holds gives the error, none gives NULL. Errors made by
   * when(), guard() and first() are written out; any other is one branch.
   */
  whensOf(err: string): [string, string][] {
    // Long conditions and computed messages stay in their column (read by name): the query does not grow.
    const w = this.whens.get(err);
    if (w) return w[0].length > 200 ? [[`${err} IS NOT NULL`, err]] : [[w[0], /^'(?:[^']|'')*'$/.test(w[1]) ? w[1] : err]];
    const g = this.guards.get(err);
    if (g !== undefined) {
      const cond = g[0].length > 200 ? this.col(g[0]) : g[0];
      const inner = g[1];
      return this.whensOf(inner).map(([c, m]) => [c === "TRUE" ? `(${cond})` : `(${cond}) AND (${c})`, m]);
    }
    const parts = this.firsts.get(err);
    if (parts) return parts.flatMap((p) => this.whensOf(p));
    if (/^'(?:[^']|'')*'$/.test(err)) return [["TRUE", err]];
    return [[`${err} IS NOT NULL`, err]];
  }

  private readonly guards = new Map<string, readonly [string, string]>();

  /** A column holding `CASE WHEN cond THEN err END`, remembered as a guarded err. */
  guard(cond: string, err: string): string {
    const name = this.col(`CASE WHEN ${cond} THEN ${err} END`);
    if (this.byName.has(name)) this.guards.set(name, [cond, err]);
    return name;
  }

  /** The error a column made by guard() guards, or undefined. */
  guardOf(name: string): string | undefined {
    return this.guards.get(name)?.[1];
  }

  /** The errors a column made by first() is the first of, or undefined. */
  firstOf(name: string): readonly string[] | undefined {
    return this.firsts.get(name);
  }

  /**
   * NOT x as SQL text: a comparison (or an OR of comparisons) x, or a
   * column of this frame holding one, is written as the opposite comparison
   * (text.ts negateText); anything else as `NOT x`.
   */
  not(x: string): string {
    if (x === "TRUE") return "FALSE";
    if (x === "FALSE") return "TRUE";
    const bs = this.names.backslash;
    const neg = negateText(this.byName.get(x)?.sql ?? x, bs);
    return neg ?? `NOT ${operand(x, bs)}`;
  }

  /** Whether this frame defines the column. */
  has(name: string): boolean {
    return this.byName.has(name);
  }

  /**
   * `SELECT <final> FROM (…levels…)`: final maps output aliases to SQL reading the columns.
   * chain: the levels as a chain of common table expressions (`WITH s0 AS (…), s1 AS (SELECT … FROM s0) …`)
   * instead of nested subqueries, so that a query's nesting stays bounded however many levels it has
   * (DuckDB's parser stops at about 1.600 nested SELECTs; a Spark SQL parser reads nested FROM
   * subqueries in time exponential in their depth).
   */
  render(final: { alias: string; sql: string }[], extra = "", chain = false): string {
    const { cols, finals } = this.inlined(final);
    const top = Math.max(0, ...cols.map((c) => c.level));
    const lastUse = new Map<string, number>();
    const use = (name: string, level: number) => lastUse.set(name, Math.max(lastUse.get(name) ?? -1, level));
    for (const c of cols) for (const d of c.deps) use(d, c.level);
    for (const f of finals) for (const d of f.sql.match(NAME) ?? []) if (this.byName.has(d)) use(d, top + 1);
    const base = `SELECT ${this.baseColumns.map((c) => `${c.sql} AS ${c.name}`).join(", ") || "1 AS q__0"} FROM ${this.base}${this.names.fence}`;
    const select = `SELECT ${finals.map((f) => `${f.sql} AS ${f.alias}`).join(",\n  ")}\nFROM `;
    if (chain && this.names.lambdas && top > MAX_LEVELS) return `${select}(WITH ${this.blocks(base, cols, lastUse, top)}) AS s${extra}`;
    const layers = [base];
    for (let level = 1; level <= top; level++) {
      const keep = cols.filter((c) => c.level < level && (lastUse.get(c.name) ?? -1) >= level).map((c) => c.name);
      const add = cols.filter((c) => c.level === level).map((c) => `${c.sql} AS ${c.name}`);
      layers.push(`SELECT ${[...keep, ...add].join(", ")}\nFROM ${chain && level > 1 ? `s${level - 1}` : `(${layers[level - 1]}) AS s${level - 1}`}${this.names.fence}`);
    }
    const from =
      chain && top > 0 ? `(WITH ${layers.slice(1).map((l, i) => `s${i + 1} AS (${l})`).join(",\n")}\nSELECT * FROM s${top}) AS s` : `(${layers[top]}) AS s${top}`;
    return `${select}${from}${extra}`;
  }

  /**
   * DuckDB, a frame of very many levels (a chain of a thousand dependent
   * operations): BLOCK levels per query, as a chain of `list_transform`s over
   * a one-element list of the row's live columns (as renderList), so that
   * the nesting of queries stays bounded. Out: the common table expressions
   * and the final `SELECT * FROM …`.
   */
  private blocks(base: string, cols: Column[], lastUse: Map<string, number>, top: number): string {
    const live = (level: number) => cols.filter((c) => c.level < level && (lastUse.get(c.name) ?? -1) >= level).map((c) => c.name);
    const ctes: string[] = [];
    for (let a = 1, j = 1; a <= top; a += BLOCK, j++) {
      const p = this.names.fresh().replace("q__", "p__");
      const local = (sql: string) => sql.replace(NAME, (n) => (this.byName.has(n) ? `${p}.${n}` : n));
      const incoming = live(a).map((n) => `'${n}': ${n}`);
      let list = `[{${incoming.join(", ") || "'q__0': 0"}}]`;
      for (let level = a; level < a + BLOCK && level <= top; level++) {
        const fields = [...live(level).map((n) => `'${n}': ${p}.${n}`), ...cols.filter((c) => c.level === level).map((c) => `'${c.name}': ${local(c.sql)}`)];
        list = `list_transform(${list}, ${p} -> {${fields.join(", ") || "'q__0': 0"}})`;
      }
      ctes.push(`t${j} AS (SELECT (${list})[1] AS b__${j} FROM ${j === 1 ? `(${base}) AS s0` : `s${j - 1}`})`, `s${j} AS (SELECT b__${j}.* FROM t${j})`);
    }
    return `${ctes.join(",\n")}\nSELECT * FROM s${ctes.length >> 1}`;
  }

  /**
   * DuckDB: the frame as one list expression instead of a subquery. The base
   * is a list (the element indexes); every level is a `list_transform` that
   * adds its columns to a struct per element; the result is the list of
   * structs holding `final` (aliases as fields). Outer columns are read by
   * the lambdas as captured columns: vectorized, no correlated subquery.
   */
  renderList(final: { alias: string; sql: string }[]): string {
    const { cols, finals } = this.inlined(final);
    const top = Math.max(0, ...cols.map((c) => c.level));
    const lastUse = new Map<string, number>();
    const use = (name: string, level: number) => lastUse.set(name, Math.max(lastUse.get(name) ?? -1, level));
    for (const c of cols) for (const d of c.deps) use(d, c.level);
    for (const f of finals) for (const d of f.sql.match(NAME) ?? []) if (this.byName.has(d)) use(d, top + 1);
    const p = this.names.fresh().replace("q__", "p__");
    const local = (sql: string) => sql.replace(NAME, (n) => (this.byName.has(n) ? `${p}.${n}` : n));
    const base = this.baseColumns[0]!;
    let list = `list_transform(${this.base}, ${p} -> {'${base.name}': ${p}})`;
    for (let level = 1; level <= top + 1; level++) {
      const keep = cols.filter((c) => c.level < level && (lastUse.get(c.name) ?? -1) >= level).map((c) => `'${c.name}': ${p}.${c.name}`);
      const add = level <= top ? cols.filter((c) => c.level === level).map((c) => `'${c.name}': ${local(c.sql)}`) : finals.map((f) => `'${f.alias}': ${local(f.sql)}`);
      if (level <= top && add.length === 0) continue;
      list = `list_transform(${list}, ${p} -> {${[...(level <= top ? keep : []), ...add].join(", ") || `'${base.name}': 0`}})`;
    }
    return list;
  }

  /**
   * Columns read once are written into their reader (fewer levels, a smaller
   * query); the rest get their levels recomputed.
   */
  private inlined(final: { alias: string; sql: string }[]): { cols: Column[]; finals: { alias: string; sql: string }[] } {
    // Only the columns the result reads, directly or not, are computed (and counted as readers).
    const live = new Set<string>();
    const todo = final.map((f) => f.sql);
    for (let sql = todo.pop(); sql !== undefined; sql = todo.pop()) {
      for (const d of sql.match(NAME) ?? []) {
        const col = this.byName.get(d);
        if (col && !live.has(d)) {
          live.add(d);
          todo.push(col.sql);
        }
      }
    }
    const uses = new Map<string, number>();
    const count = (sql: string) => {
      for (const d of sql.match(NAME) ?? []) if (this.byName.has(d)) uses.set(d, (uses.get(d) ?? 0) + 1);
    };
    for (const c of this.cols) if (c.level > 0 && live.has(c.name)) count(c.sql);
    for (const f of final) count(f.sql);
    const text = new Map<string, string>();
    const bs = this.names.backslash;
    const subst = (sql: string) =>
      sql.replace(NAME, (n, at: number) => {
        const t = text.get(n);
        return t === undefined ? n : operand(t, bs, sql.slice(Math.max(0, at - 2), at), sql.slice(at + n.length, at + n.length + 1));
      });
    const out: Column[] = [];
    const levels = new Map<string, number>();
    for (const c of this.cols) {
      if (c.level === 0) {
        out.push(c);
        levels.set(c.name, 0);
        continue;
      }
      if (!live.has(c.name)) continue;
      const sql = subst(c.sql);
      // Written into its reader only while the result stays shallow: DuckDB refuses expressions
      // nested more than 1000 deep, and a chain of single-use columns (`x + x + … + x`) has no bound.
      if ((uses.get(c.name) ?? 0) <= 1 && sql.length < 4000 && nesting(sql, bs) < MAX_INLINE_NESTING) {
        text.set(c.name, sql);
        continue;
      }
      const deps = [...new Set(sql.match(NAME) ?? [])].filter((d) => levels.has(d));
      const level = 1 + Math.max(0, ...deps.map((d) => levels.get(d)!));
      levels.set(c.name, level);
      out.push({ name: c.name, sql, level, deps });
    }
    return { cols: out, finals: final.map((f) => ({ alias: f.alias, sql: subst(f.sql) })) };
  }
}

function isLiteral(sql: string): boolean {
  return /^(-?[0-9]+|NULL|TRUE|FALSE|'(?:[^']|'')*')$/.test(sql) || /^CAST\(-?[0-9]+ AS [A-Z0-9(), ]+\)$/.test(sql);
}

/**
 * A frame that materializes nothing: col() returns the expression itself.
 * For the parts of error messages (a value in Dutch notation), which are
 * computed only inside the CASE of the row that has the error.
 */
export class InlineFrame extends Frame {
  constructor(names: Names) {
    super(names, "");
  }
  override col(sql: string): string {
    return /^[A-Za-z0-9_'".]+$/.test(sql) ? sql : `(${sql})`;
  }
}
