// Lowering for the JS/TS emitter: every decision about the shape of the
// generated module that is not a rule-semantics decision (those are in
// ir/decisions.ts) is made here, before anything is printed: which parameters
// fold to constants, which definitions are memoised and which of them warm up
// their dependencies first (deep begrip chains), which functions are memoised.
// In: a LoweredPolicy. Out: a ModulePlan that emit/generate.ts prints.

import type * as IR from "../ir/ir.js";
import { evalConstant } from "../ir/constant.js";

/**
 * A definition read through a chain deeper than this warms up what it reads
 * bottom-up first (runtime `warm`), so evaluation never recurses through
 * thousands of begrippen (issue 12: a 10.001-step chain broke every run).
 */
export const WARM_DEPTH = 64;

/** A parameter that is not constant, or a begrip: computed at most once per case. */
export interface DefinitionPlan {
  kind: "parameter" | "begrip";
  def: IR.Definition;
  /** Index into ModulePlan.definitions. */
  index: number;
  /** The definitions it reads, directly or through functions (indices). */
  deps: number[];
  /** The longest chain of definitions below it. */
  depth: number;
  /** Warm up `deps` bottom-up before computing it. */
  warm: boolean;
}

export interface FunctionPlan {
  def: IR.FunctionDef;
  /** It calls other functions: memoised per case on its arguments, and counted against CALL_LIMIT. */
  memoised: boolean;
}

export interface ModulePlan {
  policy: IR.LoweredPolicy;
  optionalInputs: ReadonlySet<string>;
  /** Parameters whose value needs no case: printed as constants. */
  constParams: ReadonlyMap<string, { value: IR.Value; type: IR.Type }>;
  definitions: DefinitionPlan[];
  functions: FunctionPlan[];
  /** Some definition warms up: every definition remembers a failure, so a warm-up that met it costs nothing later. */
  deep: boolean;
}

/** Every sub-expression of `x`, `x` first. */
export function walk(x: IR.Expr, visit: (x: IR.Expr) => void): void {
  visit(x);
  for (const c of children(x)) walk(c, visit);
}

/** The direct sub-expressions of `x`, in evaluation order. */
export function children(x: IR.Expr): IR.Expr[] {
  switch (x.e) {
    case "call": case "std": return x.args;
    case "field": case "fieldKnown": return [x.object];
    case "num": case "cmp": case "and": case "or": case "date_diff": case "dur_add": return [x.left, x.right];
    case "neg": case "not": case "round": case "dur": case "dur_neg": case "to_aantal": case "percent": return [x.arg];
    case "in": return [x.arg, ...x.values];
    case "inList": return [x.arg, x.list];
    case "between": return [x.arg, x.low, x.high];
    case "if": return [x.cond, x.then, x.else];
    case "agg": return [x.list, ...(x.body ? [x.body] : []), ...(x.filter ? [x.filter] : [])];
    case "date_add": return [x.date, x.dur];
    case "period": return [x.from, x.to];
    case "list": return x.items;
    case "record": return x.fields.map((f) => f.value);
    default: return [];
  }
}

/** Post-order of a graph given by `edges`, without recursion (chains can be 10.000 long). */
function postOrder(n: number, edges: (i: number) => readonly number[]): number[] {
  const order: number[] = [];
  const seen = new Uint8Array(n);
  for (let root = 0; root < n; root++) {
    if (seen[root]) continue;
    seen[root] = 1;
    const stack = [root];
    const next = [0];
    while (stack.length > 0) {
      const top = stack.length - 1;
      const es = edges(stack[top]!);
      if (next[top]! < es.length) {
        const j = es[next[top]!++]!;
        if (!seen[j]) { seen[j] = 1; stack.push(j); next.push(0); }
        continue;
      }
      order.push(stack.pop()!);
      next.pop();
    }
  }
  return order;
}

export function lower(policy: IR.LoweredPolicy): ModulePlan {
  const optionalInputs = new Set(policy.inputs.filter((i) => i.optional).map((i) => i.name));
  const constParams = new Map<string, { value: IR.Value; type: IR.Type }>();
  for (const p of policy.parameters) {
    const v = evalConstant(p.value);
    if (v !== undefined && p.type.k !== "record" && p.type.k !== "lijst") constParams.set(p.name, { value: v, type: p.type });
  }

  const definitions: DefinitionPlan[] = [
    ...policy.parameters.filter((p) => !constParams.has(p.name)).map((def) => ({ kind: "parameter" as const, def })),
    ...policy.begrippen.map((def) => ({ kind: "begrip" as const, def })),
  ].map((d, index) => ({ ...d, index, deps: [], depth: 0, warm: false }));
  const defIndex = new Map(definitions.map((d) => [`${d.kind}:${d.def.name}`, d.index]));
  const fnIndex = new Map(policy.functions.map((f, i) => [f.name, i]));

  // What each function and definition reads directly.
  const direct = (body: IR.Expr) => {
    const defs = new Set<number>();
    const calls = new Set<number>();
    walk(body, (x) => {
      if (x.e === "ref" && (x.ref === "parameter" || x.ref === "begrip")) {
        const i = defIndex.get(`${x.ref}:${x.name}`);
        if (i !== undefined) defs.add(i);
      } else if (x.e === "call") {
        const i = fnIndex.get(x.fn);
        if (i !== undefined) calls.add(i);
      }
    });
    return { defs, calls };
  };
  const fnDirect = policy.functions.map((f) => direct(f.body));
  // The definitions a function reads through the functions it calls, callees first.
  const fnDefs: Set<number>[] = policy.functions.map(() => new Set());
  for (const i of postOrder(policy.functions.length, (i) => [...fnDirect[i]!.calls])) {
    const s = fnDefs[i]!;
    for (const d of fnDirect[i]!.defs) s.add(d);
    for (const c of fnDirect[i]!.calls) for (const d of fnDefs[c]!) s.add(d);
  }
  for (const d of definitions) {
    const { defs, calls } = direct(d.def.value);
    for (const c of calls) for (const x of fnDefs[c]!) defs.add(x);
    defs.delete(d.index);
    d.deps = [...defs].sort((a, b) => a - b);
  }
  for (const i of postOrder(definitions.length, (i) => definitions[i]!.deps)) {
    const d = definitions[i]!;
    d.depth = d.deps.reduce((m, j) => Math.max(m, definitions[j]!.depth + 1), 0);
    d.warm = d.depth > WARM_DEPTH;
  }

  const functions = policy.functions.map((def, i) => ({ def, memoised: fnDirect[i]!.calls.size > 0 }));
  return { policy, optionalInputs, constParams, definitions, functions, deep: definitions.some((d) => d.warm) };
}
