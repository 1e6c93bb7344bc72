// The column type of every Polis type, per dialect: the one place that says
// how an input is held in a table (docs/sql.md "Column types"). Used where a
// table is made (a .jsonl loaded into DuckDB, a missing column filled with a
// typed NULL, the PostgreSQL test tables) and by the docs.
// In: an IR type. Out: a column type text of the dialect.
// Scalars are held as their case-file text by default (exact: no number
// passes through a float); typed columns (DECIMAL, DATE, BOOLEAN) are read as
// well (compiler/sql/decode.ts).

import type * as IR from "../ir/ir.js";
import type { DialectName } from "./dialect.js";

const dq = (s: string) => `"${s.replace(/"/g, '""')}"`;
const bq = (s: string) => "`" + s.replace(/`/g, "``") + "`";

/** The type a canonical (case-file text) value of type t is loaded as. */
export function columnType(t: IR.Type, dialect: DialectName): string {
  switch (dialect) {
    case "duckdb":
      return duck(t);
    case "postgres":
      return ["lijst", "record", "periode", "duur"].includes(t.k) ? "jsonb" : "text";
    case "spark":
      return spark(t);
  }
}

function duck(t: IR.Type): string {
  switch (t.k) {
    case "lijst": return `${duck(t.elem)}[]`;
    case "record": return `STRUCT(${t.fields.map((f) => `${dq(f.name)} ${duck(f.type)}`).join(", ")})`;
    case "periode": return "STRUCT(van VARCHAR, tot_en_met VARCHAR)";
    case "duur": return "STRUCT(dagen VARCHAR, maanden VARCHAR)";
    default: return "VARCHAR";
  }
}

function spark(t: IR.Type): string {
  switch (t.k) {
    case "lijst": return `ARRAY<${spark(t.elem)}>`;
    case "record": return `STRUCT<${t.fields.map((f) => `${bq(f.name)}: ${spark(f.type)}`).join(", ")}>`;
    case "periode": return "STRUCT<van: STRING, tot_en_met: STRING>";
    case "duur": return "STRUCT<dagen: STRING, maanden: STRING>";
    default: return "STRING";
  }
}
