// `polis diff` proofs (issue 18): per output both versions define, that they
// agree on every case valid for both (both beperkingen, both voorwaarden,
// dates in either `geldig` period), or the ways they differ, each with a case
// the solver found and the real modules confirmed.
// A "way" is a vector of the comparisons the output's rules make (their two
// sides subtracted: `besluit - aanvraag - 56`): every found witness is
// blocked by its vector, so a threshold moved from 56 to 35 days yields one
// witness per waiting time 36…56 and then "no more", which proves the list
// complete. Outputs the encoding does not reach are left to the sampled
// frequencies and say so.
// In: two lowered IR policies and their modules. Out: EquivalenceProof per output.

import { PolisError } from "../../runtime/diagnostic.js";
import { formatValueDutch } from "../../runtime/dutch.js";
import { decodeCase } from "../../runtime/case.js";
import { valueEquals } from "../../runtime/types.js";
import type { Expr, LoweredPolicy } from "../ir/ir.js";
import { typeDescOf } from "../ir/ir.js";
import type { DecisionModule } from "../emit/load.js";
import { caseFileOf } from "../cases/generators.js";
import type { PolicyModel } from "./decisions.js";
import { NotEncodable, type A, type B } from "./encode.js";
import { Session } from "./session.js";
import { solver, type Z3 } from "./z3.js";
import { LIST_BOUND } from "./lists.js";

export interface ProofWitness {
  /** A case file valid for both versions (every input of both). */
  input: Record<string, unknown>;
  /** The output's value in each version, in Polis notation, or the error. */
  old: string;
  new: string;
}

export interface EquivalenceProof {
  output: string;
  /** gelijk: proved equal on every case valid for both; verschilt: solver-found witnesses; getest: not proved (see the sampled frequencies). */
  status: "gelijk" | "verschilt" | "getest";
  witnesses: ProofWitness[];
  /** For verschilt: the witnesses cover every way the versions differ (the limit was not reached, and no input list is read). */
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

/** The comparisons an output's value depends on, as terms `left - right`. */
function atoms(m: PolicyModel, output: string): A[] {
  const out = new Map<string, A>();
  const seen = new Set<string>();
  const { enc } = m;
  const visit = (x: unknown): void => {
    if (x === null || typeof x !== "object") return;
    if (Array.isArray(x)) return x.forEach(visit);
    const e = x as Expr;
    if (e.e === "cmp" || e.e === "between") {
      const pairs = e.e === "cmp" ? [[e.left, e.right]] : [[e.arg, e.low], [e.arg, e.high]];
      for (const [l, r] of pairs) {
        try {
          const a = enc.expr(l!);
          const b = enc.expr(r!);
          if ((a.k === "num" || a.k === "day" || a.k === "dur") && a.k === b.k) {
            const t = a.x.sub(b.x);
            out.set(t.sexpr(), t);
          }
        } catch (err) {
          if (!(err instanceof NotEncodable)) throw err;
        }
      }
    }
    if (e.e === "ref" && (e.ref === "begrip" || e.ref === "parameter" || e.ref === "output")) {
      const key = `${e.ref}:${e.name}`;
      if (seen.has(key)) return;
      seen.add(key);
      if (e.ref === "output") return visitOutput(e.name);
      const def = (e.ref === "begrip" ? m.policy.begrippen : m.policy.parameters).find((d) => d.name === e.name);
      return visit(def?.value);
    }
    // A function body reads its parameters: only its arguments are visited.
    if (e.e === "call") return visit(e.args);
    for (const [k, v] of Object.entries(x)) if (k !== "span" && k !== "type") visit(v);
  };
  const visitOutput = (name: string) => {
    const d = m.policy.decisions.outputs.find((o) => o.name === name);
    if (!d) return;
    for (const c of d.candidates) visit([c.guard.holds, c.guard.notHolding, c.value]);
    visit(d.default);
  };
  seen.add(`output:${output}`);
  visitOutput(output);
  return [...out.values()];
}

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

/** Prove one shared output equal, or list the ways it differs. */
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
  const features = [...atoms(mo, output), ...atoms(mn, output)];
  // An output that reads an input list is compared on lists up to the bound only (proofs/lists.ts).
  const bounded = mo.listReads.output(output) || mn.listReads.output(output);
  const blocked: B[] = bounded ? [...mo.listConditions, ...mn.listConditions] : [];
  const bound = bounded ? { bound: LIST_BOUND } : {};
  const witnesses: ProofWitness[] = [];
  /** Per witness, its comparison values: the report lists witnesses in that order (36, 37, … days). */
  const keys: number[][] = [];
  const decl = sides[0].policy.outputs.find((x) => x.name === output)!;
  const t = typeDescOf(decl.type);
  while (witnesses.length < limit) {
    const r = await session.ask(differs, blocked);
    if (r.status === "unknown") return { output, status: "getest", witnesses: [], complete: false, reason: "de oplosser kwam niet tot een antwoord" };
    if (r.status === "unsat") {
      const failing = await failingReads(session, output);
      if (failing === undefined || failing.length > 0) {
        const reason = failing === undefined ? "de oplosser kwam niet tot een antwoord" : `leest ${failing.map((n) => `\`${n}\``).join(", ")}, dat niet in elk geval één waarde heeft (een conflict of geen waarde)`;
        if (witnesses.length === 0) return { output, status: "getest", witnesses: [], complete: false, reason };
        return { output, status: "verschilt", witnesses: ordered(witnesses, keys), complete: false, ...bound };
      }
      return { output, status: witnesses.length ? "verschilt" : "gelijk", witnesses: ordered(witnesses, keys), complete: !bounded, ...bound };
    }
    const a = outcome(sides[0], r.values, output);
    const b = outcome(sides[1], r.values, output);
    const same = a !== "invalid" && b !== "invalid" && ("error" in a ? "error" in b && a.error === b.error : !("error" in b) && valueEquals(a.value, b.value, t));
    if (a === "invalid" || b === "invalid" || same) {
      return { output, status: "getest", witnesses: [], complete: false, reason: "een gevonden geval kon niet worden nagerekend" };
    }
    const input = { ...caseFileOf(sides[0].policy.inputs, r.values), ...caseFileOf(sides[1].policy.inputs, r.values) };
    witnesses.push({ input, old: show(sides[0], a, output), new: show(sides[1], b, output) });
    keys.push(features.map((f) => { const v = r.model.eval(f, true) as unknown as { value?: () => unknown }; const n = typeof v.value === "function" ? Number(v.value() as bigint) : NaN; return Number.isFinite(n) ? n : 0; }));
    if (features.length === 0) break;
    blocked.push(z.Or(...features.map((f) => f.neq(r.model.eval(f, true) as A))));
  }
  // The limit (or a difference that no comparison separates) was reached: ask once more whether any other way remains.
  const more = await session.ask(differs, blocked);
  const failing = more.status === "unsat" ? await failingReads(session, output) : undefined;
  return { output, status: "verschilt", witnesses: ordered(witnesses, keys), complete: failing !== undefined && failing.length === 0 && !bounded, ...bound };
}

function ordered(witnesses: ProofWitness[], keys: number[][]): ProofWitness[] {
  const order = witnesses.map((_, i) => i);
  order.sort((i, j) => {
    const a = keys[i]!;
    const b = keys[j]!;
    for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return a[k]! - b[k]!;
    return 0;
  });
  return order.map((i) => witnesses[i]!);
}

/** Per output both versions define: proved equal, the ways it differs, or tested only. */
export async function proveEquivalence(oldSide: DiffSide, newSide: DiffSide, options: { limit?: number; z3?: Z3 } = {}): Promise<{ outputs: EquivalenceProof[]; queries: number }> {
  const shared = oldSide.policy.outputs.filter((o) => newSide.policy.outputs.some((n) => n.name === o.name)).map((o) => o.name);
  const z = options.z3 ?? (await solver());
  const fallback = (reason: string) => shared.map((output): EquivalenceProof => ({ output, status: "getest", witnesses: [], complete: false, reason }));
  if (!z) return { outputs: fallback("de oplosser z3 is niet beschikbaar"), queries: 0 };
  let session: Session;
  try {
    session = new Session(z, [oldSide.policy, newSide.policy]);
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
