// The SQL back end of the random-policy differential (issue 12): the query of
// `polis sql` (compiler/sql) run in an embedded DuckDB on the cases as a
// .jsonl table, exactly as `polis run --engine duckdb --input cases.jsonl`
// runs it (cli/engine.ts). A policy the SQL back end refuses at compile time
// (P0901, UnsupportedInSql) is not decided but counted as refused, by the
// construct named; a refusal of a construct SQL claims to support
// (`claimedBySql`) is a failure of the differential, never a skip.

import type { Policy } from "../../compiler/ir/ir.js";
import { policyToSql, UnsupportedInSql } from "../../compiler/sql/query.js";
import { decideLinesInDuckDb } from "../../cli/engine.js";
import type { Outcome } from "./reference.js";

/** A back end's answer for one policy: an outcome per case, or the construct it refused. */
export type SubjectResult = Outcome[] | { refused: string };

export function constructOf(message: string): string {
  // "uitvoer `uit2` is een lijst van gegevens of gegevens": the output's name is the policy's, not the construct.
  return message.replace(/^uitvoer `[^`]*` is /, "een uitvoer die is: ");
}

/**
 * What compiler/sql implements, and so claims (compiler/sql/stdlib.ts,
 * aggregate.ts, lists.ts): refusing one of these is a failure. What it
 * documents as refused is counted: the holiday-aware functions of
 * docs/language.md §7.1 (werkdagen_tussen_be/nl, plus_werkdagen_be/nl,
 * feestdag_be/nl, eerste_paasdag: test/sql's REFUSED list), records
 * written out (`gegevens buiten een voorbeeld`), and lists of lists.
 */
const SQL_FUNCTIONS = new Set([
  "leeftijd_op", "verjaardag", "jaar_van", "maand_van", "dag_van", "begin_van_jaar", "einde_van_jaar",
  "eerste_dag_volgende_maand", "dagen_in_jaar", "aantal_dagen", "begin", "einde", "overlap",
  "kalendermaanden", "hele_maand", "werkdagen_tussen", "min", "max", "abs", "uren_tussen",
]);

/** Whether SQL claims to support the construct of a refusal (then the refusal is a failure). */
export function claimedBySql(construct: string): boolean {
  const fn = /^de functie `([^`]+)`$/.exec(construct);
  if (fn) return SQL_FUNCTIONS.has(fn[1]!);
  if (/gegevens buiten een voorbeeld|lijst van lijsten/.test(construct)) return false;
  return true;
}

/** The refusal of a policy by the SQL back end, or undefined when it compiles to a query. */
export function sqlRefusal(policy: Policy): string | undefined {
  try {
    policyToSql(policy, { dialect: "duckdb", table: "cases" });
    return undefined;
  } catch (e) {
    if (e instanceof UnsupportedInSql) return constructOf(e.message);
    throw e;
  }
}

/** A result line of `polis run --engine duckdb` as an outcome. */
function lineOutcome(line: string): Outcome {
  const v = JSON.parse(line) as Record<string, unknown>;
  if (!("fout" in v)) return { outputs: v };
  const f = v.fout as { code?: unknown; veld?: unknown; bericht?: unknown };
  return {
    fout: String(f.code),
    ...(f.veld !== undefined ? { veld: String(f.veld) } : {}),
    ...(f.bericht !== undefined ? { bericht: String(f.bericht) } : {}),
  };
}

/** Decide the cases of one policy in DuckDB: an outcome per case, or the construct refused. */
export async function decideInSql(id: string, policy: Policy, cases: readonly Record<string, unknown>[]): Promise<SubjectResult> {
  const refused = sqlRefusal(policy);
  if (refused !== undefined) return { refused };
  const lines = await decideLinesInDuckDb(policy, `${id}.polis`, cases.map((c) => JSON.stringify(c)));
  if (lines.length !== cases.length) throw new Error(`sql: ${lines.length} result lines for ${cases.length} cases of ${id}`);
  return lines.map(lineOutcome);
}
