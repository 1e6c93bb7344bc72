// Overlaps and gaps of a `uniek` decision table, for valid cases only (issue
// 18). The checker (compiler/check/tables.ts) splits the column domains
// exactly; where a column is a begrip, or a voorwaarde reads a column, a
// domain value need not be a valid case (a begrip that is only ever 1 or 2,
// `voorwaarde eind >= begin`), so what it found is kept on the table as
// unconfirmed. Here the solver asks, per overlapping pair of rows and once
// for the gaps, for a valid case (inputs within their beperkingen, every
// voorwaarde holding) where both rows hold, or no row does.
// In: a lowered policy, its module, a proof session (or none). Out: P0520 /
// P0521 errors with the solver's case (re-run on the module, which must
// accept it as valid), nothing where the solver proves none exists, and the
// warning P0531 (with the domain's case) where it cannot decide.

import type { Diagnostic } from "../../runtime/diagnostic.js";
import { PolisError } from "../../runtime/diagnostic.js";
import { diagnostic } from "../../runtime/messages.js";
import type { LoweredPolicy, Rule } from "../ir/ir.js";
import type { DecisionModule } from "../emit/load.js";
import { caseFileOf } from "../cases/generators.js";
import { NotEncodable, type B } from "./encode.js";
import type { Session } from "./session.js";
import { givenText } from "./voorbeeld.js";

const UNKNOWN = "de oplosser kwam niet tot een antwoord";

/** The solver's verdicts on every table with unconfirmed overlaps or gaps; `reason` when there is no session. */
export async function proveTables(session: Session | undefined, policy: LoweredPolicy, module: DecisionModule, reason: string): Promise<Diagnostic[]> {
  const out: Diagnostic[] = [];
  for (const rule of policy.rules) {
    if (!rule.table?.unconfirmed) continue;
    try {
      out.push(...(await proveTable(session, policy, module, rule, reason)));
    } catch (e) {
      // A prover failure must not cost the author the check: the domain's findings stay, as warnings.
      const why = e instanceof NotEncodable ? `niet uit te drukken: ${e.construct}` : `de bewijzer liep vast: ${e instanceof Error ? e.message : String(e)}`;
      out.push(...undecided(rule, why));
    }
  }
  return out;
}

function undecided(rule: Rule, reason: string, only?: { overlap?: number; gaps?: boolean }): Diagnostic[] {
  const u = rule.table!.unconfirmed!;
  const name = rule.name;
  const overlaps = only ? (only.overlap === undefined ? [] : [u.overlaps[only.overlap]!]) : u.overlaps;
  const gaps = only ? (only.gaps ? u.gaps : []) : u.gaps;
  return [
    ...overlaps.map((o) => diagnostic("P0531", o.span, { name, what: `een overlap: de rijen ${o.first} en ${o.second} gelden allebei`, example: `bijvoorbeeld voor ${o.example}`, reason }, { related: [{ span: o.firstSpan, message: `rij ${o.first}` }] })),
    ...gaps.slice(0, 1).map((g) => diagnostic("P0531", u.span, { name, what: "een gat: geen rij geldt", example: `bijvoorbeeld voor ${g}`, reason })),
  ];
}

/** Does the module accept the case as valid (no bad input, every voorwaarde holds)? */
function validOnModule(policy: LoweredPolicy, module: DecisionModule, values: Record<string, unknown>): boolean {
  try {
    module.evaluate(caseFileOf(policy.inputs, values));
    return true;
  } catch (e) {
    // P07xx: the case itself is wrong (a beperking, a voorwaarde); anything later (P08xx) happens to a valid case.
    return e instanceof PolisError && !e.diagnostic.code.startsWith("P07");
  }
}

async function proveTable(session: Session | undefined, policy: LoweredPolicy, module: DecisionModule, rule: Rule, reason: string): Promise<Diagnostic[]> {
  if (!session) return undecided(rule, reason);
  const u = rule.table!.unconfirmed!;
  const m = session.models[0]!;
  const { z } = session;
  const rows: (B | undefined)[] = rule.clauses.map((cl) => (cl.head === "anders" ? undefined : cl.condition ? m.enc.atTop(() => m.enc.bool(cl.condition!)) : z.Bool.val(true)));
  const row = (n: number) => rows[n - 1]!;
  const out: Diagnostic[] = [];
  const example = (values: Record<string, unknown>) => givenText(policy, values).replace(/^gegeven /, "");
  for (const [k, o] of u.overlaps.entries()) {
    const r = await session.ask(z.And(row(o.first), row(o.second)));
    if (r.status === "unsat") continue;
    if (r.status === "unknown") out.push(...undecided(rule, UNKNOWN, { overlap: k }));
    else if (!validOnModule(policy, module, r.values)) out.push(...undecided(rule, "het gevonden geval was bij het narekenen geen geldig geval", { overlap: k }));
    else out.push(diagnostic("P0520", o.span, { name: rule.name, first: o.first, second: o.second, example: example(r.values) }, { related: [{ span: o.firstSpan, message: `rij ${o.first}` }] }));
  }
  if (u.gaps.length === 0) return out;
  const some = rows.filter((x): x is B => x !== undefined);
  const r = await session.ask(some.length ? z.Not(z.Or(...some)) : z.Bool.val(true));
  if (r.status === "unsat") return out;
  if (r.status === "unknown") out.push(...undecided(rule, UNKNOWN, { gaps: true }));
  else if (!validOnModule(policy, module, r.values)) out.push(...undecided(rule, "het gevonden geval was bij het narekenen geen geldig geval", { gaps: true }));
  else out.push(diagnostic("P0521", u.span, { name: rule.name, example: example(r.values) }));
  return out;
}
