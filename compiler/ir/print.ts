// IR → text, for the golden tests of the IR (test/golden/ir/): the checked
// policy and its decisions (ir/decisions.ts), so both are a reviewed contract
// like the other stages. In: a LoweredPolicy. Out: an indented tree, one node
// a line: the node's kind, its key fields, its type after `:` and `@line:col`
// where its span starts; a child whose role its position does not make clear
// is prefixed with that role (`condition:`).
// Guarantees: the same IR gives the same text; numbers are exact (a decimal,
// or `n/d` when the fraction has no finite decimal form), dates are ISO.

import type { Span } from "../../runtime/diagnostic.js";
import { formatDecimal, type Rat } from "../../runtime/rational.js";
import { formatIsoDate, type Duration, type Period } from "../../runtime/calendar.js";
import { TreePrinter } from "../syntax/print.js";
import type * as IR from "./ir.js";
import type { Candidate, OutputDecision } from "./decisions.js";

function at(span: Span): string {
  return `@${span.line}:${span.column}`;
}

/** A type as the author writes it; `duur` shows its unit when the checker knows it. */
export function typeText(t: IR.Type): string {
  switch (t.k) {
    case "duur":
      return t.unit ? `duur(${t.unit})` : "duur";
    case "soort":
    case "record":
      return t.name;
    case "lijst":
      return `lijst van ${typeText(t.elem)}`;
    default:
      return t.k;
  }
}

function ratText(v: Rat): string {
  let d = BigInt(v.bd ?? v.d);
  while (d % 2n === 0n) d /= 2n;
  while (d % 5n === 0n) d /= 5n;
  return d === 1n ? formatDecimal(v) : `${(v.bn ?? BigInt(v.n)).toString()}/${(v.bd ?? BigInt(v.d)).toString()}`;
}

/** A constant of type `t`, exactly. */
export function valueText(v: IR.Value, t: IR.Type): string {
  switch (t.k) {
    case "bedrag": case "getal": case "aantal": case "percentage":
      return ratText(v as Rat);
    case "datum":
      return formatIsoDate(v as number);
    case "duur": {
      const d = v as Duration;
      return `${d.n} ${d.unit}`;
    }
    case "periode": {
      const p = v as Period;
      return `${formatIsoDate(p.start)}..${formatIsoDate(p.end)}`;
    }
    case "janee":
      return v ? "ja" : "nee";
    case "tekst":
      return JSON.stringify(v);
    case "soort":
      return String(v);
    case "lijst":
      return `[${(v as IR.Value[]).map((x) => valueText(x, t.elem)).join(", ")}]`;
    case "record": {
      const r = v as Record<string, IR.Value>;
      return `{${t.fields.map((f) => `${f.name}: ${valueText(r[f.name]!, f.type)}`).join(", ")}}`;
    }
    case "fout":
      return "fout";
  }
}

class Printer extends TreePrinter {
  constructor(private readonly policy: IR.LoweredPolicy) {
    super();
  }

  // ---------------------------------------------------------- expressions

  expr(x: IR.Expr, role?: string): void {
    const p = role ? `${role}: ` : "";
    const tail = ` : ${typeText(x.type)} ${at(x.span)}`;
    const n = (head: string, body?: () => void) => this.node(`${p}${head}${tail}`, body);
    switch (x.e) {
      case "const": return n(`const ${valueText(x.value, x.type)}`);
      case "ref": return n(`${x.ref} ${x.name}`);
      case "call": return n(`call ${x.fn}`, () => x.args.forEach((a) => this.expr(a, "arg")));
      case "std": return n(`std ${x.fn}`, () => x.args.forEach((a) => this.expr(a, "arg")));
      case "field": return n(`field .${x.field}${x.optional ? " optioneel" : ""}`, () => this.expr(x.object));
      case "num": return n(x.op, () => { this.expr(x.left); this.expr(x.right); });
      case "neg": return n("neg", () => this.expr(x.arg));
      case "cmp": return n(`cmp ${x.op} ${x.domain}`, () => { this.expr(x.left); this.expr(x.right); });
      case "and": case "or": return n(x.e, () => { this.expr(x.left); this.expr(x.right); });
      case "not": return n("not", () => this.expr(x.arg));
      case "inList": return n(`${x.negated ? "not inList" : "inList"} ${x.domain}`, () => { this.expr(x.arg); this.expr(x.list, "list"); });
      case "in": return n(`${x.negated ? "not in" : "in"} ${x.domain}`, () => { this.expr(x.arg); x.values.forEach((v) => this.expr(v, "value")); });
      case "between": return n(`between ${x.domain}`, () => { this.expr(x.arg); this.expr(x.low, "low"); this.expr(x.high, "high"); });
      case "known": return n(`known ${x.name}`);
      case "fieldKnown": return n(`fieldKnown .${x.field}`, () => this.expr(x.object));
      case "round": return n(`round ${x.decimals} ${x.mode}`, () => this.expr(x.arg));
      case "if": return n("if", () => { this.expr(x.cond, "cond"); this.expr(x.then, "then"); this.expr(x.else, "else"); });
      case "agg":
        return n(`agg ${x.op} ${x.variable}`, () => {
          this.expr(x.list, "list");
          if (x.body) this.expr(x.body, "body");
          if (x.filter) this.expr(x.filter, "filter");
        });
      case "date_add": return n(`date_add ${x.sign > 0 ? "+" : "-"}`, () => { this.expr(x.date); this.expr(x.dur); });
      case "date_diff": return n("date_diff", () => { this.expr(x.left); this.expr(x.right); });
      case "dur": return n(`dur ${x.unit}`, () => this.expr(x.arg));
      case "dur_add": return n(`dur_add ${x.sign > 0 ? "+" : "-"}`, () => { this.expr(x.left); this.expr(x.right); });
      case "dur_neg": return n("dur_neg", () => this.expr(x.arg));
      case "period": return n(`period ${x.inclusive ? "tot en met" : "tot"}`, () => { this.expr(x.from, "from"); this.expr(x.to, "to"); });
      case "to_aantal": return n(`to_aantal ${JSON.stringify(x.what)}`, () => this.expr(x.arg));
      case "percent": return n("percent", () => this.expr(x.arg));
      case "list": return n("list", () => x.items.forEach((i) => this.expr(i)));
      case "record": return n("record", () => x.fields.forEach((f) => this.expr(f.value, f.name)));
    }
  }

  // --------------------------------------------------------- declarations

  articles(as: readonly string[]): string {
    return as.length === 0 ? "" : ` artikel ${as.map((a) => JSON.stringify(a)).join(", ")}`;
  }

  policyTree(): void {
    const pol = this.policy;
    const m = pol.metadata;
    this.node(`Policy ${m.name} ${JSON.stringify(m.title)}`, () => {
      if (m.version !== undefined) this.line(`versie ${JSON.stringify(m.version)}`);
      if (m.validFrom !== undefined) this.line(`geldig van ${formatIsoDate(m.validFrom)}`);
      if (m.validThrough !== undefined) this.line(`geldig tot en met ${formatIsoDate(m.validThrough)}`);
      if (m.source !== undefined) this.line(`bron ${JSON.stringify(m.source)}`);
      for (const s of pol.soorten) this.line(`Soort ${s.name}: ${s.values.join(", ")}`);
      for (const r of pol.records) this.node(`Record ${r.name}`, () => r.fields.forEach((f) => this.line(`${f.name} : ${typeText(f.type)}`)));
      for (const i of pol.inputs) {
        const restriction = i.desc.restriction ? ` ${JSON.stringify(i.desc.restriction.text)}` : "";
        this.line(`Input ${i.name} : ${typeText(i.type)}${i.optional ? " optioneel" : ""}${restriction} ${at(i.span)}`);
      }
      for (const c of pol.conditions) this.node(`Condition field=${c.field} ${JSON.stringify(c.text)} ${at(c.span)}`, () => this.expr(c.expr));
      for (const d of pol.parameters) this.definition("Parameter", d);
      for (const d of pol.begrippen) this.definition("Begrip", d);
      for (const f of pol.functions) {
        const params = f.params.map((q) => `${q.name}: ${typeText(q.type)}`).join(", ");
        this.node(`Function ${f.name}(${params}) : ${typeText(f.result)}${this.articles(f.articles)} ${at(f.span)}`, () => this.expr(f.body));
      }
      for (const o of pol.outputs) this.node(`Output ${o.name} : ${typeText(o.type)} ${at(o.span)}`, () => { if (o.default) this.expr(o.default, "standaard"); });
      pol.rules.forEach((r, i) => this.rule(r, i));
      for (const e of pol.examples) this.example(e);
      for (const p of pol.properties) this.node(`Property ${JSON.stringify(p.name)} ${JSON.stringify(p.text)} ${at(p.span)}`, () => this.expr(p.expr));
      this.node("Decisions", () => pol.decisions.outputs.forEach((d) => this.decision(d)));
    });
  }

  definition(kind: string, d: IR.Definition): void {
    this.node(`${kind} ${d.name} : ${typeText(d.type)}${this.articles(d.articles)} ${at(d.span)}`, () => {
      if (d.dated) this.line(`per datum volgens ${d.dated.by}: ${d.dated.periods.map((p) => p.text).join(", ")}`);
      this.expr(d.value);
    });
  }

  rule(r: IR.Rule, i: number): void {
    const exc = r.exceptionTo !== undefined ? ` uitzondering op ${r.exceptionTo.map((t) => this.policy.rules[t]!.name).join(", ")}` : "";
    this.node(`Rule ${i} ${r.name}${this.articles(r.articles)}${exc} ${at(r.span)}`, () => {
      if (r.table) this.line(`tabel ${r.table.hitPolicy}: ${r.table.columns.join(" | ")} || ${r.table.outputs.join(" | ")}`);
      r.clauses.forEach((cl, k) =>
        this.node(`Clause ${k} ${cl.head}${cl.row !== undefined ? ` rij ${cl.row + 1}` : ""}${cl.articles ? this.articles(cl.articles) : ""} ${at(cl.span)}`, () => {
          if (cl.condition) this.expr(cl.condition, "condition");
          if (cl.reads.length > 0) this.line(`reads ${cl.reads.map((rd) => `${rd.ref} ${rd.name}`).join(", ")}`);
          for (const a of cl.assignments) this.node(`Assign ${a.output} ${at(a.span)}`, () => this.expr(a.value));
        }),
      );
    });
  }

  example(e: IR.Example): void {
    this.node(`Example ${JSON.stringify(e.name)} ${at(e.span)}`, () => {
      for (const g of e.given) this.expr(g.value, `gegeven ${g.name}`);
      for (const x of e.expected) this.expr(x.value, `verwacht ${x.name}`);
      if (e.expectedError !== undefined) this.line(`verwacht fout ${JSON.stringify(e.expectedError)}`);
    });
  }

  // ------------------------------------------------------------ decisions

  ruleName(i: number): string {
    return `${i} ${this.policy.rules[i]!.name}`;
  }

  decision(d: OutputDecision): void {
    const rounding = d.rounding ? ` afgerond ${d.rounding.decimals} ${d.rounding.mode}` : "";
    this.node(`Output ${d.name} : ${typeText(d.type)}${rounding}${d.mayConflict ? " may-conflict" : ""}`, () => {
      this.line(`rules ${d.rules.length === 0 ? "-" : d.rules.map((i) => this.ruleName(i)).join(", ")}`);
      for (const c of d.candidates) this.candidate(c, d);
      for (const x of d.exceptions) this.line(`Exception rule ${this.ruleName(x.exception)} replaces rule ${this.ruleName(x.replaces)}`);
      if (d.default) this.expr(d.default, "standaard");
      else this.line("no rule applies: error P0802");
    });
  }

  candidate(c: Candidate, d: OutputDecision): void {
    this.node(`Candidate rule ${this.ruleName(c.rule)} clause ${c.clause} ${at(c.span)}`, () => {
      const rule = this.policy.rules[c.rule]!;
      const conds = (ks: number[]) => ks.map((k) => `condition of clause ${k}`).join(", ");
      const earlier = rule.clauses.slice(0, c.clause).flatMap((cl, k) => (cl.condition ? [k] : []));
      const parts = [...(c.guard.holds ? [conds([c.clause])] : []), ...(earlier.length > 0 ? [`not ${conds(earlier)}`] : [])];
      this.line(`guard: ${parts.length === 0 ? "always" : parts.join("; ")}`);
      if (c.value === c.assigned) this.line("value: as assigned");
      else if (d.rounding) this.line(`value: as assigned, afgerond ${d.rounding.decimals} ${d.rounding.mode}`);
      else this.expr(c.value, "value");
      if (c.reads.length > 0) this.line(`explain reads ${c.reads.map((rd) => `${rd.ref} ${rd.name}`).join(", ")}`);
    });
  }
}

/** The IR of a policy, with its decisions, as an indented tree (no trailing newline). */
export function printPolicy(policy: IR.LoweredPolicy): string {
  const p = new Printer(policy);
  p.policyTree();
  return p.toString();
}
