// `polis sql POLICY [--dialect duckdb|postgres|spark] [--table NAME] [--trace]`:
// print the one query that decides every row of a table (compiler/sql/).

import { EXIT_OK, EXIT_POLICY, UsageError, printDiagnostics } from "./io.js";
import { compileFile } from "./compile-file.js";
import { hasErrors } from "../compiler/pipeline.js";
import type { Policy } from "../compiler/ir/ir.js";
import { wording } from "../runtime/messages.js";
import { policyToSql, UnsupportedInSql, type SqlOptions } from "../compiler/sql/query.js";
import type { DialectName } from "../compiler/sql/dialect.js";

export interface SqlCommandOptions {
  dialect?: string;
  table?: string;
  trace?: boolean;
}

const DIALECTS = ["duckdb", "postgres", "spark"];

export function dialectOf(name: string | undefined): DialectName {
  const d = name ?? "duckdb";
  if (!DIALECTS.includes(d)) throw new UsageError(`onbekend SQL-dialect \`${d}\`: kies duckdb, postgres of spark`);
  return d as DialectName;
}

/** The query, or a Dutch diagnostic (exit 1) when the policy cannot be expressed in SQL. */
export function sqlOf(policy: Policy, file: string, options: SqlOptions): string | { error: string } {
  const clash = options.dialect === "postgres" ? null : caseClash(policy, options);
  if (clash) return { error: `${file}: fout P0901: ${wording("P0901", { what: clash }).message}` };
  try {
    return policyToSql(policy, options);
  } catch (e) {
    if (e instanceof UnsupportedInSql) return { error: `${file}: fout P0901: ${wording("P0901", { what: e.message }).message}` };
    throw e;
  }
}

/**
 * DuckDB and Spark match column names without regard to case: two inputs
 * `kosten` and `Kosten` would both read one column (a wrong number, silently),
 * and two outputs `totaal` and `Totaal` (or an output `Fout`) one result column.
 * PostgreSQL's quoted names keep their case.
 */
function caseClash(policy: Policy, options: SqlOptions): string | null {
  const first = (names: string[]) => {
    const seen = new Map<string, string>();
    for (const n of names) {
      const other = seen.get(n.toLowerCase());
      if (other !== undefined) return `\`${other}\` en \`${n}\``;
      seen.set(n.toLowerCase(), n);
    }
    return null;
  };
  const columns = first(policy.inputs.map((i) => i.name));
  if (columns) return `een invoer die alleen in hoofdletters van een andere verschilt (${columns}: in DuckDB en Spark dezelfde kolom)`;
  const outputs = policy.outputs.flatMap((o) => (options.trace ? [o.name, `${o.name}__regel`] : [o.name]));
  const results = first(["fout", ...outputs, ...(options.passThrough ?? [])]);
  if (results) return `een uitvoer die alleen in hoofdletters van een andere kolom van het resultaat verschilt (${results}: in DuckDB en Spark dezelfde kolom)`;
  return null;
}

export function sqlCommand(file: string, opts: SqlCommandOptions): number {
  const dialect = dialectOf(opts.dialect);
  if (opts.table !== undefined && opts.table.trim() === "") throw new UsageError("--table heeft een tabelnaam nodig");
  const r = compileFile(file);
  printDiagnostics(r.diagnostics);
  if (hasErrors(r.diagnostics) || !r.policy) return EXIT_POLICY;
  const q = sqlOf(r.policy, r.file, { dialect, table: opts.table ?? "cases", trace: opts.trace === true });
  if (typeof q !== "string") {
    process.stderr.write(q.error + "\n");
    return EXIT_POLICY;
  }
  process.stdout.write(q);
  return EXIT_OK;
}
