// Printing the decision data (compiler/ir/decisions.ts) as code: an output's
// getter and its explanation step. Nothing is decided here: which clauses
// define an output, which rule replaces which, whether values are compared,
// the standaard and the rounding all come from the OutputDecision.

import type * as IR from "../ir/ir.js";
import type { Candidate, OutputDecision } from "../ir/decisions.js";
import type { CodeWriter } from "./expressions.js";
import { ident, str } from "./names.js";

export interface OutputContext {
  policy: IR.LoweredPolicy;
  w: CodeWriter;
  /** Field declarations of the Decision class. */
  fields: string[];
  /** `W…` of each rule. */
  ruleWheres: readonly string[];
}

function byRule(d: OutputDecision, ri: number): Candidate[] {
  return d.candidates.filter((c) => c.rule === ri);
}

/** The memoised getter of one output (LANGUAGE.md §5, steps in decisions.ts). */
export function outputGetter(ctx: OutputContext, d: OutputDecision): string {
  const { w, fields, ruleWheres } = ctx;
  const mname = ident("mo_", d.name);
  const t = w.tsType(d.type);
  fields.push(`${mname}${w.ann(`${t} | undefined`)} = undefined;`);
  const body: string[] = [];
  const ow = w.where("uitvoer", d.name, [], ctx.policy.outputs[d.output]!.span);
  const fallback = d.default ? `{ this.w = ${ow}; v = ${w.ex(d.default)}; }` : `throw R.noRule(${str(d.name)});`;
  if (!d.mayConflict) {
    // At most one candidate applies: its value is the output.
    const ri = d.rules[0];
    if (ri === undefined) body.push(fallback);
    else {
      body.push(`const c = this.r${ri}();`);
      body.push(`this.w = ${ruleWheres[ri]};`);
      const branches = byRule(d, ri).map((c) => `if (c === ${c.clause}) v = ${w.ex(c.value)};`);
      body.push(`${branches.join(" else ")} else ${fallback}`);
    }
  } else {
    // Every applying candidate's value (a`i` for rule i), then exceptions, then the comparison.
    const a = (ri: number) => `a${ri}`;
    body.push(`let ${d.rules.map((ri) => `${a(ri)}${w.ann(`${t} | undefined`)}`).join(", ")};`);
    for (const ri of d.rules) {
      const branches = byRule(d, ri).map((c) => `if (c === ${c.clause}) ${a(ri)} = ${w.ex(c.value)};`);
      body.push(`{ const c = this.r${ri}(); this.w = ${ruleWheres[ri]}; ${branches.join(" else ")} }`);
    }
    body.push(`const rules${w.ann("number[]")} = [];`);
    // `readonly Rat[]` (a list output) needs parentheses: `readonly Rat[][]` is a readonly array, without push.
    body.push(`const values${w.ann(/\s/.test(t) ? `(${t})[]` : `${t}[]`)} = [];`);
    for (const ri of d.rules) {
      const replacedBy = d.exceptions.filter((x) => x.replaces === ri).map((x) => ` && ${a(x.exception)} === undefined`);
      body.push(`if (${a(ri)} !== undefined${replacedBy.join("")}) { rules.push(${ri}); values.push(${a(ri)}); }`);
    }
    body.push(`if (rules.length > 0) v = R.agree(${str(d.name)}, ${w.constant(w.descCode(d.type), "R.TypeDesc")}, rules, values, RULES); else ${fallback}`);
  }
  return `${ident("o_", d.name)}()${w.ann(t)} {
      let v = this.${mname};
      if (v === undefined) {
        const w = this.w;
        ${body.join("\n")}
        this.w = w;
        this.${mname} = v;
      }
      return v;
    }`;
}

/** The explanation step of one output: which clause of which rule gave it, and what it read. */
export function explainOutput(ctx: OutputContext, d: OutputDecision): string {
  const { w, policy } = ctx;
  const parts: string[] = [];
  parts.push(`{ const rules${w.ann("R.ExplainRule[]")} = [];`);
  const entry = (c: Candidate): string => {
    const r = policy.rules[c.rule]!;
    const cl = r.clauses[c.clause]!;
    const reads = c.reads.map((rd) => {
      const read = w.ex({ e: "ref", ref: rd.ref, name: rd.name, type: rd.type, span: cl.span } as IR.Expr);
      return `{ name: ${str(rd.name)}, value: R.show(() => ${read}, ${w.constant(w.descCode(rd.type), "R.TypeDesc")}) }`;
    });
    const condition = cl.conditionText !== undefined ? `, condition: ${str(cl.conditionText)}` : "";
    const notHolding = cl.earlierConditions.length > 0 ? `, notHolding: [${cl.earlierConditions.map(str).join(", ")}]` : "";
    const lid = r.lid !== undefined ? `, lid: ${str(r.lid)}` : "";
    const row = r.table && cl.row !== undefined ? r.table.rows[cl.row] : undefined;
    const table =
      r.table && row
        ? `, table: ${JSON.stringify({ hitPolicy: r.table.hitPolicy, row: cl.row! + 1, columns: r.table.columns, outputs: r.table.outputs, cells: row.isDefault ? [] : row.cells, values: row.values })}`
        : "";
    return `{ name: ${str(r.name)}, articles: [${(cl.articles ?? r.articles).map(str).join(", ")}], head: ${str(cl.head)}${condition}${notHolding}${lid}${table}, reads: [${reads.join(", ")}] }`;
  };
  if (d.exceptions.length === 0) {
    for (const ri of d.rules) parts.push(byRule(d, ri).map((c) => `if (this.c${ri} === ${c.clause}) rules.push(${entry(c)});`).join(" else "));
  } else {
    // The entry e`i` of each rule i that applied; an applied exception marks the rule it replaces.
    const e = (ri: number) => `e${ri}`;
    parts.push(`let ${d.rules.map((ri) => `${e(ri)}${w.ann("R.ExplainRule | undefined")}`).join(", ")};`);
    for (const ri of d.rules) parts.push(byRule(d, ri).map((c) => `if (this.c${ri} === ${c.clause}) ${e(ri)} = ${entry(c)};`).join(" else "));
    for (const x of d.exceptions) parts.push(`if (${e(x.exception)} !== undefined && ${e(x.replaces)} !== undefined) ${e(x.replaces)}.replaced = true;`);
    for (const ri of d.rules) parts.push(`if (${e(ri)} !== undefined) rules.push(${e(ri)});`);
  }
  parts.push(
    `steps.push({ output: ${str(d.name)}, value: R.show(() => this.${ident("o_", d.name)}(), ${w.constant(w.descCode(d.type), "R.TypeDesc")}), rules, byDefault: rules.length === 0 }); }`,
  );
  return parts.join("\n");
}
