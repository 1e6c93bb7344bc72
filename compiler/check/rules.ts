// Checking rules (LANGUAGE.md §5) and their lints. In: the rule
// declarations and the outputs by name. Out: IR rules (clauses with their
// conditions, assignments and what they read, for --explain), each output's
// list of defining rules, and the dependency edges output → rule →
// assignment. Reports unknown or self exceptions (P0307, P0510), exception
// cycles (P0505), unreachable clauses (P0503), a clause defining an output
// twice (P0504), an output nobody defines (P0502), and warns for a rule
// without an article (P0506), an exception with `anders` (P0507) and a
// `bedrag` that may get fractions of cents (P0508).

import { suggest, type Span } from "../../runtime/diagnostic.js";
import type * as A from "../syntax/ast.js";
import type * as IR from "../ir/ir.js";
import { report, within, type CheckContext, type Read } from "./context.js";
import { articleLabels } from "./declarations.js";
import { checkCondition, checkExpr, EMPTY_SCOPE, synth } from "./expressions.js";
import { checkTable } from "./tables.js";

export function checkRules(cx: CheckContext, policy: IR.Policy, outputs: ReadonlyMap<string, IR.Output>): void {
  [...cx.symbols.rules.values()].forEach(({ decl, table }, index) => {
    const rule = within(cx, { kind: "rule", name: decl.name }, () => checkRule(cx, decl, index, outputs));
    if (table) checkTable(cx, table, rule, policy);
    policy.rules.push(rule);
  });
  linkOutputs(cx, policy);
  reportExceptionCycles(cx, policy);
}

function checkRule(cx: CheckContext, r: A.RuleDecl, index: number, outputs: ReadonlyMap<string, IR.Output>): IR.Rule {
  if (r.articles.length === 0) report(cx, "P0506", r.nameSpan, { name: r.name });
  const rule: IR.Rule = { name: r.name, articles: articleLabels(r.articles), clauses: [], span: r.span };
  if (r.lid) rule.lid = r.lid.text;
  for (const ref of r.exceptionTo ?? []) {
    const target = cx.symbols.rules.get(ref.name);
    if (!target) report(cx, "P0307", ref.span, { name: ref.name, suggestions: suggest(ref.name, cx.symbols.rules.keys()) });
    else if (target.decl === r) report(cx, "P0510", ref.span, { name: r.name });
    else if (!(rule.exceptionTo ?? []).includes(target.index)) {
      rule.exceptionTo = [...(rule.exceptionTo ?? []), target.index];
      reportAnders(cx, r, target.decl);
    }
  }
  let closed = false;
  const earlier: string[] = [];
  let earlierReads = new Map<string, Read>();
  for (const c of r.clauses) {
    if (closed) report(cx, "P0503", c.span, {});
    if (c.head !== "indien") closed = true;
    cx.reads = new Map(earlierReads);
    const clause: IR.Clause = { head: c.head, assignments: [], reads: [], earlierConditions: [...earlier], span: c.span };
    if (c.condition) {
      clause.condition = checkCondition(cx, c.condition, EMPTY_SCOPE);
      clause.conditionText = cx.source.slice(c.condition.span.start, c.condition.span.end).replace(/\s+/g, " ");
      earlier.push(clause.conditionText);
      earlierReads = new Map(cx.reads);
    }
    checkAssignments(cx, r, c, clause, index, outputs);
    if (r.lid) checkPlaceholders(cx, r.lid, outputs, rule.clauses.length === 0);
    clause.reads = [...cx.reads.values()];
    cx.reads = null;
    rule.clauses.push(clause);
  }
  return rule;
}

/**
 * An exception with an `anders` clause always applies: for the outputs that
 * clause sets, the target never gives a value. The target's other outputs
 * it still sets, and the warning says so.
 */
function reportAnders(cx: CheckContext, r: A.RuleDecl, target: A.RuleDecl): void {
  const anders = r.clauses.find((c) => c.head === "anders");
  if (!anders) return;
  const set = new Set(anders.assignments.map((a) => a.target));
  const targetSets = [...new Set(target.clauses.flatMap((c) => c.assignments.map((a) => a.target)))];
  const outputs = targetSets.filter((o) => set.has(o));
  if (outputs.length === 0) return;
  report(cx, "P0507", r.nameSpan, { name: r.name, target: target.name, outputs, others: targetSets.filter((o) => !set.has(o)) });
}

function checkAssignments(cx: CheckContext, r: A.RuleDecl, c: A.RuleDecl["clauses"][number], clause: IR.Clause, index: number, outputs: ReadonlyMap<string, IR.Output>): void {
  const seen = new Set<string>();
  for (const a of c.assignments) {
    const out = outputs.get(a.target);
    if (!out) {
      if (cx.symbols.values.get(a.target)) report(cx, "P0312", a.targetSpan, { name: a.target });
      else report(cx, "P0301", a.targetSpan, { name: a.target, suggestions: suggest(a.target, outputs.keys()) });
      synth(cx, a.value, EMPTY_SCOPE);
      continue;
    }
    if (seen.has(a.target)) report(cx, "P0504", a.targetSpan, { name: a.target });
    seen.add(a.target);
    // An assignment's reads are a dependency of this output only, not of
    // the rule's other outputs: `a n` and `b a > 0` in one rule is no cycle.
    const value = within(cx, { kind: "assignment", rule: r.name, output: a.target }, () => checkExpr(cx, a.value, out.type, EMPTY_SCOPE, a.target));
    if (out.type.k === "bedrag" && mayHaveSubCents(value)) report(cx, "P0508", a.span, { name: a.target });
    clause.assignments.push({ output: a.target, value, span: a.span });
    if (!out.rules.includes(index)) out.rules.push(index);
  }
}

/**
 * The `{naam}` placeholders of a rule's member sentence: an output (its value
 * is in every explanation), or a name the clause then reads like any other
 * (an input, parameter or begrip), so its value is in the explanation. An
 * unknown name is reported once, as in an expression.
 */
function checkPlaceholders(cx: CheckContext, lid: { text: string; span: Span }, outputs: ReadonlyMap<string, IR.Output>, report1st: boolean): void {
  for (const m of lid.text.matchAll(/\{\s*([^{}\s]*)\s*\}/g)) {
    const name = m[1]!;
    if (outputs.has(name)) continue;
    const before = cx.diagnostics.length;
    synth(cx, { kind: "Name", name, span: lid.span }, EMPTY_SCOPE);
    if (!report1st) cx.diagnostics.length = before;
  }
}

/** An output depends on the conditions of the rules that define it and on their assignments to it. */
function linkOutputs(cx: CheckContext, policy: IR.Policy): void {
  for (const out of policy.outputs) {
    const node = { kind: "output", name: out.name } as const;
    cx.graph.add(node);
    for (const i of out.rules) {
      const rule = policy.rules[i]!.name;
      cx.graph.add(node, { kind: "rule", name: rule });
      cx.graph.add(node, { kind: "assignment", rule, output: out.name });
    }
    if (out.rules.length === 0 && !out.default) report(cx, "P0502", out.span, { name: out.name });
  }
}

/**
 * Exception cycles (LANGUAGE.md §5): a rule may be an exception to several
 * rules (`uitzondering op A, B`), so the exceptions form a graph. Each cycle is
 * reported once, at the rule with the smallest index on it, as the path that
 * returns to it.
 */
function reportExceptionCycles(cx: CheckContext, policy: IR.Policy): void {
  policy.rules.forEach((r, i) => {
    const path = findPathBack(policy, i);
    if (path && Math.min(...path.slice(0, -1)) === i) report(cx, "P0505", r.span, { cycle: path.map((k) => policy.rules[k]!.name) });
  });
}

/** The shortest exception path from rule `start` back to itself (breadth first), or undefined. */
function findPathBack(policy: IR.Policy, start: number): number[] | undefined {
  const previous = new Map<number, number>();
  const queue = [start];
  while (queue.length > 0) {
    const cur = queue.shift()!;
    for (const next of policy.rules[cur]!.exceptionTo ?? []) {
      if (next === start) {
        const path: number[] = [];
        for (let k = cur; k !== start; k = previous.get(k)!) path.unshift(k);
        return [start, ...path, start];
      }
      if (!previous.has(next)) {
        previous.set(next, cur);
        queue.push(next);
      }
    }
  }
  return undefined;
}

/**
 * LANGUAGE.md §5: warn where a `bedrag` output's expression can produce
 * sub-cent values outside a rounding operator: it divides, or multiplies by a
 * `getal` or `percentage`.
 */
function mayHaveSubCents(x: IR.Expr): boolean {
  switch (x.e) {
    case "round":
      return false;
    case "num":
      if (x.op === "div") return true;
      if (x.op === "mul") {
        const other = x.left.type.k === "bedrag" ? x.right : x.left;
        if (other.type.k === "getal" || other.type.k === "percentage") return true;
      }
      return mayHaveSubCents(x.left) || mayHaveSubCents(x.right);
    case "neg":
      return mayHaveSubCents(x.arg);
    case "if":
      return mayHaveSubCents(x.then) || mayHaveSubCents(x.else);
    case "std":
      return x.args.some(mayHaveSubCents);
    case "agg":
      return x.body ? mayHaveSubCents(x.body) : false;
    default:
      return false;
  }
}
