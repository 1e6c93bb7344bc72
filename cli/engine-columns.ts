// `polis run --engine duckdb`: does a table column have the shape the query
// takes apart? A periode, a record and a list are read with struct and list
// functions (docs/sql.md, "Column types"); a column of another shape (a VARCHAR
// in a .csv, an INTEGER[] for a list of records, a STRUCT without a field)
// would stop DuckDB's binder for the whole table. Scalars need no check: they
// are read through their text, and a wrong one is a P07xx error per row.

import type { Type } from "../compiler/ir/ir.js";
import { columnType } from "../compiler/sql/columns.js";

interface DuckType {
  text: string;
  struct?: Map<string, DuckType>;
  elem?: DuckType;
}

/** Parse a DuckDB type as DESCRIBE prints it: `STRUCT(van DATE, "tot en met" DATE)[]`, `DECIMAL(12,2)`, `MAP(VARCHAR, INTEGER)`. */
function parse(text: string): DuckType {
  let i = 0;
  const space = () => {
    while (text[i] === " ") i++;
  };
  const name = (): string => {
    space();
    if (text[i] === '"') {
      let out = "";
      for (i++; i < text.length; i++) {
        if (text[i] === '"' && text[i + 1] === '"') out += text[i++];
        else if (text[i] === '"') break;
        else out += text[i];
      }
      i++;
      return out;
    }
    const start = i;
    while (i < text.length && !" ,()[]".includes(text[i]!)) i++;
    return text.slice(start, i);
  };
  const type = (): DuckType => {
    space();
    const start = i;
    const base = name().toUpperCase();
    let t: DuckType = { text: "" };
    if (text[i] === "(") {
      i++;
      if (base === "STRUCT") {
        t.struct = new Map();
        for (;;) {
          const field = name();
          t.struct.set(field.toLowerCase(), type());
          space();
          if (text[i++] !== ",") break;
        }
      } else {
        // DECIMAL(12,2), MAP(K, V), UNION(…): arguments, not taken apart.
        for (let depth = 1; i < text.length && depth > 0; i++) depth += text[i] === "(" ? 1 : text[i] === ")" ? -1 : 0;
      }
    }
    t.text = text.slice(start, i).trim();
    while (text[i] === "[") {
      while (i < text.length && text[i] !== "]") i++;
      i++;
      t = { text: text.slice(start, i).trim(), elem: t };
    }
    return t;
  };
  return type();
}

/** What is wrong with a value of type `t` held as `d`, where `place` names it; null when the shape fits. */
function mismatch(t: Type, d: DuckType, place: string): string | null {
  if (d.text === "NULL" || d.text === '"NULL"') return null;
  const expected = `\`${place}\` moet een ${columnType(t, "duckdb")} zijn, maar is ${d.text}`;
  switch (t.k) {
    case "periode":
      return d.struct?.has("van") && d.struct.has("tot_en_met") ? null : expected;
    case "record": {
      if (!d.struct) return expected;
      for (const f of t.fields) {
        const fd = d.struct.get(f.name.toLowerCase());
        if (!fd) return `\`${place}\` mist het veld \`${f.name}\` (${d.text})`;
        const inner = mismatch(f.type, fd, `${place}.${f.name}`);
        if (inner) return inner;
      }
      return null;
    }
    case "lijst":
      return d.elem ? mismatch(t.elem, d.elem, `${place}[]`) : expected;
    default:
      return null;
  }
}

/**
 * The first input column whose shape the query cannot read, as a Dutch
 * sentence (for a usage error, exit 2), or null. `columns` maps a column name
 * to its DuckDB type (DESCRIBE).
 */
export function columnShapeProblem(inputs: readonly { name: string; type: Type }[], columns: ReadonlyMap<string, string>): string | null {
  for (const i of inputs) {
    const text = columns.get(i.name);
    if (text === undefined) continue;
    const problem = mismatch(i.type, parse(text), i.name);
    if (problem) return `kolom \`${i.name}\` heeft niet de vorm die Polis leest: ${problem}`;
  }
  return null;
}
