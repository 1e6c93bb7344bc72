// What differs between the SQL engines Polis targets: the exact integer type
// of rational numerators and denominators, integer division, text matching,
// reading list elements and record fields, and folding a list of rationals.
// In: SQL texts. Out: SQL texts for one engine.
// INVARIANT: every number operation used by the back end is an exact integer
// operation on this integer type; nothing here ever yields a binary float.

export type DialectName = "duckdb" | "postgres" | "spark";

export interface Dialect {
  name: DialectName;
  /** The exact integer type of rational parts. */
  int: string;
  /** The type of epoch days and small counts. */
  small: string;
  /** An integer literal of the exact integer type. */
  lit(n: bigint | number): string;
  /** The narrow exact integer type for parts whose bounds are known to fit (DuckDB BIGINT), if any. */
  narrowType?: string;
  /** An integer literal of the narrow type (|n| <= 2^62), or of the exact type without one. */
  nlit(n: bigint | number): string;
  /** x in the exact (wide) integer type, where it may be narrow. */
  wide(x: string): string;
  /** A small integer literal. */
  slit(n: bigint | number): string;
  /**
   * An integer operation that may overflow the exact type, as an expression
   * that is NULL for a row where it does (DuckDB `TRY`; Spark with ANSI off
   * gives NULL itself). Absent: the type does not overflow at 38 digits
   * (PostgreSQL NUMERIC).
   */
  guard?(x: string): string;
  /** Truncating integer division (used only where it is exact or both operands are ≥ 0). */
  idiv(a: string, b: string): string;
  gcd(a: string, b: string): string | null;
  /** Any scalar column as its text: DECIMAL 112.50 → '112.50', DATE → '2012-01-30'. */
  text(x: string): string;
  /** Whole-text regular-expression match (the pattern has no anchors). */
  matches(x: string, re: string): string;
  castInt(text: string): string;
  castSmall(text: string): string;
  /**
   * q / 10^k as decimal text with exactly k decimals ("-0.50"), for |q| < 10^18,
   * where the engine has an exact and fast way (DuckDB: a DECIMAL product,
   * integer arithmetic on the unscaled value).
   */
  scaledText?(q: string, k: number): string;
  /** Integer → decimal digits. */
  digits(x: string): string;
  /** Integer → decimal digits in groups of three with points ("-1.234.567"), where the engine does it reading x once. */
  grouped?(x: string): string;
  /** The i-th (1-based) of constant texts, where the engine does it reading i once. */
  pick?(texts: string[], i: string): string;
  concat(parts: string[]): string;
  listLen(list: string): string;
  /** 1-based element. */
  listElem(list: string, i: string): string;
  field(record: string, name: string): string;
  /** A JSON string literal escaped for use inside the error text. */
  jsonEscape(x: string): string;
  /** The rows 1 … n of an element subquery, as `FROM` item with column i. */
  series(n: string): string;
  /** A string quoted as an SQL literal. */
  str(s: string): string;
  ident(s: string): string;
}

const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;
const dq = (s: string) => `"${s.replace(/"/g, '""')}"`;

const duckdb: Dialect = {
  name: "duckdb",
  int: "HUGEINT",
  small: "BIGINT",
  lit: (n) => `CAST(${n} AS HUGEINT)`,
  narrowType: "BIGINT",
  nlit: (n) => `CAST(${n} AS BIGINT)`,
  wide: (x) => `CAST(${x} AS HUGEINT)`,
  guard: (x) => `TRY(${x})`,
  slit: (n) => `${n}`,
  idiv: (a, b) => `((${a}) // (${b}))`,
  gcd: (a, b) => `gcd(${a}, ${b})`,
  text: (x) => `CAST(${x} AS VARCHAR)`,
  matches: (x, re) => `regexp_full_match(${x}, ${sqlString(re)})`,
  castInt: (t) => `TRY_CAST(${t} AS HUGEINT)`,
  castSmall: (t) => `TRY_CAST(${t} AS BIGINT)`,
  digits: (x) => `CAST(${x} AS VARCHAR)`,
  grouped: (x) => `replace(format('{:,}', ${x}), ',', '.')`,
  pick: (texts, i) => `([${texts.map(sqlString).join(", ")}])[${i}]`,
  scaledText: (q, k) => (k === 0 ? `CAST(${q} AS VARCHAR)` : `CAST(CAST(${q} AS DECIMAL(18, 0)) * CAST(0.${"0".repeat(k - 1)}1 AS DECIMAL(${k + 1}, ${k})) AS VARCHAR)`),
  concat: (parts) => `(${parts.join(" || ")})`,
  listLen: (l) => `len(${l})`,
  listElem: (l, i) => `${l}[${i}]`,
  field: (r, name) => `struct_extract(${r}, ${sqlString(name)})`,
  jsonEscape: (x) => `replace(replace(replace(${x}, '\\', '\\\\'), '"', '\\"'), chr(10), '\\n')`,
  series: (n) => `generate_series(1, ${n}) AS g(i)`,
  str: sqlString,
  ident: dq,
};

const postgres: Dialect = {
  name: "postgres",
  int: "NUMERIC",
  small: "BIGINT",
  lit: (n) => `CAST(${n} AS NUMERIC)`,
  nlit: (n) => `CAST(${n} AS NUMERIC)`,
  wide: (x) => x,
  slit: (n) => `CAST(${n} AS BIGINT)`,
  idiv: (a, b) => `div(${a}, ${b})`,
  gcd: (a, b) => `gcd(${a}, ${b})`,
  text: (x) => `CAST(${x} AS TEXT)`,
  matches: (x, re) => `(${x} ~ ${sqlString(`^(${re})$`)})`,
  castInt: (t) => `CAST(${t} AS NUMERIC)`,
  castSmall: (t) => `CAST(${t} AS BIGINT)`,
  digits: (x) => `CAST(${x} AS TEXT)`,
  concat: (parts) => `(${parts.join(" || ")})`,
  listLen: (l) => `jsonb_array_length(${l})`,
  listElem: (l, i) => `(${l} -> CAST(${i} - 1 AS INTEGER))`,
  // A JSON null is a missing value (SQL NULL), as in a case file.
  field: (r, name) => `NULLIF(${r} -> ${sqlString(name)}, 'null'::jsonb)`,
  jsonEscape: (x) => `replace(replace(replace(${x}, '\\', '\\\\'), '"', '\\"'), chr(10), '\\n')`,
  series: (n) => `generate_series(CAST(1 AS BIGINT), ${n}) AS g(i)`,
  str: sqlString,
  ident: dq,
};

const spark: Dialect = {
  name: "spark",
  int: "DECIMAL(38, 0)",
  small: "BIGINT",
  lit: (n) => `CAST(${n} AS DECIMAL(38, 0))`,
  nlit: (n) => `CAST(${n} AS DECIMAL(38, 0))`,
  wide: (x) => x,
  guard: (x) => x,
  slit: (n) => `CAST(${n} AS BIGINT)`,
  idiv: (a, b) => `CAST((${a}) / (${b}) AS DECIMAL(38, 0))`,
  gcd: () => null,
  text: (x) => `CAST(${x} AS STRING)`,
  matches: (x, re) => `(${x} RLIKE ${sqlString(`^(${re})$`)})`,
  castInt: (t) => `CAST(${t} AS DECIMAL(38, 0))`,
  castSmall: (t) => `CAST(${t} AS BIGINT)`,
  digits: (x) => `CAST(${x} AS STRING)`,
  concat: (parts) => `concat(${parts.join(", ")})`,
  listLen: (l) => `size(${l})`,
  listElem: (l, i) => `element_at(${l}, CAST(${i} AS INT))`,
  field: (r, name) => `${r}.${"`" + name.replace(/`/g, "``") + "`"}`,
  jsonEscape: (x) => `replace(replace(replace(${x}, '\\\\', '\\\\\\\\'), '"', '\\\\"'), char(10), '\\\\n')`,
  series: (n) => `(SELECT explode(sequence(CAST(1 AS BIGINT), ${n})) AS i) AS g`,
  str: (s) => `'${s.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`,
  ident: (s) => "`" + s.replace(/`/g, "``") + "`",
};

export const DIALECTS: Record<DialectName, Dialect> = { duckdb, postgres, spark };

/** Reading nested values: PostgreSQL holds lists, records, periods and durations as jsonb. */
export interface Nested {
  /** Whether nested values (list elements, record fields) are JSON values. */
  json: boolean;
  /** The text of a scalar that is a JSON value (PostgreSQL `#>> '{}'`), or of a native column. */
  scalarText(x: string, json: boolean): string;
  /** A value as compact JSON text (for durations). */
  jsonText(x: string, json: boolean): string;
  /** Text of the first group of a regular expression match. */
  extract(x: string, re: string): string;
}

export const NESTED: Record<DialectName, Nested> = {
  duckdb: {
    json: false,
    scalarText: (x) => `CAST(${x} AS VARCHAR)`,
    jsonText: (x) => `replace(CAST(to_json(${x}) AS VARCHAR), ' ', '')`,
    extract: (x, re) => `regexp_extract(${x}, '${re.replace(/'/g, "''")}', 1)`,
  },
  postgres: {
    json: true,
    scalarText: (x, json) => (json ? `(${x} #>> '{}')` : `CAST(${x} AS TEXT)`),
    jsonText: (x, json) => `replace(CAST(${json ? x : `to_jsonb(${x})`} AS TEXT), ' ', '')`,
    extract: (x, re) => `substring(${x} from '${re.replace(/'/g, "''")}')`,
  },
  spark: {
    json: false,
    scalarText: (x) => `CAST(${x} AS STRING)`,
    jsonText: (x) => `replace(to_json(${x}), ' ', '')`,
    extract: (x, re) => `regexp_extract(${x}, '${re.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}', 1)`,
  },
};
