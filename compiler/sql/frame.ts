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

const NAME = /\bq__\d+\b/g;

export class Names {
  private n = 0;
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

  /** Whether this frame defines the column. */
  has(name: string): boolean {
    return this.byName.has(name);
  }

  /** `SELECT <final> FROM (…levels…)`: final maps output aliases to SQL reading the columns. */
  render(final: { alias: string; sql: string }[], extra = ""): string {
    const top = Math.max(0, ...this.cols.map((c) => c.level));
    const lastUse = new Map<string, number>();
    const use = (name: string, level: number) => lastUse.set(name, Math.max(lastUse.get(name) ?? -1, level));
    for (const c of this.cols) for (const d of c.deps) use(d, c.level);
    for (const f of final) for (const d of f.sql.match(NAME) ?? []) if (this.byName.has(d)) use(d, top + 1);
    let from = `(SELECT ${this.baseColumns.map((c) => `${c.sql} AS ${c.name}`).join(", ") || "1 AS q__0"} FROM ${this.base}) AS s0`;
    for (let level = 1; level <= top; level++) {
      const keep = this.cols.filter((c) => c.level < level && (lastUse.get(c.name) ?? -1) >= level).map((c) => c.name);
      const add = this.cols.filter((c) => c.level === level).map((c) => `${c.sql} AS ${c.name}`);
      from = `(SELECT ${[...keep, ...add].join(", ")}\nFROM ${from}) AS s${level}`;
    }
    return `SELECT ${final.map((f) => `${f.sql} AS ${f.alias}`).join(",\n  ")}\nFROM ${from}${extra}`;
  }
}

function isLiteral(sql: string): boolean {
  return /^(-?[0-9]+|NULL|TRUE|FALSE|'(?:[^']|'')*')$/.test(sql) || /^CAST\(-?[0-9]+ AS [A-Z0-9(), ]+\)$/.test(sql);
}
