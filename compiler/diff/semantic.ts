// Semantic diff (LANGUAGE.md §11, issues #5 and #16): concrete cases, valid
// for both versions, that the old version decides differently from the new
// one. In: two IR policies and their loaded modules. Out: how often each
// shared output differs in a random sample, and one witness per group of
// cases that changes for the same reason (groups.ts), each shrunk by
// fast-check and moved toward a typical case, with both outcomes, the rules
// that gave them, and only the inputs and values that made the difference.
//
// Cases are generated as for `eigenschap`s (compiler/cases), from the
// union of both versions' inputs, dates drawn from both `geldig` periods
// together, and weighted toward the boundary values of BOTH versions, so a
// threshold moved from 56 to 35 is hit for certain, not by luck. A case that
// either version rejects (a beperking, a voorwaarde) is not valid for both and
// is skipped. The work is linear in the number of outputs: a case is
// explained only when it differs, and a group is replayed from the sample.

import fc from "fast-check";
import { PolisError } from "../../runtime/diagnostic.js";
import { decodeCase, encodeValue, formatValueDutch } from "../../runtime/case.js";
import { compareValues, valueEquals, type TypeDesc } from "../../runtime/types.js";
import { dayFromYmd } from "../../runtime/calendar.js";
import type { Explanation } from "../../runtime/explain.js";
import type { Policy } from "../ir/ir.js";
import { typeDescOf } from "../ir/ir.js";
import type { DecisionModule } from "../emit/load.js";
import { typicalize } from "./typical.js";
import { Involvement, decidingKey, shownInputs, stepsByOutput, wantOf, type Because, type Involved, type Shown } from "./groups.js";
import { caseFileOf, collectBoundaries, inputsArbitrary, mergeBoundaries } from "../cases/generators.js";

/** At most this many groups are told apart in the sample (memory stays bounded). */
const MAX_GROUPS = 500;

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
  rules: { output: string; old: string[]; new: string[]; /** Other differing outputs the deciding rules read, in either version. */ via?: string[] }[];
  /** The parameters and begrippen the deciding rules read whose value differs between the versions (`verplicht_per_jaar`, `€ 220`, `€ 350`). */
  because: Because[];
  /** Fraction of the sampled cases in this witness's group (0 when found by a targeted search). */
  share: number;
  /** Why the cases of the group change: per differing output how, and the clauses deciding it in each version (groups.ts). */
  reason: string;
  /** The inputs the deciding rules read, in Dutch notation; `only` marks an input one version lacks. */
  shown: Shown[];
}

export interface SemanticResult {
  /** Valid cases evaluated in the random sample. */
  searched: number;
  /** Per shared output, the fraction of the sample where it differs. */
  differs: Record<string, number>;
  witnesses: Witness[];
  /** Groups of sampled cases that change for different reasons (at most MAX_GROUPS are told apart); one witness each, up to the maximum. */
  groups: number;
  /** Groups whose reasons all show in the witnesses of larger groups (both a and b): how their outputs change, and their share. */
  combined: { changes: string[]; share: number }[];
  /** Groups with a reason of their own left without a witness because the maximum was reached. */
  notShown: number;
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

interface Ctx {
  oldSide: Side;
  newSide: Side;
  shared: { name: string; type: TypeDesc }[];
  arb: fc.Arbitrary<Values>;
  seed: number;
  samples: number;
  /** Why a case changes (groups.ts), or undefined when it is invalid for a version or changes nothing. */
  reasonOf: (v: Values) => string | undefined;
}

/**
 * Cases for both versions. Dates without a beperking come from both `geldig`
 * periods together (§8); an open end (`geldig vanaf`) or no period at all
 * falls back to the defaults. Each version's own arbitrary gives its own
 * beperkingen a fair chance; the union of fields is drawn so both versions get
 * every input they need.
 */
function casesArbitrary(oldSide: Side, newSide: Side): fc.Arbitrary<Values> {
  const metas = [oldSide, newSide].map((s) => s.policy.metadata);
  const dates: { dateFrom?: number; dateTo?: number } = {};
  if (metas.every((m) => m.validFrom !== undefined)) dates.dateFrom = Math.min(...metas.map((m) => m.validFrom!));
  if (metas.every((m) => m.validThrough !== undefined)) dates.dateTo = Math.max(...metas.map((m) => m.validThrough!));
  else dates.dateTo = DEFAULT_DATE_TO;
  const boundaries = mergeBoundaries(collectBoundaries(oldSide.policy), collectBoundaries(newSide.policy));
  const arbOld = inputsArbitrary(oldSide.policy, { ...dates, boundaries });
  const arbNew = inputsArbitrary(newSide.policy, { ...dates, boundaries });
  return fc.tuple(fc.oneof(arbOld, arbNew), arbOld, arbNew).map(([base, o, n]) => ({ ...o, ...n, ...base }));
}

/**
 * The sample: how often each shared output differs, and why. Cases that
 * change for the same reason form a group; each group keeps its size and the
 * position of its first case in the sample, to replay and shrink it.
 */
function sampleGroups(ctx: Ctx): { searched: number; counts: Map<string, number>; groups: Map<string, { count: number; index: number }> } {
  const { oldSide, newSide, shared } = ctx;
  const counts = new Map(shared.map((o) => [o.name, 0]));
  const groups = new Map<string, { count: number; index: number }>();
  let searched = 0;
  let index = -1;
  for (const values of fc.sample(ctx.arb, { numRuns: ctx.samples, seed: ctx.seed })) {
    index++;
    const a = decide(oldSide, project(oldSide, values));
    const b = decide(newSide, project(newSide, values));
    if (a.ok === "invalid" || b.ok === "invalid") continue;
    searched++;
    const diff = shared.filter((o) => differs(a, b, o.name, o.type));
    if (diff.length === 0) continue;
    for (const o of diff) counts.set(o.name, counts.get(o.name)! + 1);
    const key = reasonKey(oldSide, newSide, values, a, b, diff);
    const g = groups.get(key);
    if (g) g.count++;
    else if (groups.size < MAX_GROUPS) groups.set(key, { count: 1, index });
  }
  return { searched, counts, groups };
}

interface Pick {
  key: string;
  index: number;
  share: number;
  /** The output that heads the group: the first it is the first to show changing. */
  headline: string;
}

/**
 * Which groups get a witness. A group's parts are the lines of its key (an
 * output changing through given clauses, a value that differs). Groups with
 * fewer parts are considered first, so that a group combining two reasons
 * does not take the place of either; a group whose every part already shows
 * in a picked group combines reasons shown: it is listed without a witness.
 */
function pickGroups(groups: Map<string, { count: number; index: number }>, searched: number, max: number): { picks: Pick[]; combined: SemanticResult["combined"]; notShown: number } {
  const parts = (key: string) => key.split("\n").length;
  const ordered = [...groups.entries()].sort((p, q) => parts(p[0]) - parts(q[0]) || q[1].count - p[1].count || p[1].index - q[1].index);
  const covered = new Set<string>();
  const picks: Pick[] = [];
  const combined: SemanticResult["combined"] = [];
  let notShown = 0;
  for (const [key, g] of ordered) {
    const lines = key.split("\n");
    const share = g.count / searched;
    if (lines.every((x) => covered.has(x))) {
      const changes = lines.filter((x) => !x.startsWith("want ")).map((x) => x.replace(/ \| .*$/, ""));
      const same = combined.find((c) => c.changes.join("\n") === changes.join("\n"));
      if (same) same.share += share;
      else combined.push({ changes, share });
    } else if (picks.length >= max) {
      // A reason of its own, without a witness: later groups that combine it are still combinations.
      notShown++;
      for (const x of lines) covered.add(x);
    } else {
      const fresh = lines.find((x) => !covered.has(x) && !x.startsWith("want ")) ?? lines[0]!;
      for (const x of lines) covered.add(x);
      picks.push({ key, index: g.index, share, headline: fresh.replace(/: .*$/s, "") });
    }
  }
  return { picks, combined, notShown };
}

/**
 * The outputs that differed in no sampled case share targeted searches: one
 * search for any of them, repeated without the outputs it found a case for.
 * (One search per output made `diff` quadratic in the number of outputs:
 * issue 12.)
 */
function searchUnseen(ctx: Ctx, unseen: { name: string; type: TypeDesc }[], room: number): { values: Values; key: string }[] {
  const { oldSide, newSide } = ctx;
  const found: { values: Values; key: string }[] = [];
  const search = (outputs: readonly { name: string; type: TypeDesc }[]): Values | undefined => {
    const result = fc.check(
      fc.property(ctx.arb, (values) => {
        const a = decide(oldSide, project(oldSide, values));
        const b = decide(newSide, project(newSide, values));
        if (a.ok === "invalid" || b.ok === "invalid") return true;
        return !outputs.some((o) => differs(a, b, o.name, o.type));
      }),
      { seed: ctx.seed, numRuns: Math.max(1000, ctx.samples / 5) },
    );
    return result.failed && result.counterexample ? (result.counterexample[0] as Values) : undefined;
  };
  while (unseen.length > 0 && found.length < room) {
    const values = search(unseen);
    const key = values && ctx.reasonOf(values);
    if (!values || key === undefined) break;
    const a = decide(oldSide, project(oldSide, values));
    const b = decide(newSide, project(newSide, values));
    const hit = unseen.filter((o) => a.ok !== "invalid" && b.ok !== "invalid" && differs(a, b, o.name, o.type));
    if (hit.length === 0) break;
    found.push({ values, key });
    unseen = unseen.filter((o) => !hit.includes(o));
  }
  return found;
}

export function semanticDiff(oldSide: Side, newSide: Side, options: SemanticOptions = {}): SemanticResult {
  const oldOut = new Map(oldSide.policy.outputs.map((o) => [o.name, typeDescOf(o.type)]));
  const shared = newSide.policy.outputs
    .filter((o) => oldOut.has(o.name) && JSON.stringify(oldOut.get(o.name)) === JSON.stringify(typeDescOf(o.type)))
    .map((o) => ({ name: o.name, type: typeDescOf(o.type) }));
  const ctx: Ctx = {
    oldSide,
    newSide,
    shared,
    arb: casesArbitrary(oldSide, newSide),
    seed: options.seed ?? 20120101,
    samples: options.samples ?? 10_000,
    reasonOf: (v) => {
      const a = decide(oldSide, project(oldSide, v));
      const b = decide(newSide, project(newSide, v));
      if (a.ok === "invalid" || b.ok === "invalid") return undefined;
      const diff = shared.filter((o) => differs(a, b, o.name, o.type));
      return diff.length === 0 ? undefined : reasonKey(oldSide, newSide, v, a, b, diff);
    },
  };
  const maxWitnesses = options.witnesses ?? 8;
  const { searched, counts, groups } = sampleGroups(ctx);
  const fractions: Record<string, number> = {};
  for (const o of shared) fractions[o.name] = searched === 0 ? 0 : counts.get(o.name)! / searched;

  // One witness per picked group: the case fast-check shrinks the group's
  // first sampled case to (replayed by its position in the sample) while it
  // stays in the group, then moved toward a typical case.
  const involved = { oldInvolved: new Involvement(oldSide.policy), newInvolved: new Involvement(newSide.policy) };
  const witnesses: Witness[] = [];
  const seen = new Set<string>();
  const add = (shrunk: Values, key: string, share: number, headline?: string): void => {
    const values = typicalize(shrunk, [oldSide.policy, newSide.policy], (v) => ctx.reasonOf(v) === key);
    const w = witness(oldSide, newSide, values, shared, involved, key, share, headline);
    const id = JSON.stringify(w.input);
    if (seen.has(id)) return;
    seen.add(id);
    witnesses.push(w);
  };
  const { picks, combined, notShown } = pickGroups(groups, searched, maxWitnesses);
  for (const pick of picks) {
    const result = fc.check(
      fc.property(ctx.arb, (values) => ctx.reasonOf(values) !== pick.key),
      { seed: ctx.seed, path: String(pick.index) },
    );
    if (result.failed && result.counterexample) add(result.counterexample[0] as Values, pick.key, pick.share, pick.headline);
  }
  const extra = searchUnseen(
    ctx,
    shared.filter((o) => counts.get(o.name) === 0),
    maxWitnesses - witnesses.length,
  );
  for (const x of extra) add(x.values, x.key, 0);
  const oldInputs = new Set(oldSide.policy.inputs.map((i) => i.name));
  const newInputs = new Set(newSide.policy.inputs.map((i) => i.name));
  return {
    searched,
    differs: fractions,
    witnesses: witnesses.sort((p, q) => q.share - p.share),
    groups: groups.size + extra.filter((x) => !groups.has(x.key)).length,
    combined,
    notShown,
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

/** Whether the rules that decided `output` read `other`. */
function readsOutput(e: Explanation | string, output: string, other: string): boolean {
  if (typeof e === "string") return false;
  const step = e.steps.find((s) => s.output === output);
  return step !== undefined && step.rules.some((r) => !r.replaced && r.reads.some((x) => x.name === other));
}

function rulesFor(e: Explanation | string, output: string): string[] {
  if (typeof e === "string") return [e];
  const step = e.steps.find((s) => s.output === output);
  if (!step) return [];
  if (step.byDefault) return ["standaardwaarde"];
  return step.rules.filter((r) => !r.replaced).map((r) => `${r.name} (${r.articles.length > 0 ? `artikel ${r.articles.join(", ")}` : "zonder artikel"})${r.condition ? `: ${r.condition}` : r.head === "anders" ? ": anders" : ""}`);
}

/** The values the rules read that differ between the versions (a changed parameter, a begrip). */
function readsThatDiffer(a: Explanation | string, b: Explanation | string, outputs: readonly string[]): Witness["because"] {
  if (typeof a === "string" || typeof b === "string") return [];
  const set = new Set(outputs);
  const collect = (e: Explanation) => {
    const m = new Map<string, string>();
    for (const s of e.steps) if (set.has(s.output)) for (const r of s.rules) for (const rd of r.reads) m.set(rd.name, rd.value);
    return m;
  };
  const ra = collect(a);
  const rb = collect(b);
  const out: Witness["because"] = [];
  for (const [name, va] of ra) {
    const vb = rb.get(name);
    if (vb !== undefined && vb !== va && !set.has(name)) out.push({ name, old: va, new: vb });
  }
  return out;
}

/** Why a case changes (groups.ts): per differing output how it changes and which clauses decide it in each version, and which values read differ. */
function reasonKey(oldSide: Side, newSide: Side, values: Values, a: Raw, b: Raw, diff: readonly { name: string; type: TypeDesc }[]): string {
  const parts = diff.map((o) => `${o.name}: ${changeOf(a, b, o.name, o.type)}`);
  if (a.ok !== true || b.ok !== true) return [...parts, `fout ${a.ok === false ? a.code : "-"} → ${b.ok === false ? b.code : "-"}`].join("\n");
  const ea = explanationOf(oldSide, project(oldSide, values));
  const eb = explanationOf(newSide, project(newSide, values));
  if (typeof ea === "string" || typeof eb === "string") return [...parts, `${ea} → ${eb}`].join("\n");
  const sa = stepsByOutput(ea);
  const sb = stepsByOutput(eb);
  const names = diff.map((o) => o.name);
  const lines = diff.map((o, i) => `${parts[i]} | ${decidingKey(sa.get(o.name))} → ${decidingKey(sb.get(o.name))}`);
  const because = readsThatDiffer(ea, eb, names).map((x) => x.name).sort();
  return [...lines, ...because.map((x) => `want ${x}`)].join("\n");
}

interface Involvements {
  oldInvolved: Involvement;
  newInvolved: Involvement;
}

function witness(oldSide: Side, newSide: Side, values: Values, shared: { name: string; type: TypeDesc }[], inv: Involvements, reason: string, share: number, headline?: string): Witness {
  const a = decide(oldSide, project(oldSide, values));
  const b = decide(newSide, project(newSide, values));
  const differing = shared.filter((o) => differs(a, b, o.name, o.type));
  // The output that heads the group comes first.
  differing.sort((p, q) => (p.name === headline ? -1 : q.name === headline ? 1 : 0));
  const outputs = differing.map((o) => o.name);
  const oldInput = encodeCase(oldSide, values);
  const newInput = encodeCase(newSide, values);
  const sameInputs = JSON.stringify(Object.keys(oldInput).sort()) === JSON.stringify(Object.keys(newInput).sort());
  const ea = explanationOf(oldSide, project(oldSide, values));
  const eb = explanationOf(newSide, project(newSide, values));
  const set = new Set(outputs);
  const none: Involved = { inputs: new Set(), parameters: new Set(), begrippen: new Set() };
  const io = typeof ea === "string" ? none : inv.oldInvolved.of(stepsByOutput(ea), outputs, set);
  const in_ = typeof eb === "string" ? none : inv.newInvolved.of(stepsByOutput(eb), outputs, set);
  return {
    input: { ...oldInput, ...newInput },
    ...(sameInputs ? {} : { oldInput, newInput }),
    change: differing[0] ? `${differing[0].name}: ${changeOf(a, b, differing[0].name, differing[0].type)}` : "",
    share,
    reason,
    shown: shownInputs(oldSide.policy, newSide.policy, values, io, in_),
    old: outcomeOf(oldSide, a),
    new: outcomeOf(newSide, b),
    outputs,
    rules: outputs.map((o) => {
      const via = outputs.filter((x) => x !== o && (readsOutput(ea, o, x) || readsOutput(eb, o, x)));
      return { output: o, old: rulesFor(ea, o), new: rulesFor(eb, o), ...(via.length > 0 ? { via } : {}) };
    }),
    because: wantOf(oldSide.policy, newSide.policy, readsThatDiffer(ea, eb, outputs), io, in_),
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
