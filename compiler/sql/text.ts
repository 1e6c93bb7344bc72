// The shape of generated SQL text: where an expression needs parentheses
// when it is written into another, and how deeply it nests. Redundant
// parentheses are not free: a Spark SQL parser (ANTLR) reads each `(` with a
// lookahead over everything up to its `)` (it may start a subquery, a lambda
// or a tuple), so nested redundant groups made parse times grow steeply;
// DuckDB refuses an expression nested more than 1000 deep.
// In: SQL expression texts. Out: texts, numbers.

/** Index of the `)` closing the `(` at i, or -1; quotes and quoted identifiers skipped. */
function closing(sql: string, i: number, bs: boolean): number {
  let depth = 0;
  for (let k = i; k < sql.length; k++) {
    const ch = sql[k]!;
    if (ch === "'" || ch === '"' || ch === "`") {
      k = endOfQuote(sql, k, bs);
      if (k < 0) return -1;
    } else if (ch === "(") depth++;
    else if (ch === ")" && --depth === 0) return k;
  }
  return -1;
}

/** Index of the quote closing the one at i, or -1; bs: a backslash escapes in string literals (Spark). */
function endOfQuote(sql: string, i: number, bs: boolean): number {
  const q = sql[i]!;
  for (let k = i + 1; k < sql.length; k++) {
    if (bs && q === "'" && sql[k] === "\\") k++;
    else if (sql[k] === q) {
      if (sql[k + 1] === q) k++;
      else return k;
    }
  }
  return -1;
}

const WORD = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;
const NUMBER = /^[0-9]+$/;

/**
 * Whether sql is one operand that needs no parentheses wherever an
 * expression may stand: a name, an unsigned number, a string, a function
 * call or cast, a parenthesized group, or one CASE … END.
 */
export function isAtom(sql: string, bs = false): boolean {
  if (WORD.test(sql) || NUMBER.test(sql)) return true;
  if (sql.startsWith("'")) return endOfQuote(sql, 0, bs) === sql.length - 1;
  if (sql.startsWith("(")) return closing(sql, 0, bs) === sql.length - 1;
  const call = /^[A-Za-z_][A-Za-z0-9_]*\(/.exec(sql);
  if (call) return closing(sql, call[0].length - 1, bs) === sql.length - 1;
  if (sql.startsWith("CASE ") && sql.endsWith(" END")) return caseEnd(sql, bs) === sql.length - 3;
  return false;
}

/** Index of the END closing the CASE at 0 (nested CASEs counted, parentheses and quotes skipped), or -1. */
function caseEnd(sql: string, bs: boolean): number {
  let depth = 0;
  for (let k = 0; k < sql.length; k++) {
    const ch = sql[k]!;
    if (ch === "'" || ch === '"' || ch === "`") {
      k = endOfQuote(sql, k, bs);
      if (k < 0) return -1;
      continue;
    }
    if (ch === "(") {
      k = closing(sql, k, bs);
      if (k < 0) return -1;
      continue;
    }
    const before = k === 0 ? " " : sql[k - 1]!;
    if (!/[A-Za-z0-9_]/.test(before)) {
      if (sql.startsWith("CASE", k) && !/[A-Za-z0-9_]/.test(sql[k + 4] ?? " ")) depth++;
      else if (sql.startsWith("END", k) && !/[A-Za-z0-9_]/.test(sql[k + 3] ?? " ") && --depth === 0) return k;
    }
  }
  return -1;
}

/**
 * sql written where a column name stood, given the text just before and
 * after that name: parenthesized unless it is an atom (a CASE … END is
 * parenthesized before `[`, `.` and after `-`, where some parsers misread it).
 */
export function operand(sql: string, bs: boolean, before = "", after = ""): string {
  if (!isAtom(sql, bs)) return `(${sql})`;
  if (sql.startsWith("CASE ") && (/^[[.]/.test(after) || /-\s*$/.test(before))) return `(${sql})`;
  return sql;
}

/** Deepest nesting of parentheses and CASE expressions in a SQL text (quotes skipped). */
export function nesting(sql: string, bs = false): number {
  let depth = 0;
  let max = 0;
  for (let k = 0; k < sql.length; k++) {
    const ch = sql[k]!;
    if (ch === "'" || ch === '"' || ch === "`") {
      const e = endOfQuote(sql, k, bs);
      if (e < 0) break;
      k = e;
    } else if (ch === "(") max = Math.max(max, ++depth);
    else if (ch === ")") depth--;
    else if ((ch === "C" || ch === "E") && (k === 0 || !/[A-Za-z0-9_]/.test(sql[k - 1]!))) {
      if (sql.startsWith("CASE ", k)) max = Math.max(max, ++depth);
      else if (sql.startsWith("END", k) && !/[A-Za-z0-9_]/.test(sql[k + 3] ?? " ")) depth--;
    }
  }
  return max;
}

/** sql split at each occurrence of sep outside parentheses, quotes and CASE … END. */
export function splitTop(sql: string, sep: string, bs = false): string[] {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let k = 0; k < sql.length; k++) {
    const ch = sql[k]!;
    if (ch === "'" || ch === '"' || ch === "`") {
      const e = endOfQuote(sql, k, bs);
      if (e < 0) return [sql];
      k = e;
      continue;
    }
    if (ch === "(") depth++;
    else if (ch === ")") depth--;
    else if ((ch === "C" || ch === "E") && (k === 0 || !/[A-Za-z0-9_]/.test(sql[k - 1]!))) {
      if (sql.startsWith("CASE ", k)) depth++;
      else if (sql.startsWith("END", k) && !/[A-Za-z0-9_]/.test(sql[k + 3] ?? " ")) depth--;
    }
    if (depth === 0 && sql.startsWith(sep, k)) {
      parts.push(sql.slice(from, k));
      from = k + sep.length;
      k += sep.length - 1;
    }
  }
  parts.push(sql.slice(from));
  return parts;
}

function unwrap(sql: string, bs: boolean): string {
  let s = sql.trim();
  while (s.startsWith("(") && closing(s, 0, bs) === s.length - 1) s = s.slice(1, -1).trim();
  return s;
}

const FLIP: Record<string, string> = { "<=": ">", ">=": "<", "<>": "=", "=": "<>", "<": ">=", ">": "<=" };
const LOGIC = [" AND ", " OR ", " IS ", " LIKE ", " BETWEEN ", " IN ", " NOT ", " <= ", " >= ", " <> ", " < ", " > ", " = "];

/** a op b → a flipped-op b, for a comparison of two operands without logic of their own; else null. */
function negateComparison(sql: string, bs: boolean): string | null {
  const s = unwrap(sql, bs);
  for (const op of ["<=", ">=", "<>", "<", ">", "="]) {
    const parts = splitTop(s, ` ${op} `, bs);
    if (parts.length !== 2) continue;
    const plain = (p: string) => !p.startsWith("NOT ") && LOGIC.every((l) => splitTop(p, l, bs).length === 1);
    return plain(parts[0]!) && plain(parts[1]!) ? `${parts[0]} ${FLIP[op]} ${parts[1]}` : null;
  }
  return null;
}

/**
 * NOT sql written as comparisons where sql is a comparison or an OR of
 * comparisons (`a <= b` → `a > b`; De Morgan): the same three-valued result,
 * but DuckDB selects rows on a comparison directly, where `NOT (…)` is first
 * computed as a boolean vector (a tenth of the §9.1 query's time went there).
 * Null when sql has another form.
 */
export function negateText(sql: string, bs = false): string | null {
  const s = unwrap(sql, bs);
  const ors = splitTop(s, " OR ", bs);
  if (ors.length === 1) return negateComparison(s, bs);
  const parts = ors.map((p) => negateComparison(p, bs));
  return parts.every((p) => p !== null) ? `(${parts.join(" AND ")})` : null;
}
