// The decision semantics of ir/decisions.ts as SMT terms (issue 18): when a
// rule applies to an output, which value it gives, which rules remain after
// the exceptions, and the output's value (the first remaining rule's, else the
// `standaard`). One PolicyModel per policy; in a diff both sides share one
// CaseVars, so "the same case" is the same variables.
// In: a z3 context, a lowered IR policy, its CaseVars. Out: terms.
// INVARIANT: terms are built once per output and rule (cached), so a policy
// that reads an output many times encodes it once.

import type { Span } from "../../runtime/diagnostic.js";
import type { LoweredPolicy } from "../ir/ir.js";
import type { OutputDecision } from "../ir/decisions.js";
import type { SmtCalendar } from "./calendar.js";
import { Encoder, NotEncodable, type B, type SV, type TextTable } from "./encode.js";
import type { CaseVars } from "./inputs.js";
import { ListReads } from "./lists.js";
import type { Z3 } from "./z3.js";

/** A rule as one output sees it: when it applies, its value, and whether an exception replaces it. */
export interface RuleTerm {
  rule: number;
  applies: B;
  value: SV;
  /** Applies and no exception to it applies (ir/decisions.ts step 3). */
  remains: B;
}

export class PolicyModel {
  readonly enc: Encoder;
  private readonly outputs = new Map<string, SV>();
  private readonly rules = new Map<string, RuleTerm[]>();
  /** Per output, each candidate's guard (in the order of its decision's candidates). */
  private readonly guards = new Map<string, B[]>();
  private readonly busy = new Set<string>();
  /** The voorwaarden that read no input list, as far as they can be encoded (asserted for every query). */
  readonly conditions: B[] = [];
  /** The voorwaarden that read an input list: asserted only in queries about lists up to the bound, so a proof of anything else keeps holding for longer lists. */
  readonly listConditions: B[] = [];
  readonly listReads: ListReads;

  constructor(
    readonly z: Z3,
    readonly policy: LoweredPolicy,
    cal: SmtCalendar,
    texts: TextTable,
    readonly vars: CaseVars,
    readonly prefix: string,
  ) {
    this.enc = new Encoder(z, policy, cal, texts, {
      input: (n, s) => vars.input(n, s),
      known: (n, s) => vars.known(n, s),
      field: (i, f, s) => vars.field(i, f, s),
      output: (n, s) => this.output(n, s),
    });
    this.listReads = new ListReads(policy);
    for (const c of policy.conditions) {
      try {
        (this.listReads.reads(c.expr) ? this.listConditions : this.conditions).push(this.enc.bool(c.expr));
      } catch (e) {
        if (!(e instanceof NotEncodable)) throw e;
      }
    }
  }

  decision(name: string): OutputDecision {
    const d = this.policy.decisions.outputs.find((o) => o.name === name);
    if (!d) throw new NotEncodable(`de uitvoer \`${name}\``);
    return d;
  }

  /** Per rule that can define the output: when it applies, its value, whether it remains. */
  ruleTerms(name: string): RuleTerm[] {
    const found = this.rules.get(name);
    if (found) return found;
    const { z, enc } = this;
    const d = this.decision(name);
    const all: B[] = [];
    const terms = enc.atTop(() => d.rules.map((rule) => {
      const cands = d.candidates.filter((c) => c.rule === rule);
      const guards = cands.map((c) => z.And(...c.guard.notHolding.map((g) => z.Not(enc.bool(g))), ...(c.guard.holds ? [enc.bool(c.guard.holds)] : [])));
      cands.forEach((c, i) => (all[d.candidates.indexOf(c)] = guards[i]!));
      // A candidate's value is evaluated only when its guard holds (month steps in it are reached only then).
      let value = enc.under(guards[cands.length - 1]!, () => enc.expr(cands[cands.length - 1]!.value));
      for (let i = cands.length - 2; i >= 0; i--) value = enc.ite(guards[i]!, enc.under(guards[i]!, () => enc.expr(cands[i]!.value)), value);
      return { rule, applies: z.Or(...guards), value, remains: z.Bool.val(true) };
    }));
    for (const t of terms) {
      const replacedBy = d.exceptions.filter((x) => x.replaces === t.rule).map((x) => terms.find((u) => u.rule === x.exception)!.applies);
      t.remains = replacedBy.length ? z.And(t.applies, z.Not(z.Or(...replacedBy))) : t.applies;
    }
    this.rules.set(name, terms);
    this.guards.set(name, all);
    return terms;
  }

  /** Per candidate of the output (its decision's order): its clause applies and its rule is not replaced by an exception, so it decides the output. */
  deciding(name: string): B[] {
    const terms = this.ruleTerms(name);
    const d = this.decision(name);
    const guards = this.guards.get(name)!;
    return d.candidates.map((c, i) => this.z.And(guards[i]!, terms.find((t) => t.rule === c.rule)!.remains));
  }

  /** The value of an output: the first remaining rule's, else the `standaard` (else error P0802: see `hasValue`). */
  output(name: string, span?: Span): SV {
    const found = this.outputs.get(name);
    if (found) return found;
    if (this.busy.has(name)) throw new NotEncodable(`de uitvoer \`${name}\` die zichzelf leest`, span);
    this.busy.add(name);
    try {
      const d = this.decision(name);
      const terms = this.ruleTerms(name);
      // Without a `standaard`, a case no rule applies to stops with P0802 and
      // its value plays no part: the last rule's value stands in for it, so
      // two versions that agree are not told apart by an arbitrary term.
      let last = terms.length;
      let value: SV;
      // The standaard is evaluated only when no rule remains.
      if (d.default) {
        const none = terms.length ? this.z.Not(this.z.Or(...terms.map((t) => t.remains))) : this.z.Bool.val(true);
        value = this.enc.atTop(() => this.enc.under(none, () => this.enc.expr(d.default!)));
      }
      else if (terms.length > 0) value = terms[--last]!.value;
      else value = this.enc.fresh(d.type, `${this.prefix}none_${name}`);
      for (let i = last - 1; i >= 0; i--) value = this.enc.ite(terms[i]!.remains, terms[i]!.value, value);
      this.outputs.set(name, value);
      return value;
    } finally {
      this.busy.delete(name);
    }
  }

  /** The output has a value: a `standaard`, or some rule applies. */
  hasValue(name: string): B {
    return this.decision(name).default ? this.z.Bool.val(true) : this.defined(name);
  }

  /** Two rules that remain give the output different values: the case stops with a conflict (P0801). */
  conflict(name: string): B {
    const { z, enc } = this;
    const terms = this.ruleTerms(name);
    const pairs: B[] = [];
    for (let i = 0; i < terms.length; i++) {
      for (let j = i + 1; j < terms.length; j++) pairs.push(z.And(terms[i]!.remains, terms[j]!.remains, z.Not(enc.eq(terms[i]!.value, terms[j]!.value))));
    }
    return pairs.length ? z.Or(...pairs) : z.Bool.val(false);
  }

  /** Some rule applies to the output (so it has a value without its `standaard`). */
  defined(name: string): B {
    return this.z.Or(...this.ruleTerms(name).map((t) => t.applies));
  }
}
