// Why a case changes between two versions (issue 16): the groups of a change
// report and what a witness shows. In: a policy's IR and the explanation the
// generated module gives for one case. Out: a key for the rule clauses that
// decided an output, and the inputs and parameters those clauses read.
//
// Two cases change "for the same reason" when, for every output that differs,
// the same rule clauses decide it in the old and in the new version, it
// changes the same way (`ja → nee`, `hoger`), and the same values the deciding
// rules read differ between the versions (a parameter, a begrip that holds in
// one version and not the other). The inputs involved in a case are those the
// deciding clauses read (their conditions, the conditions of the earlier
// clauses that did not hold, the value they assign), followed through
// begrippen, functions, parameters and the outputs that differ too: an output
// that is the same in both versions is a given, not part of the reason.

import type { Explanation, ExplainStep } from "../../runtime/explain.js";
import { formatValueDutch } from "../../runtime/case.js";
import type { Policy, RefKind } from "../ir/ir.js";
import { typeDescOf } from "../ir/ir.js";
import { evalConstant } from "../ir/constant.js";

/** A value that made the difference: `verplicht_per_jaar`, `€ 220`, `€ 350`. */
export interface Because {
  name: string;
  old: string;
  new: string;
}

/** An input that made the difference, in Dutch notation; `only` marks an input one version lacks. */
export interface Shown {
  name: string;
  value: string;
  only?: "oud" | "nieuw";
}

type Ref = { kind: RefKind | "function"; name: string };

/** Every name an IR node reads (inputs, parameters, begrippen, outputs, functions), without descending into types or constants. */
export function refsOf(x: unknown, acc: Ref[] = []): Ref[] {
  if (x === null || typeof x !== "object") return acc;
  if (Array.isArray(x)) {
    for (const y of x) refsOf(y, acc);
    return acc;
  }
  const node = x as Record<string, unknown>;
  if (node.e === "const") return acc;
  if (node.e === "ref") {
    acc.push({ kind: node.ref as RefKind, name: node.name as string });
    return acc;
  }
  if (node.e === "known") acc.push({ kind: "input", name: node.name as string });
  if (node.e === "call") acc.push({ kind: "function", name: node.fn as string });
  for (const [k, v] of Object.entries(node)) if (k !== "type" && k !== "span") refsOf(v, acc);
  return acc;
}

/** The steps of an explanation by output. */
export function stepsByOutput(e: Explanation): Map<string, ExplainStep> {
  return new Map(e.steps.map((s) => [s.output, s]));
}

/** The rule clauses that decided an output, as a stable key: `indicatie/indien:indicatie = multiple_myeloom`. */
export function decidingKey(step: ExplainStep | undefined): string {
  if (!step) return "-";
  if (step.byDefault) return "standaardwaarde";
  return step.rules
    .filter((r) => !r.replaced)
    .map((r) => `${r.name}/${r.head}${r.condition !== undefined ? `:${r.condition}` : ""}`)
    .join("+");
}

export interface Involved {
  inputs: Set<string>;
  parameters: Set<string>;
  begrippen: Set<string>;
}

/** The inputs, parameters and begrippen that decide some outputs of one version, per case; memoised per clause. */
export class Involvement {
  private readonly clauseRefs = new Map<string, Ref[]>();
  private readonly definitionRefs = new Map<string, Ref[]>();

  constructor(private readonly policy: Policy) {}

  /** What the deciding clauses of `outputs` read, following outputs only while they are in `differing`. */
  of(steps: ReadonlyMap<string, ExplainStep>, outputs: readonly string[], differing: ReadonlySet<string>): Involved {
    const out: Involved = { inputs: new Set(), parameters: new Set(), begrippen: new Set() };
    const seen = new Set<string>();
    const todo: Ref[] = outputs.map((name) => ({ kind: "output", name }));
    for (let ref = todo.pop(); ref !== undefined; ref = todo.pop()) {
      const key = `${ref.kind} ${ref.name}`;
      if (seen.has(key)) continue;
      seen.add(key);
      switch (ref.kind) {
        case "input":
          out.inputs.add(ref.name);
          break;
        case "parameter":
          out.parameters.add(ref.name);
          todo.push(...this.definition("parameter", ref.name));
          break;
        case "begrip":
          out.begrippen.add(ref.name);
          todo.push(...this.definition("begrip", ref.name));
          break;
        case "function":
          todo.push(...this.definition("function", ref.name));
          break;
        case "output":
          if (differing.has(ref.name)) todo.push(...this.output(steps.get(ref.name), ref.name));
          break;
        case "local":
          break;
      }
    }
    return out;
  }

  private definition(kind: "parameter" | "begrip" | "function", name: string): Ref[] {
    const key = `${kind} ${name}`;
    let refs = this.definitionRefs.get(key);
    if (!refs) {
      const p = this.policy;
      const node = kind === "parameter" ? p.parameters.find((d) => d.name === name)?.value : kind === "begrip" ? p.begrippen.find((d) => d.name === name)?.value : p.functions.find((f) => f.name === name)?.body;
      refs = refsOf(node);
      this.definitionRefs.set(key, refs);
    }
    return refs;
  }

  /** What decided one output: its deciding clauses (with the earlier clauses that did not hold), or, by default, every rule that could have applied. */
  private output(step: ExplainStep | undefined, name: string): Ref[] {
    const key = `${name}\u0000${decidingKey(step)}`;
    let refs = this.clauseRefs.get(key);
    if (refs) return refs;
    refs = [];
    const o = this.policy.outputs.find((x) => x.name === name);
    if (!step || step.byDefault) {
      if (o) for (const i of o.rules) refsOf(this.policy.rules[i]!.clauses.map((c) => c.condition), refs);
      refsOf(o?.default, refs);
    } else {
      for (const r of step.rules.filter((x) => !x.replaced)) {
        const rule = this.policy.rules.find((x) => x.name === r.name);
        if (!rule) continue;
        let k = rule.clauses.findIndex((c) => c.head === r.head && (r.head !== "indien" || c.conditionText === r.condition));
        if (k < 0) k = rule.clauses.findIndex((c) => c.head === r.head);
        if (k < 0) continue;
        for (const c of rule.clauses.slice(0, k)) refsOf(c.condition, refs);
        const clause = rule.clauses[k]!;
        refsOf(clause.condition, refs);
        refsOf(clause.assignments.filter((a) => a.output === name).map((a) => a.value), refs);
      }
    }
    this.clauseRefs.set(key, refs);
    return refs;
  }
}

/** A parameter's value in Dutch notation, when it is a constant. */
function parameterValue(policy: Policy, name: string): string | undefined {
  const d = policy.parameters.find((x) => x.name === name);
  if (!d) return undefined;
  const v = evalConstant(d.value);
  return v === undefined ? undefined : formatValueDutch(v, typeDescOf(d.type));
}

/**
 * The values that made the difference: the parameters and begrippen the
 * deciding clauses read (in either version) whose value differs, or that only
 * one version has.
 */
export function wantOf(oldPolicy: Policy, newPolicy: Policy, readsThatDiffer: readonly Because[], io: Involved, in_: Involved): Because[] {
  const out: Because[] = [];
  const involved = new Set([...io.parameters, ...io.begrippen, ...in_.parameters, ...in_.begrippen]);
  for (const r of readsThatDiffer) if (involved.has(r.name)) out.push(r);
  const names = [...new Set([...io.parameters, ...in_.parameters])].sort();
  for (const name of names) {
    if (out.some((x) => x.name === name)) continue;
    const o = parameterValue(oldPolicy, name);
    const n = parameterValue(newPolicy, name);
    const inOld = oldPolicy.parameters.some((x) => x.name === name);
    const inNew = newPolicy.parameters.some((x) => x.name === name);
    if (!inOld || !inNew) out.push({ name, old: inOld ? (o ?? "?") : "(geen)", new: inNew ? (n ?? "?") : "(vervallen)" });
    else if (o !== undefined && n !== undefined && o !== n) out.push({ name, old: o, new: n });
  }
  return out;
}

/** The inputs the deciding clauses read, in Dutch notation, in input order; an input only one version has says so. */
export function shownInputs(oldPolicy: Policy, newPolicy: Policy, values: Record<string, unknown>, io: Involved, in_: Involved): Shown[] {
  const out: Shown[] = [];
  const inputs = [...newPolicy.inputs, ...oldPolicy.inputs.filter((i) => !newPolicy.inputs.some((j) => j.name === i.name))];
  for (const i of inputs) {
    if (!io.inputs.has(i.name) && !in_.inputs.has(i.name)) continue;
    const inOld = oldPolicy.inputs.some((j) => j.name === i.name);
    const inNew = newPolicy.inputs.some((j) => j.name === i.name);
    out.push({ name: i.name, value: formatValueDutch(values[i.name], typeDescOf(i.type)), ...(inOld && inNew ? {} : { only: inOld ? ("oud" as const) : ("nieuw" as const) }) });
  }
  return out;
}
