// `polis check` proofs (issue 18): per output, that no two rules that can
// apply to one valid case give it different values (after `uitzondering op`),
// and that an output without `standaard` always gets a value. Each failure
// comes with a case the solver found, re-run on the real module (so a
// shown conflict is never an artefact of the encoding), as a pasteable
// `voorbeeld`. Where the encoding does not reach (a construct, a query the
// solver gives up on), the output is tested on sampled cases instead and
// says so: "getest op N gevallen", never "bewezen".
// In: a lowered IR policy and its module. Out: per-output status and
// warnings P0512 (conflict), P0513 (no value), plus the sampled P0511 for
// outputs that fell back; and the month-end warnings of proofs/dates.ts
// (P0514 clamping, P0515 `d + 1 jaar + 1 maand`); and the overlaps and gaps
// of `uniek` tables that only the solver can tell valid (proofs/tables.ts).

import type { Diagnostic } from "../../runtime/diagnostic.js";
import { PolisError } from "../../runtime/diagnostic.js";
import { diagnostic, paramsOf } from "../../runtime/messages.js";
import type { LoweredPolicy } from "../ir/ir.js";
import type { DecisionModule } from "../emit/load.js";
import { caseFileOf } from "../cases/generators.js";
import { sampleOutputs } from "./sample.js";
import { voorbeeldText } from "./voorbeeld.js";
import { NotEncodable, type B } from "./encode.js";
import { Session } from "./session.js";
import { ambiguousMonthSums, clampingWarnings } from "./dates.js";
import { solver, solverFailure, type Z3 } from "./z3.js";
import { LIST_BOUND } from "./lists.js";
import { proveTables } from "./tables.js";
import { shrinkCase } from "./shrink.js";
import { CaseVars } from "./inputs.js";

/** How one output was judged. */
export interface OutputProof {
  output: string;
  /**
   * bewezen: no conflict and (without standaard) always a value;
   * begrensd: the same, proved for input lists of at most `bound` elements
   * only, and tested on sampled cases beyond; tegenvoorbeeld: the solver
   * found a case that fails (a warning says which); getest: sampled only.
   */
  status: "bewezen" | "begrensd" | "tegenvoorbeeld" | "getest";
  /** For "begrensd": the most elements an input list had in the proof. */
  bound?: number;
  /** For "getest" and "begrensd": the number of sampled cases. */
  cases?: number;
  /** For "getest": why it was not proved (a construct, or the solver gave up). */
  reason?: string;
}

export interface CheckProofs {
  outputs: OutputProof[];
  diagnostics: Diagnostic[];
  /** Solver queries asked. */
  queries: number;
}

const SAMPLED_CASES = 200;
/** At most this many conflicting pairs of rules are reported per output. */
const MAX_CONFLICTS = 5;

/** Run a witness on the real module: the error it meets, or its outputs. */
function rerun(policy: LoweredPolicy, module: DecisionModule, values: Record<string, unknown>): { error?: Diagnostic; outputs?: Record<string, unknown> } {
  try {
    return { outputs: module.evaluate(caseFileOf(policy.inputs, values)) };
  } catch (e) {
    if (e instanceof PolisError) return { error: e.diagnostic };
    return { error: undefined };
  }
}

interface Ctx {
  session: Session;
  policy: LoweredPolicy;
  module: DecisionModule;
  diagnostics: Diagnostic[];
  /** Asserted with every query: the voorwaarden on lists, for an output that reads a list. */
  extra: B[];
}

const UNKNOWN = "de oplosser kwam niet tot een antwoord";
const AVOIDED = "de gevonden gevallen liepen eerst vast op een andere uitvoer";

/** Why a case the solver found does not count: re-run on the policy, it did not fail as the encoding said. */
function notReproduced(run: { error?: Diagnostic }, expected: string): string {
  const got = run.error ? `fout ${run.error.code}` : "een uitkomst";
  return `een gevonden geval gaf bij het narekenen ${got} in plaats van ${expected}`;
}

/** Re-running a case met another output's conflict or gap first: that output's name. */
function otherFailure(run: { error?: Diagnostic }, name: string): string | undefined {
  const d = run.error;
  const o = d?.code === "P0801" ? paramsOf(d, "P0801")!.output : d?.code === "P0802" ? paramsOf(d, "P0802")!.output : undefined;
  return o !== undefined && o !== name ? o : undefined;
}

/** At most this many other outputs are steered clear of when looking for a case that shows one output's failure. */
const MAX_AVOIDED = 3;

/** Conflicts of one output: proved absent, or found (each re-run); a reason when the proof could not be completed. */
async function conflicts(cx: Ctx, name: string): Promise<string | undefined> {
  const { session, policy, module } = cx;
  const { z } = session;
  const m = session.models[0]!;
  const terms = m.ruleTerms(name);
  const pairs: { a: number; b: number; goal: B }[] = [];
  for (let i = 0; i < terms.length; i++) {
    for (let j = i + 1; j < terms.length; j++) {
      const a = terms[i]!;
      const b = terms[j]!;
      pairs.push({ a: a.rule, b: b.rule, goal: z.And(a.remains, b.remains, z.Not(m.enc.eq(a.value, b.value))) });
    }
  }
  if (pairs.length === 0) return undefined;
  let open = pairs;
  let found = 0;
  // Cases where another output fails first do not show this conflict: they are avoided, but then "none left" proves nothing.
  const avoid: B[] = [];
  while (open.length > 0 && found < MAX_CONFLICTS) {
    const r = await session.ask(z.Or(...open.map((p) => p.goal)), [...cx.extra, ...avoid]);
    if (r.status === "unsat") return avoid.length ? AVOIDED : undefined;
    if (r.status === "unknown") return UNKNOWN;
    const hit = open.find((p) => String(r.model.eval(p.goal, true)) === "true");
    const run = rerun(policy, module, r.values);
    const other = otherFailure(run, name);
    if (other !== undefined && avoid.length < MAX_AVOIDED * 2) {
      avoid.push(z.Not(m.conflict(other)), m.hasValue(other));
      continue;
    }
    const d = run.error;
    if (!hit || !d || d.code !== "P0801" || paramsOf(d, "P0801")!.output !== name) return notReproduced(run, `een conflict over \`${name}\``);
    const first = paramsOf(d, "P0801")!;
    const same = (v: Record<string, unknown>) => {
      const e = rerun(policy, module, v).error;
      const q = e?.code === "P0801" ? paramsOf(e, "P0801")! : undefined;
      return q !== undefined && q.output === name && q.a === first.a && q.b === first.b;
    };
    const values = shrunk(cx, r.values, same);
    // The message names the values of the case shown.
    const shown = values === r.values ? d : rerun(policy, module, values).error!;
    const p = paramsOf(shown, "P0801")!;
    const example = voorbeeldText(policy, `conflict over ${name}`, values, `fout "P0801"`);
    cx.diagnostics.push(diagnostic("P0512", shown.span, { ...p, example }, shown.related ? { related: shown.related } : {}));
    found++;
    open = open.filter((q) => q !== hit);
  }
  return undefined;
}

/** An output without `standaard`: some rule applies to every valid case, or a case where none does; a reason when not decided. */
async function gaps(cx: Ctx, name: string): Promise<string | undefined> {
  const { session, policy, module } = cx;
  const m = session.models[0]!;
  const d = m.decision(name);
  if (d.default) return undefined;
  const avoid: B[] = [];
  for (;;) {
    const r = await session.ask(session.z.Not(m.defined(name)), [...cx.extra, ...avoid]);
    if (r.status === "unsat") return avoid.length ? AVOIDED : undefined;
    if (r.status === "unknown") return UNKNOWN;
    const run = rerun(policy, module, r.values);
    const other = otherFailure(run, name);
    if (other !== undefined && avoid.length < MAX_AVOIDED * 2) {
      avoid.push(session.z.Not(m.conflict(other)), m.hasValue(other));
      continue;
    }
    if (!run.error || run.error.code !== "P0802" || paramsOf(run.error, "P0802")!.output !== name) return notReproduced(run, `geen waarde voor \`${name}\``);
    return gapFound(cx, name, shrunk(cx, r.values, (v) => { const e = rerun(policy, module, v).error; return e?.code === "P0802" && paramsOf(e, "P0802")!.output === name; }));
  }
}

/**
 * A found case with input lists, shrunk on the real module (fewest elements,
 * smallest values) while it still fails the same way: the solver's model
 * fills every list up to whatever it reached first. A case without lists is
 * shown as the solver found it (its values are already the ones it needs).
 */
function shrunk(cx: Ctx, values: Record<string, unknown>, same: (v: Record<string, unknown>) => boolean): Record<string, unknown> {
  const lists = cx.policy.inputs.some((i) => i.type.k === "lijst" && Array.isArray(values[i.name]) && (values[i.name] as unknown[]).length > 0);
  return lists ? shrinkCase(cx.policy.inputs, values, same, CaseVars.dateRange([cx.policy.metadata])) : values;
}

/** P0513 with the solver's case as a voorbeeld. */
function gapFound(cx: Ctx, name: string, values: Record<string, unknown>): undefined {
  const example = voorbeeldText(cx.policy, `geen waarde voor ${name}`, values, `fout "P0802"`);
  const o = cx.policy.outputs.find((x) => x.name === name)!;
  cx.diagnostics.push(diagnostic("P0513", o.span, { output: name, example }));
  return undefined;
}

/** Proofs for every output; outputs the solver cannot judge are sampled. */
export async function proveCheck(
  policy: LoweredPolicy,
  module: DecisionModule,
  options: {
    z3?: Z3;
    /** The policy's text: for `# polis: afkappen` and the text of date expressions. */
    source?: string;
    /** Milliseconds a solver query may take (default 10 s); null: no limit, so a loaded machine changes no answer. */
    queryTimeoutMs?: number | null;
  } = {},
): Promise<CheckProofs> {
  const z = options.z3 ?? (await solver());
  const outputs: OutputProof[] = [];
  const diagnostics: Diagnostic[] = [];
  const sampled: string[] = [];
  let session: Session | undefined;
  let reason = "de oplosser z3 is niet beschikbaar";
  if (z) {
    try {
      session = new Session(z, [policy], options.queryTimeoutMs);
    } catch (e) {
      if (!(e instanceof NotEncodable)) throw e;
      reason = `niet uit te drukken: ${e.construct}`;
    }
  }
  for (const o of policy.outputs) {
    if (!session) {
      sampled.push(o.name);
      outputs.push({ output: o.name, status: "getest", cases: SAMPLED_CASES, reason });
      continue;
    }
    const m = session.models[0]!;
    const bounded = m.listReads.output(o.name);
    const cx: Ctx = { session, policy, module, diagnostics: [], extra: bounded ? m.listConditions : [] };
    let why: string | undefined;
    try {
      why = (await conflicts(cx, o.name)) ?? (await gaps(cx, o.name));
    } catch (e) {
      // A failure of the prover itself must not cost the author the check: the output is tested instead.
      why = e instanceof NotEncodable ? `niet uit te drukken: ${e.construct}` : `de bewijzer liep vast: ${e instanceof Error ? e.message : String(e)}`;
    }
    if (why === undefined && cx.diagnostics.length > 0) {
      diagnostics.push(...cx.diagnostics);
      outputs.push({ output: o.name, status: "tegenvoorbeeld" });
    } else if (why === undefined && bounded) {
      // Proved for short lists only: longer ones are tested, and the report says both.
      sampled.push(o.name);
      outputs.push({ output: o.name, status: "begrensd", bound: LIST_BOUND, cases: SAMPLED_CASES });
    } else if (why === undefined) {
      outputs.push({ output: o.name, status: "bewezen" });
    } else {
      sampled.push(o.name);
      outputs.push({ output: o.name, status: "getest", cases: SAMPLED_CASES, reason: why });
    }
  }
  // Table overlaps and gaps the column domains allow: errors only for a valid case (proofs/tables.ts).
  const why = !z && solverFailure() ? `${reason}: ${solverFailure()}` : reason;
  diagnostics.push(...(await proveTables(session, policy, module, why)));
  diagnostics.push(...ambiguousMonthSums(policy, options.source));
  if (session) {
    try {
      diagnostics.push(...(await clampingWarnings(session, policy, options.source)));
    } catch {
      // Month-end warnings are advice: a prover failure leaves them out.
    }
  }
  if (sampled.length > 0) {
    const sample = sampleOutputs(policy, module, sampled, SAMPLED_CASES);
    diagnostics.push(...sample.diagnostics);
    for (const o of outputs) if (o.status === "getest" || o.status === "begrensd") o.cases = sample.cases;
  }
  return { outputs, diagnostics, queries: session?.queries ?? 0 };
}
