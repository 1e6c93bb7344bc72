// The rule semantics of LANGUAGE.md §5 as data: for every output, which
// clauses of which rules can define it, in which order, which rule replaces
// which (`uitzondering op`), what happens when none applies (`standaard`, or
// error P0802) and how the value is fixed (a `bedrag` is rounded to cents).
// In: a checked IR policy. Out: `Decisions`, read by every back end (the
// JS/TS emitter prints it; the SQL back end translates it). Computed once, by
// `decide()`, called from compiler/pipeline.ts.
//
// The semantics, in terms of this data, for one case:
//
// 1. Rule selection. A rule's clauses are tried in order; the first whose
//    `condition` holds (an `anders` or unconditional clause has none: it
//    holds) is the rule's applied clause; if none holds the rule applies no
//    clause. A rule is selected at most once per case, whichever output
//    asks first.
// 2. Candidates. For an output, `candidates` lists every (rule, clause) that
//    assigns it, rules in declaration order, clauses in order. A candidate
//    applies when its rule's applied clause is its clause; equivalently when
//    its `guard` holds: none of `guard.notHolding` holds and `guard.holds`
//    (if any) holds. The `value` of every applying candidate is computed, in
//    candidate order (so an error in it is reported even when an exception
//    replaces the rule later).
// 3. Exceptions. For each edge of `exceptions` whose `exception` rule and
//    `replaces` rule both have an applying candidate, the `replaces` rule's
//    value is dropped. Edges are judged on which rules applied, not on which
//    remain: in a chain C→B→A where all three apply, only C's value remains.
// 4. Conflicts. When `mayConflict`, the remaining values are compared (by
//    their type, exactly) with the first remaining one; the first that
//    differs is a conflict error (P0801) naming both rules. Without
//    `mayConflict` (all candidates belong to one rule, so at most one
//    applies) there is nothing to compare.
// 5. No candidate applied: the `default` value (`standaard`) if there is one,
//    else error P0802 naming the output.
//
// Outputs are decided in declaration order; an output read by a rule is
// decided when first read. Every `value` and `default` here is the value the
// output takes: for a `bedrag` output it is already wrapped in the rounding to
// cents (`rounding`), so every reader and the conflict comparison see the
// rounded value.

import type { Span } from "../../runtime/diagnostic.js";
import type { RoundingMode } from "../../runtime/rational.js";
import type { Clause, Expr, Policy, RefKind, Type } from "./ir.js";

/** The decision data of a whole policy. */
export interface Decisions {
  /** One per rule, in the order of `Policy.rules`. */
  rules: RuleSelection[];
  /** One per output, in the order of `Policy.outputs` (the evaluation order). */
  outputs: OutputDecision[];
}

/** How one rule selects its applied clause (step 1). */
export interface RuleSelection {
  /** Index into `Policy.rules`. */
  rule: number;
  name: string;
  /** The rule's clauses in order; the first whose condition holds applies. */
  clauses: { head: Clause["head"]; condition?: Expr }[];
}

/** When a candidate applies, as conditions of its rule (step 2). */
export interface Guard {
  /** The clause's own condition; absent for `anders` and unconditional clauses. */
  holds?: Expr;
  /** The conditions of the earlier clauses of the rule, none of which may hold. */
  notHolding: Expr[];
}

/** One clause of one rule that assigns the output. */
export interface Candidate {
  /** Index into `Policy.rules`. */
  rule: number;
  /** Index into that rule's `clauses`. */
  clause: number;
  guard: Guard;
  /** The expression as assigned in the clause. */
  assigned: Expr;
  /** The value the output takes: `assigned`, rounded when the output has `rounding`. */
  value: Expr;
  /** The assignment in the source. */
  span: Span;
  /** What the clause reads, except the output itself: shown by explanations. */
  reads: { ref: RefKind; name: string; type: Type }[];
}

/** `exception` is `uitzondering op` `replaces` (both rule indices, both candidates of the output). */
export interface ExceptionEdge {
  exception: number;
  replaces: number;
}

/** How one output gets its value (steps 2–5). */
export interface OutputDecision {
  /** Index into `Policy.outputs`. */
  output: number;
  name: string;
  type: Type;
  /** The rules that have a candidate, in declaration order (indices into `Policy.rules`). */
  rules: number[];
  /** In rule order, then clause order. */
  candidates: Candidate[];
  /** Only between rules of `rules`; an edge to a rule that cannot define this output plays no part. */
  exceptions: ExceptionEdge[];
  /** More than one rule can define the output, so values are compared (step 4). */
  mayConflict: boolean;
  /** The `standaard` value, rounded like the candidates; absent: no rule applying is error P0802. */
  default?: Expr;
  /** How every value of the output is fixed (LANGUAGE.md §5 "Outputs are rounded once"): a `bedrag` to cents. */
  rounding?: { decimals: number; mode: RoundingMode };
}

/** The §5 rounding of an output of type `t`, if any. */
export function outputRounding(t: Type): { decimals: number; mode: RoundingMode } | undefined {
  return t.k === "bedrag" ? { decimals: 2, mode: "half-away" } : undefined;
}

function rounded(x: Expr, rounding: OutputDecision["rounding"]): Expr {
  if (!rounding) return x;
  return { e: "round", arg: x, decimals: rounding.decimals, mode: rounding.mode, type: x.type, span: x.span };
}

/** Lower the rule semantics of a checked policy into decision data. Pure; never throws on a checked policy. */
export function decide(policy: Policy): Decisions {
  const rules: RuleSelection[] = policy.rules.map((r, i) => ({
    rule: i,
    name: r.name,
    clauses: r.clauses.map((cl) => (cl.head === "indien" ? { head: cl.head, condition: cl.condition! } : { head: cl.head })),
  }));
  const outputs = policy.outputs.map((o, index): OutputDecision => {
    const rounding = outputRounding(o.type);
    const candidates: Candidate[] = [];
    for (const ri of o.rules) {
      const rule = policy.rules[ri]!;
      rule.clauses.forEach((cl, k) => {
        const assignment = cl.assignments.find((a) => a.output === o.name);
        if (!assignment) return;
        const notHolding = rule.clauses.slice(0, k).flatMap((earlier) => (earlier.condition ? [earlier.condition] : []));
        candidates.push({
          rule: ri,
          clause: k,
          guard: cl.head === "indien" ? { holds: cl.condition!, notHolding } : { notHolding },
          assigned: assignment.value,
          value: rounded(assignment.value, rounding),
          span: assignment.span,
          reads: cl.reads.filter((rd) => !(rd.ref === "output" && rd.name === o.name)),
        });
      });
    }
    const candidateRules = new Set(o.rules);
    const exceptions: ExceptionEdge[] = [];
    for (const ri of o.rules) {
      for (const target of policy.rules[ri]!.exceptionTo ?? []) {
        if (candidateRules.has(target)) exceptions.push({ exception: ri, replaces: target });
      }
    }
    return {
      output: index,
      name: o.name,
      type: o.type,
      rules: [...o.rules],
      candidates,
      exceptions,
      mayConflict: o.rules.length > 1,
      ...(o.default ? { default: rounded(o.default, rounding) } : {}),
      ...(rounding ? { rounding } : {}),
    };
  });
  return { rules, outputs };
}
