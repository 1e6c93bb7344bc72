// The type checker: AST + symbols → IR policy (LANGUAGE.md §3–§8). It runs
// its parts in order over one explicit context: declarations (types, inputs,
// definitions, outputs), rules and their lints, the dependency graph's
// cycles, then the policy's own tests. It reports every error it can find
// and continues past them with the type `fout`, which silences follow-ups.
// INVARIANT: the IR's parameters are in dependency order (a parameter only
// reads parameters before it), so back ends can define them in sequence.

import type { Diagnostic } from "../../runtime/diagnostic.js";
import type * as A from "../syntax/ast.js";
import type * as IR from "../ir/ir.js";
import type { Symbols } from "../resolve/resolve.js";
import { dependencyOrder, findCycles, type DependencyNode } from "../resolve/dependencies.js";
import { newContext, report, type CheckContext } from "./context.js";
import { checkDefinitions, checkInputs, checkOutputs, emptyPolicy } from "./declarations.js";
import { checkRules } from "./rules.js";
import { checkTests } from "./tests.js";
import { checkPercentageSlips } from "./percentages.js";

export function check(program: A.Program, symbols: Symbols, source: string): { policy: IR.Policy; diagnostics: Diagnostic[] } {
  const cx = newContext(program, symbols, source);
  const policy = emptyPolicy(cx);
  checkInputs(cx, policy);
  checkDefinitions(cx, policy);
  const outputs = checkOutputs(cx, policy);
  checkRules(cx, policy, outputs);
  for (const cycle of findCycles(cx.graph)) reportCycle(cx, cycle);
  checkTests(cx, policy, outputs);
  checkPercentageSlips(cx);
  policy.parameters = dependencyOrder(policy.parameters, (p) => ({ kind: "parameter", name: p.name }), cx.graph);
  return { policy, diagnostics: cx.diagnostics };
}

/**
 * A cycle of definitions (P0501), or of functions only: recursion (P0509).
 * `cycle` is closed (its last node is its first). Rules and assignments are
 * not shown, so it starts at a declaration: `x → y → x`, never `y → x`.
 */
function reportCycle(cx: CheckContext, cycle: DependencyNode[]): void {
  const hidden = (n: DependencyNode) => n.kind === "rule" || n.kind === "assignment";
  const open = cycle.slice(0, -1);
  const start = Math.max(0, open.findIndex((n) => !hidden(n)));
  const rotated = [...open.slice(start), ...open.slice(0, start)];
  const closed = [...rotated, rotated[0]!];
  const shown = closed.filter((n) => !hidden(n)).map(shownName);
  const first = closed[0]!;
  const name = shownName(first);
  const span = (first.kind === "rule" ? cx.symbols.rules.get(first.name)?.decl.nameSpan : cx.symbols.values.get(name)?.span) ?? cx.program.span;
  if (open.every((n) => n.kind === "function")) report(cx, "P0509", span, { name, cycle: shown });
  else report(cx, "P0501", span, { cycle: shown });
}

function shownName(n: DependencyNode): string {
  return n.kind === "assignment" ? `${n.rule}:${n.output}` : n.name;
}
