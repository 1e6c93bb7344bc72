// `polis diff` proofs (issue 18): per output both versions define, that they
// agree on every case valid for both (both beperkingen, both voorwaarden,
// dates in either `geldig` period), or the reasons they differ, each with a
// case the solver found, confirmed on the real modules and shrunk there.
// A reason is which clauses decide the output in each version and which way
// its value moves (reasonTerms): every found case is blocked by its reason,
// so a threshold moved from 56 to 35 days yields one witness (36 days) and
// then "no more", which proves that reason the only one; an analyst reads
// one witness per reason, not one per value between the thresholds.
// Outputs the encoding does not reach are left to the sampled frequencies
// and say so.
// In: two lowered IR policies and their modules. Out: EquivalenceProof per output.

import { PolisError } from "../../runtime/diagnostic.js";
import { formatValueDutch } from "../../runtime/dutch.js";
import { decodeCase } from "../../runtime/case.js";
import { compareValues, valueEquals, type TypeDesc } from "../../runtime/types.js";
import type { Expr, LoweredPolicy } from "../ir/ir.js";
import { typeDescOf } from "../ir/ir.js";
import type { DecisionModule } from "../emit/load.js";
import { caseFileOf } from "../cases/generators.js";
import type { PolicyModel } from "./decisions.js";
import { NotEncodable, type B } from "./encode.js";
import { Session } from "./session.js";
import { solver, type Z3 } from "./z3.js";
import { LIST_BOUND } from "./lists.js";
import { CaseVars } from "./inputs.js";
import { shrinkCase } from "./shrink.js";

export interface ProofWitness {
  /** A case file valid for both versions (every input of both). */
  input: Record<string, unknown>;
  /** The output's value in each version, in Polis notation, or the error. */
  old: string;
  new: string;
}

export interface EquivalenceProof {
  output: string;
  /** gelijk: proved equal on every case valid for both; verschilt: solver-found witnesses, one per reason; getest: not proved (see the sampled frequencies). */
  status: "gelijk" | "verschilt" | "getest";
  witnesses: ProofWitness[];
  /** For verschilt: the witnesses cover every reason the versions differ for (the limit was not reached, and no input list is read). */
  complete: boolean;
  /** The output reads an input list: "gelijk" holds for lists of at most this many elements only. */
  bound?: number;
  reason?: string;
}

export interface DiffSide {
  policy: LoweredPolicy;
  module: DecisionModule;
}

const DEFAULT_LIMIT = 25;

/** The outputs an output's rules and `standaard` read, through begrippen, functions and other outputs. */
export function readOutputs(policy: LoweredPolicy, output: string): string[] {
  const found = new Set<string>();
  const seen = new Set<string>();
  const visit = (x: unknown): void => {
    if (x === null || typeof x !== "object") return;
    if (Array.isArray(x)) return x.forEach(visit);
    const e = x as Expr;
    if (e.e === "ref" && (e.ref === "begrip" || e.ref === "parameter" || e.ref === "output")) {
      const key = `${e.ref}:${e.name}`;
      if (seen.has(key)) return;
      seen.add(key);
      if (e.ref === "output") {
        found.add(e.name);
        return visitOutput(e.name);
      }
      return visit((e.ref === "begrip" ? policy.begrippen : policy.parameters).find((d) => d.name === e.name)?.value);
    }
    if (e.e === "call" && !seen.has(`functie:${e.fn}`)) {
      seen.add(`functie:${e.fn}`);
      visit(policy.functions.find((f) => f.name === e.fn)?.body);
    }
    for (const [k, v] of Object.entries(x)) if (k !== "span" && k !== "type") visit(v);
  };
  const visitOutput = (name: string) => {
    const d = policy.decisions.outputs.find((o) => o.name === name);
    if (!d) return;
    for (const c of d.candidates) visit([c.guard.holds, c.guard.notHolding, c.value]);
    visit(d.default);
  };
  seen.add(`output:${output}`);
  visitOutput(output);
  found.delete(output);
  return [...found];
}

/**
 * The outputs `output` reads that stop with an error (a conflict, no value)
 * for some valid case in either version. The encoding gives such an output a
 * stand-in value, so a proof about `output` would not cover the cases where
 * reading it fails: the output is then not called proved.
 */
async function failingReads(session: Session, output: string): Promise<string[] | undefined> {
  const { z } = session;
  const names = [...new Set(session.models.flatMap((m) => readOutputs(m.policy, output).filter((n) => m.policy.outputs.some((o) => o.name === n))))];
  const failing: string[] = [];
  for (const name of names) {
    const fails = session.models.filter((m) => m.policy.outputs.some((o) => o.name === name)).map((m) => z.Or(m.conflict(name), z.Not(m.hasValue(name))));
    const r = await session.ask(z.Or(...fails));
    if (r.status === "unknown") return undefined;
    if (r.status === "sat") failing.push(name);
  }
  return failing;
}

type Outcome = { value: unknown } | { error: string };

function outcome(side: DiffSide, values: Record<string, unknown>, output: string): Outcome | "invalid" {
  try {
    const decoded = decodeCase(caseFileOf(side.policy.inputs, values), side.module.inputFields);
    return { value: side.module.decideValues(decoded)[output] };
  } catch (e) {
    if (!(e instanceof PolisError)) return { error: "interne fout" };
    if (e.diagnostic.code.startsWith("P07")) return "invalid";
    return { error: e.diagnostic.code };
  }
}

function show(side: DiffSide, o: Outcome, output: string): string {
  if ("error" in o) return `fout ${o.error}`;
  const decl = side.policy.outputs.find((x) => x.name === output)!;
  return formatValueDutch(o.value, typeDescOf(decl.type));
}

/**
 * Why a case makes `output` differ, on the real modules: per version the
 * clauses that decided it (or the error it stopped with), and which way the
 * value moved. Undefined when the case is invalid for a version or the
 * output does not differ.
 */
function reasonOf(sides: [DiffSide, DiffSide], values: Record<string, unknown>, output: string, t: TypeDesc, reads: readonly string[] = []): string | undefined {
  const a = outcome(sides[0], values, output);
  const b = outcome(sides[1], values, output);
  if (a === "invalid" || b === "invalid" || sameOutcome(a, b, t)) return undefined;
  const lines = [`${decidedBy(sides[0], values, output, a)} → ${decidedBy(sides[1], values, output, b)}: ${direction(a, b, t)}`];
  // The outputs it reads that differ too, with the clauses that decided them.
  for (const other of reads) {
    const x = outcome(sides[0], values, other);
    const y = outcome(sides[1], values, other);
    const ot = typeDescOf(sides[0].policy.outputs.find((o) => o.name === other)!.type);
    if (x === "invalid" || y === "invalid" || "error" in x || "error" in y || sameOutcome(x, y, ot)) continue;
    lines.push(`${other}: ${decidedBy(sides[0], values, other, x)} → ${decidedBy(sides[1], values, other, y)}`);
  }
  return lines.join("\n");
}

function sameOutcome(a: Outcome, b: Outcome, t: TypeDesc): boolean {
  return "error" in a ? "error" in b && a.error === b.error : !("error" in b) && valueEquals(a.value, b.value, t);
}

/** The clauses that decided an output (`regel/indien:conditie`), `standaard`, or the error. */
function decidedBy(side: DiffSide, values: Record<string, unknown>, output: string, o: Outcome): string {
  if ("error" in o) return `fout ${o.error}`;
  const step = side.module.explain(caseFileOf(side.policy.inputs, values)).explanation.steps.find((s) => s.output === output);
  if (!step) return "-";
  if (step.byDefault) return "standaard";
  return step.rules.filter((r) => !r.replaced).map((r) => `${r.name}/${r.head}${r.condition !== undefined ? `:${r.condition}` : ""}`).join("+");
}

function direction(a: Outcome, b: Outcome, t: TypeDesc): string {
  if ("error" in a || "error" in b) return "fout";
  if (t.k === "janee") return `${String(a.value)}→${String(b.value)}`;
  try {
    return compareValues(a.value, b.value, t) < 0 ? "hoger" : "lager";
  } catch {
    return "anders";
  }
}

/**
 * The solver's side of a reason, as booleans: which clause decides the
 * output in each version, whether it has a value or a conflict, and which
 * way the value moves. A found case is blocked by these, so the next case
 * differs for another reason.
 */
function reasonTerms(session: Session, output: string): B[] {
  const [mo, mn] = session.models as [PolicyModel, PolicyModel];
  const vo = mo.output(output);
  const vn = mn.output(output);
  const out = [...mo.deciding(output), ...mn.deciding(output), mo.hasValue(output), mn.hasValue(output), mo.conflict(output), mn.conflict(output)];
  if (vo.k === "bool" && vn.k === "bool") out.push(vo.x, vn.x);
  else if ((vo.k === "num" || vo.k === "day" || vo.k === "dur") && vo.k === vn.k) out.push(vo.x.lt(vn.x));
  // An output it reads that differs too is part of the reason, with the clauses deciding that one.
  for (const other of sharedReads(session, output)) {
    const differs = session.z.Not(mo.enc.eq(mo.output(other), mn.output(other)));
    out.push(differs, ...[...mo.deciding(other), ...mn.deciding(other)].map((d) => session.z.And(differs, d)));
  }
  return out;
}

/** The outputs both versions have that `output` reads in either version. */
function sharedReads(session: Session, output: string): string[] {
  const [mo, mn] = session.models as [PolicyModel, PolicyModel];
  const both = (n: string) => mo.policy.outputs.some((o) => o.name === n) && mn.policy.outputs.some((o) => o.name === n);
  return [...new Set([...readOutputs(mo.policy, output), ...readOutputs(mn.policy, output)])].filter(both).sort();
}

/**
 * Prove one shared output equal, or list why it differs: one witness per
 * reason (the clauses deciding it in each version, and the direction of the
 * change), shrunk on the real modules while it keeps that reason. A moved
 * threshold is one reason, however many values lie between the thresholds.
 */
async function proveOutput(session: Session, sides: [DiffSide, DiffSide], output: string, limit: number): Promise<EquivalenceProof> {
  const { z } = session;
  const [mo, mn] = session.models as [PolicyModel, PolicyModel];
  const vo = mo.output(output);
  const vn = mn.output(output);
  const ho = mo.hasValue(output);
  const hn = mn.hasValue(output);
  // A version that stops with a conflict (P0801) for a case does not agree
  // with one that gives a value: the first rule's value is not the outcome.
  const co = mo.conflict(output);
  const cn = mn.conflict(output);
  const differs = z.Or(z.And(ho, hn, z.Not(co), z.Not(cn), z.Not(mo.enc.eq(vo, vn))), z.Not(ho.eq(hn)), z.Not(co.eq(cn)));
  const features = reasonTerms(session, output);
  const reads = sharedReads(session, output);
  // An output that reads an input list is compared on lists up to the bound only (proofs/lists.ts).
  const bounded = mo.listReads.output(output) || mn.listReads.output(output);
  const blocked: B[] = bounded ? [...mo.listConditions, ...mn.listConditions] : [];
  const bound = bounded ? { bound: LIST_BOUND } : {};
  const witnesses: ProofWitness[] = [];
  const reasons = new Set<string>();
  const decl = sides[0].policy.outputs.find((x) => x.name === output)!;
  const t = typeDescOf(decl.type);
  const inputs = [...sides[0].policy.inputs, ...sides[1].policy.inputs.filter((i) => !sides[0].policy.inputs.some((j) => j.name === i.name))];
  const dates = CaseVars.dateRange([sides[0].policy.metadata, sides[1].policy.metadata]);
  for (let tries = 0; witnesses.length < limit && tries < limit * 2; tries++) {
    const r = await session.ask(differs, blocked);
    if (r.status === "unknown") {
      if (witnesses.length === 0) return { output, status: "getest", witnesses: [], complete: false, reason: "de oplosser kwam niet tot een antwoord" };
      return { output, status: "verschilt", witnesses, complete: false, ...bound };
    }
    if (r.status === "unsat") {
      const failing = await failingReads(session, output);
      if (failing === undefined || failing.length > 0) {
        const reason = failing === undefined ? "de oplosser kwam niet tot een antwoord" : `leest ${failing.map((n) => `\`${n}\``).join(", ")}, dat niet in elk geval één waarde heeft (een conflict of geen waarde)`;
        if (witnesses.length === 0) return { output, status: "getest", witnesses: [], complete: false, reason };
        return { output, status: "verschilt", witnesses, complete: false, ...bound };
      }
      return { output, status: witnesses.length ? "verschilt" : "gelijk", witnesses, complete: !bounded, ...bound };
    }
    const key = reasonOf(sides, r.values, output, t, reads);
    if (key === undefined) return { output, status: "getest", witnesses: [], complete: false, reason: "een gevonden geval kon niet worden nagerekend" };
    blocked.push(z.Or(...features.map((f) => z.Not(f.eq(r.model.eval(f, true) as B)))));
    if (reasons.has(key)) continue;
    reasons.add(key);
    const values = shrinkCase(inputs, r.values, (v) => reasonOf(sides, v, output, t, reads) === key, dates);
    const a = outcome(sides[0], values, output) as Outcome;
    const b = outcome(sides[1], values, output) as Outcome;
    const input = { ...caseFileOf(sides[0].policy.inputs, values), ...caseFileOf(sides[1].policy.inputs, values) };
    witnesses.push({ input, old: show(sides[0], a, output), new: show(sides[1], b, output) });
  }
  // The limit was reached: ask once more whether any other reason remains.
  const more = await session.ask(differs, blocked);
  const failing = more.status === "unsat" ? await failingReads(session, output) : undefined;
  return { output, status: "verschilt", witnesses, complete: failing !== undefined && failing.length === 0 && !bounded, ...bound };
}

/** Per output both versions define: proved equal, the ways it differs, or tested only. */
export async function proveEquivalence(oldSide: DiffSide, newSide: DiffSide, options: { limit?: number; z3?: Z3; /** Milliseconds a query may take; null: no limit (tests). */ queryTimeoutMs?: number | null } = {}): Promise<{ outputs: EquivalenceProof[]; queries: number }> {
  const shared = oldSide.policy.outputs.filter((o) => newSide.policy.outputs.some((n) => n.name === o.name)).map((o) => o.name);
  const z = options.z3 ?? (await solver());
  const fallback = (reason: string) => shared.map((output): EquivalenceProof => ({ output, status: "getest", witnesses: [], complete: false, reason }));
  if (!z) return { outputs: fallback("de oplosser z3 is niet beschikbaar"), queries: 0 };
  let session: Session;
  try {
    session = new Session(z, [oldSide.policy, newSide.policy], options.queryTimeoutMs);
  } catch (e) {
    if (!(e instanceof NotEncodable)) throw e;
    return { outputs: fallback(`niet uit te drukken: ${e.construct}`), queries: 0 };
  }
  const outputs: EquivalenceProof[] = [];
  for (const output of shared) {
    try {
      outputs.push(await proveOutput(session, [oldSide, newSide], output, options.limit ?? DEFAULT_LIMIT));
    } catch (e) {
      const reason = e instanceof NotEncodable ? `niet uit te drukken: ${e.construct}` : `de bewijzer liep vast: ${e instanceof Error ? e.message : String(e)}`;
      outputs.push({ output, status: "getest", witnesses: [], complete: false, reason });
    }
  }
  return { outputs, queries: session.queries };
}
