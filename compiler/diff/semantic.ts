// Semantic diff (LANGUAGE.md §11, issue #5): concrete cases, valid for both
// versions, that the old version decides differently from the new one.
// In: two IR policies and their loaded modules. Out: how often each shared
// output differs in a random sample, and up to N witnesses, each shrunk by
// fast-check to a simple case, with both outcomes and the rules that gave them.
//
// Cases are generated as for `eigenschap`s (compiler/properties), from the
// union of both versions' inputs, dates drawn from both `geldig` periods
// together, and weighted toward the boundary values of BOTH versions, so a
// threshold moved from 56 to 35 is hit for certain, not by luck. A case that
// either version rejects (a beperking, a voorwaarde) is not valid for both and
// is skipped.

import fc from "fast-check";
import { PolisError } from "../../runtime/diagnostic.js";
import { decodeCase, encodeValue, formatValueDutch } from "../../runtime/case.js";
import { compareValues, valueEquals, type TypeDesc } from "../../runtime/types.js";
import { dayFromYmd } from "../../runtime/calendar.js";
import type { Explanation } from "../../runtime/explain.js";
import type { Policy } from "../ir/ir.js";
import { typeDescOf } from "../ir/ir.js";
import type { DecisionModule } from "../emit/load.js";
import { caseFileOf, collectBoundaries, inputsArbitrary, mergeBoundaries } from "../properties/arbitraries.js";

/** 31 december 2100, the default end of LANGUAGE.md §8. */
const DEFAULT_DATE_TO = dayFromYmd(2100, 12, 31)!;

export interface SemanticOptions {
  seed?: number;
  /** Size of the random sample for the frequencies. */
  samples?: number;
  /** At most this many witnesses. */
  witnesses?: number;
}

/** An outcome: the outputs (encoded as in a case file), or an error. */
export type Outcome = { outputs: Record<string, unknown> } | { fout: { code: string; bericht: string } };

export interface Witness {
  /** A case file valid for both versions (when their inputs differ: every field of both). */
  input: Record<string, unknown>;
  /** When the versions have different inputs: the case file of each. */
  oldInput?: Record<string, unknown>;
  newInput?: Record<string, unknown>;
  /** How the first differing output changed: `ja → nee`, `hoger`, `fout → waarde`, … */
  change: string;
  old: Outcome;
  new: Outcome;
  /** The outputs that differ. */
  outputs: string[];
  /** Per differing output, the rules (with articles) that gave it in each version. */
  rules: { output: string; old: string[]; new: string[] }[];
  /** Values the rules read that differ between the versions: `verplicht_per_jaar: € 220 → € 350`. */
  because: string[];
}

export interface SemanticResult {
  /** Valid cases evaluated in the random sample. */
  searched: number;
  /** Per shared output, the fraction of the sample where it differs. */
  differs: Record<string, number>;
  witnesses: Witness[];
  /** Inputs only one version has; a case gives each version its own. */
  inputsOnlyOld: string[];
  inputsOnlyNew: string[];
  sharedOutputs: string[];
}

type Values = Record<string, unknown>;

interface Side {
  policy: Policy;
  module: DecisionModule;
}

function project(side: Side, values: Values): Values {
  const out: Values = {};
  for (const i of side.policy.inputs) out[i.name] = values[i.name];
  return out;
}

/** The case file of a side (LANGUAGE.md §10 encodings). */
function encodeCase(side: Side, values: Values): Record<string, unknown> {
  return caseFileOf(side.policy.inputs, values);
}

type Raw = { ok: true; outputs: Values } | { ok: false; code: string; message: string } | { ok: "invalid" };

function decide(side: Side, values: Values): Raw {
  try {
    const decoded = decodeCase(encodeCase(side, values), side.module.inputFields);
    return { ok: true, outputs: side.module.decideValues(decoded) };
  } catch (e) {
    if (!(e instanceof PolisError)) throw e;
    if (e.diagnostic.code.startsWith("P07")) return { ok: "invalid" };
    return { ok: false, code: e.diagnostic.code, message: e.diagnostic.message };
  }
}

/** How an output changed between the versions, as a short Dutch label (a witness is sought per label). */
function changeOf(a: Raw, b: Raw, output: string, t: TypeDesc): string {
  if (a.ok !== true || b.ok !== true) return a.ok === true ? "waarde → fout" : b.ok === true ? "fout → waarde" : "andere fout";
  const x = a.outputs[output];
  const y = b.outputs[output];
  if (t.k === "janee") return `${x ? "ja" : "nee"} → ${y ? "ja" : "nee"}`;
  try {
    const c = compareValues(x, y, t);
    if (c < 0) return "hoger";
    if (c > 0) return "lager";
  } catch {
    // not ordered (tekst, soort, …)
  }
  return "anders";
}

function differs(a: Raw, b: Raw, output: string, t: TypeDesc): boolean {
  if (a.ok === true && b.ok === true) return !valueEquals(a.outputs[output], b.outputs[output], t);
  if (a.ok === false && b.ok === false) return a.code !== b.code;
  return true;
}

export function semanticDiff(oldSide: Side, newSide: Side, options: SemanticOptions = {}): SemanticResult {
  const seed = options.seed ?? 20120101;
  const samples = options.samples ?? 10_000;
  const maxWitnesses = options.witnesses ?? 8;
  const oldOut = new Map(oldSide.policy.outputs.map((o) => [o.name, typeDescOf(o.type)]));
  const shared = newSide.policy.outputs
    .filter((o) => oldOut.has(o.name) && JSON.stringify(oldOut.get(o.name)) === JSON.stringify(typeDescOf(o.type)))
    .map((o) => ({ name: o.name, type: typeDescOf(o.type) }));
  const oldInputs = new Set(oldSide.policy.inputs.map((i) => i.name));
  const newInputs = new Set(newSide.policy.inputs.map((i) => i.name));

  // Dates without a beperking come from both `geldig` periods together (§8); an
  // open end (`geldig vanaf`) or no period at all falls back to the defaults.
  const metas = [oldSide, newSide].map((s) => s.policy.metadata);
  const dates: { dateFrom?: number; dateTo?: number } = {};
  if (metas.every((m) => m.validFrom !== undefined)) dates.dateFrom = Math.min(...metas.map((m) => m.validFrom!));
  if (metas.every((m) => m.validThrough !== undefined)) dates.dateTo = Math.max(...metas.map((m) => m.validThrough!));
  else dates.dateTo = DEFAULT_DATE_TO;
  const boundaries = mergeBoundaries(collectBoundaries(oldSide.policy), collectBoundaries(newSide.policy));
  // Each version's own arbitrary gives its own beperkingen a fair chance; the
  // union of fields is drawn so both versions get every input they need.
  const arbOld = inputsArbitrary(oldSide.policy, { ...dates, boundaries });
  const arbNew = inputsArbitrary(newSide.policy, { ...dates, boundaries });
  const arb = fc.tuple(fc.oneof(arbOld, arbNew), arbOld, arbNew).map(([base, o, n]) => ({ ...o, ...n, ...base }));

  // The sample: how often each shared output differs, and in which ways.
  const counts = new Map(shared.map((o) => [o.name, 0]));
  const kinds = new Map<string, { output: { name: string; type: TypeDesc }; change: string }>();
  let searched = 0;
  for (const values of fc.sample(arb, { numRuns: samples, seed })) {
    const a = decide(oldSide, project(oldSide, values));
    const b = decide(newSide, project(newSide, values));
    if (a.ok === "invalid" || b.ok === "invalid") continue;
    searched++;
    for (const o of shared) {
      if (!differs(a, b, o.name, o.type)) continue;
      counts.set(o.name, counts.get(o.name)! + 1);
      const change = changeOf(a, b, o.name, o.type);
      kinds.set(`${o.name}|${change}`, { output: o, change });
    }
  }
  const fractions: Record<string, number> = {};
  for (const o of shared) fractions[o.name] = searched === 0 ? 0 : counts.get(o.name)! / searched;

  // Witnesses: per output and per way it changes (ja → nee and nee → ja,
  // hoger and lager, …), the simplest case fast-check can shrink to, for the
  // ways seen in the sample, in output order. Then the outputs that differed
  // in no sampled case share targeted searches: one search for any of them,
  // repeated without the outputs it found a witness for. (One search per
  // output made `diff` quadratic in the number of outputs: issue 12.)
  const targets = [...kinds.values()].sort((p, q) => shared.indexOf(p.output) - shared.indexOf(q.output));
  const witnesses: Witness[] = [];
  const seen = new Set<string>();
  const search = (outputs: readonly { name: string; type: TypeDesc }[], change: string): Values | undefined => {
    const result = fc.check(
      fc.property(arb, (values) => {
        const a = decide(oldSide, project(oldSide, values));
        const b = decide(newSide, project(newSide, values));
        if (a.ok === "invalid" || b.ok === "invalid") return true;
        return !outputs.some((o) => differs(a, b, o.name, o.type) && (change === "" || changeOf(a, b, o.name, o.type) === change));
      }),
      { seed, numRuns: Math.max(1000, samples / 5) },
    );
    return result.failed && result.counterexample ? (result.counterexample[0] as Values) : undefined;
  };
  const add = (values: Values, first: string): void => {
    const w = witness(oldSide, newSide, values, shared, first);
    const id = JSON.stringify(w.input);
    if (seen.has(id)) return;
    seen.add(id);
    witnesses.push(w);
  };
  for (const target of targets) {
    if (witnesses.length >= maxWitnesses) break;
    const values = search([target.output], target.change);
    if (values) add(values, target.output.name);
  }
  let unseen = shared.filter((o) => ![...kinds.values()].some((k) => k.output === o));
  while (unseen.length > 0 && witnesses.length < maxWitnesses) {
    const values = search(unseen, "");
    if (!values) break;
    const a = decide(oldSide, project(oldSide, values));
    const b = decide(newSide, project(newSide, values));
    const found = unseen.filter((o) => a.ok !== "invalid" && b.ok !== "invalid" && differs(a, b, o.name, o.type));
    if (found.length === 0) break;
    add(values, found[0]!.name);
    unseen = unseen.filter((o) => !found.includes(o));
  }
  return {
    searched,
    differs: fractions,
    witnesses,
    inputsOnlyOld: [...oldInputs].filter((n) => !newInputs.has(n)),
    inputsOnlyNew: [...newInputs].filter((n) => !oldInputs.has(n)),
    sharedOutputs: shared.map((o) => o.name),
  };
}

function outcomeOf(side: Side, raw: Raw): Outcome {
  if (raw.ok === true) {
    const outputs: Record<string, unknown> = {};
    for (const o of side.policy.outputs) outputs[o.name] = encodeValue(raw.outputs[o.name], typeDescOf(o.type));
    return { outputs };
  }
  if (raw.ok === false) return { fout: { code: raw.code, bericht: raw.message } };
  return { fout: { code: "P0700", bericht: "ongeldige case" } };
}

function explanationOf(side: Side, values: Values): Explanation | string {
  try {
    return side.module.explain(encodeCase(side, values)).explanation;
  } catch (err) {
    if (err instanceof PolisError) return `fout ${err.diagnostic.code}: ${err.diagnostic.message}`;
    throw err;
  }
}

function rulesFor(e: Explanation | string, output: string): string[] {
  if (typeof e === "string") return [e];
  const step = e.steps.find((s) => s.output === output);
  if (!step) return [];
  if (step.byDefault) return ["standaardwaarde"];
  return step.rules.filter((r) => !r.replaced).map((r) => `${r.name} (${r.articles.length > 0 ? `artikel ${r.articles.join(", ")}` : "zonder artikel"})${r.condition ? `: ${r.condition}` : r.head === "anders" ? ": anders" : ""}`);
}

/** The values the rules read that differ between the versions (a changed parameter, a begrip). */
function readsThatDiffer(a: Explanation | string, b: Explanation | string, outputs: readonly string[]): string[] {
  if (typeof a === "string" || typeof b === "string") return [];
  const collect = (e: Explanation) => {
    const m = new Map<string, string>();
    for (const s of e.steps) if (outputs.includes(s.output)) for (const r of s.rules) for (const rd of r.reads) m.set(rd.name, rd.value);
    return m;
  };
  const ra = collect(a);
  const rb = collect(b);
  const out: string[] = [];
  for (const [name, va] of ra) {
    const vb = rb.get(name);
    if (vb !== undefined && vb !== va && !outputs.includes(name)) out.push(`${name}: ${va} → ${vb}`);
  }
  return out;
}

function witness(oldSide: Side, newSide: Side, values: Values, shared: { name: string; type: TypeDesc }[], first: string): Witness {
  const a = decide(oldSide, project(oldSide, values));
  const b = decide(newSide, project(newSide, values));
  const differing = shared.filter((o) => differs(a, b, o.name, o.type));
  // The output the witness was sought for comes first.
  differing.sort((p, q) => (p.name === first ? -1 : q.name === first ? 1 : 0));
  const outputs = differing.map((o) => o.name);
  const oldInput = encodeCase(oldSide, values);
  const newInput = encodeCase(newSide, values);
  const sameInputs = JSON.stringify(Object.keys(oldInput).sort()) === JSON.stringify(Object.keys(newInput).sort());
  const ea = explanationOf(oldSide, project(oldSide, values));
  const eb = explanationOf(newSide, project(newSide, values));
  return {
    input: { ...oldInput, ...newInput },
    ...(sameInputs ? {} : { oldInput, newInput }),
    change: differing[0] ? `${differing[0].name}: ${changeOf(a, b, differing[0].name, differing[0].type)}` : "",
    old: outcomeOf(oldSide, a),
    new: outcomeOf(newSide, b),
    outputs,
    rules: outputs.map((o) => ({ output: o, old: rulesFor(ea, o), new: rulesFor(eb, o) })),
    because: readsThatDiffer(ea, eb, outputs),
  };
}

/** An output value in Polis notation, for the text and markdown reports. */
export function showOutput(policy: Policy, name: string, encoded: Record<string, unknown>): string {
  const o = policy.outputs.find((x) => x.name === name);
  if (!o) return String(encoded[name]);
  const t = typeDescOf(o.type);
  try {
    const decoded = decodeCase({ [name]: encoded[name] }, [{ name, type: t }]);
    return formatValueDutch(decoded[name], t);
  } catch {
    return JSON.stringify(encoded[name]);
  }
}
