// IR policy → the code of a decision module. One generator serves both
// execution paths: plain JavaScript for `polis run`/`polis test` (loaded
// in-process, no ts-morph or prettier on that path) and TypeScript, with type
// annotations, for `polis build` (emit/typescript.ts wraps it with ts-morph and
// formats it with prettier). The code calls only runtime/ (as `R`) and stdlib/
// (as `S`, through the explicit export names of stdlib's table).
//
// Two steps: lowering (emit/lower.ts, and the rule semantics already lowered
// in ir/decisions.ts) decides the module's shape; this file and
// emit/outputs.ts, emit/expressions.ts only print it.
//
// The module: a class `Decision` (the runtime's DecisionBase interface)
// whose begrippen, parameters, rule selections and outputs are computed
// lazily and at most once per case (memo fields); every rule's clauses are
// tried for every case; outputs are computed in declaration order; `this.w`
// tracks where evaluation is, so an error names the rule or begrip and its
// article. What is the same for every policy (decide, evaluate, explain, …)
// lives once in runtime/module.ts.
//
// INVARIANT: every name from the policy reaches the code through `ident()`
// (mangled identifiers) or `str()` (JSON string literals), never raw: policy
// text can never become code.

import type * as IR from "../ir/ir.js";
import { CodeWriter } from "./expressions.js";
import { lower, type DefinitionPlan, type FunctionPlan, type ModulePlan } from "./lower.js";
import { explainOutput, outputGetter, type OutputContext } from "./outputs.js";
import { ident, isoOf, str } from "./names.js";

export { ident, str } from "./names.js";

export interface GenerateOptions {
  /** Emit TypeScript (annotations, `export`s) rather than a JS function body. */
  ts: boolean;
}

export interface Generated {
  /** TS: the module text after the imports. JS: a function body of (R, S) returning the exports. */
  code: string;
}

interface Context extends OutputContext {
  plan: ModulePlan;
  ts: boolean;
  /** Methods of the Decision class. */
  cls: string[];
  /** Constructor statements. */
  init: string[];
}

export function generate(policy: IR.LoweredPolicy, options: GenerateOptions): Generated {
  const plan = lower(policy);
  const w = new CodeWriter(plan, options.ts);
  const ctx: Context = {
    plan,
    policy,
    w,
    ts: options.ts,
    fields: [],
    cls: [],
    init: [],
    ruleWheres: policy.rules.map((r) => w.where("regel", r.name, r.articles, r.span)),
  };
  inputs(ctx);
  for (const d of plan.definitions) ctx.cls.push(definitionGetter(ctx, d));
  for (const f of plan.functions) ctx.cls.push(functionMethod(ctx, f));
  policy.rules.forEach((r, i) => ctx.cls.push(ruleSelection(ctx, r, i)));
  for (const d of policy.decisions.outputs) ctx.cls.push(outputGetter(ctx, d));
  ctx.cls.push(...caseMethods(ctx));
  return { code: assemble(ctx) };
}

function inputs(ctx: Context): void {
  const { w } = ctx;
  for (const i of ctx.policy.inputs) {
    const t = i.optional ? `${w.tsType(i.type)} | undefined` : w.tsType(i.type);
    ctx.fields.push(`${ctx.ts ? "readonly " : ""}${ident("i_", i.name)}${w.ann(t)};`);
    ctx.init.push(`this.${ident("i_", i.name)} = ${ctx.ts ? `(values[${str(i.name)}] as ${t})` : `values[${str(i.name)}]`};`);
  }
}

const PREFIX = { parameter: "p_", begrip: "b_" } as const;

/**
 * A memoised parameter or begrip. In a policy with deep chains (plan.deep) a
 * definition also remembers a failure, and a deep one first warms up what it
 * reads, bottom-up (runtime `warm`), so no evaluation recurses deeply.
 */
function definitionGetter(ctx: Context, p: DefinitionPlan): string {
  const { w, plan } = ctx;
  const d = p.def;
  const prefix = PREFIX[p.kind];
  const t = w.tsType(d.type);
  const mname = ident("m" + prefix, d.name);
  ctx.fields.push(`${mname}${w.ann(`${t} | undefined`)} = undefined;`);
  const where = w.where(p.kind, d.name, d.articles, d.span);
  let compute = `v = ${w.ex(d.value)};`;
  let before = "";
  if (plan.deep) {
    const fname = ident("f" + prefix, d.name);
    ctx.fields.push(`${fname}${w.ann("{ e: unknown; w: R.Where } | undefined")} = undefined;`);
    before = `const f = this.${fname};
      if (f !== undefined) { this.w = f.w; throw f.e; }
      ${p.warm ? `if (!this.warming) R.warm(this, ${p.index}, DEPS, DEFS);` : ""}`;
    compute = `try { ${compute} } catch (e) { if (!R.isStackOverflow(e)) this.${fname} = { e, w: this.w }; throw e; }`;
  }
  return `${ident(prefix, d.name)}()${w.ann(t)} {
      let v = this.${mname};
      if (v === undefined) {
        ${before}
        const w = this.w;
        this.w = ${where};
        ${compute}
        this.w = w;
        this.${mname} = v;
      }
      return v;
    }`;
}

/** A functie; one that calls functions is memoised on its arguments and counted against R.CALL_LIMIT. */
function functionMethod(ctx: Context, p: FunctionPlan): string {
  const { w } = ctx;
  const f = p.def;
  const where = w.where("functie", f.name, f.articles, f.span);
  const params = f.params.map((q) => `${ident("l_", q.name)}${w.ann(w.tsType(q.type))}`).join(", ");
  const t = w.tsType(f.result);
  if (!p.memoised) {
    return `${ident("f_", f.name)}(${params})${w.ann(t)} {
        const w = this.w;
        this.w = ${where};
        const v = ${w.ex(f.body)};
        this.w = w;
        return v;
      }`;
  }
  const mname = ident("mf_", f.name);
  ctx.fields.push(`${mname}${w.ann(`Map<string, ${t}> | undefined`)} = undefined;`);
  return `${ident("f_", f.name)}(${params})${w.ann(t)} {
      const memo = (this.${mname} ??= new Map());
      const key = R.argsKey(${f.params.map((q) => ident("l_", q.name)).join(", ")});
      let v = memo.get(key);
      if (v === undefined) {
        const w = this.w;
        this.w = ${where};
        if (++this.calls > R.CALL_LIMIT) throw R.tooManyCalls(${where});
        v = ${w.ex(f.body)};
        this.w = w;
        memo.set(key, v);
      }
      return v;
    }`;
}

/** Rule selection: the index of the first clause that applies, or -1 (decisions.ts step 1). */
function ruleSelection(ctx: Context, r: IR.Rule, i: number): string {
  const { w } = ctx;
  const c = `c${i}`;
  ctx.fields.push(`${c}${w.ann("number")} = -2;`);
  const selection = ctx.policy.decisions.rules[i]!;
  let chain = "-1";
  for (let k = selection.clauses.length - 1; k >= 0; k--) {
    const cl = selection.clauses[k]!;
    chain = cl.condition ? `${w.ex(cl.condition)} ? ${k} : ${chain}` : String(k);
  }
  return `r${i}()${w.ann("number")} {
      let c = this.${c};
      if (c === -2) {
        const w = this.w;
        this.w = ${ctx.ruleWheres[i]};
        c = ${chain};
        this.w = w;
        this.${c} = c;
      }
      return c;
    }`;
}

/** The methods runtime/module.ts calls: voorwaarden, outputs, explanation, eigenschappen. */
function caseMethods(ctx: Context): string[] {
  const { w, policy } = ctx;
  const condWheres = policy.conditions.map((c) => w.where("voorwaarde", c.text, [], c.span));
  return [
    `checkConditions(line${w.ann("number | undefined")})${w.ann("void")} {
      ${policy.conditions
        .map((c, i) => `this.w = ${condWheres[i]}; if (!${w.ex(c.expr)}) throw R.voorwaardeError(${str(c.text)}, ${str(c.field)}, line);`)
        .join("\n")}
      this.w = R.TOP;
    }`,
    `outputs()${w.ann("Record<string, unknown>")} {
      return { ${policy.outputs.map((o) => `${str(o.name)}: this.${ident("o_", o.name)}()`).join(", ")} };
    }`,
    `explainSteps()${w.ann("R.ExplainStep[]")} {
      const steps${w.ann("R.ExplainStep[]")} = [];
      ${policy.decisions.outputs.map((d) => explainOutput(ctx, d)).join("\n")}
      return steps;
    }`,
    `properties()${w.ann("unknown[]")} {
      const out${w.ann("unknown[]")} = [];
      ${policy.properties
        .map((p) => `try { this.w = R.TOP; out.push(${w.ex(p.expr)}); } catch (e) { out.push(R.asPolisError(e, this.w, undefined)); }`)
        .join("\n")}
      return out;
    }`,
  ];
}

function inputDescCode(w: CodeWriter, i: IR.Input): string {
  const r = i.desc.restriction;
  let restriction = "";
  if (r) {
    const parts: string[] = [`text: ${str(r.text)}`];
    if (r.min !== undefined) parts.push(`min: ${w.valueCode(r.min as IR.Value, i.type)}`);
    if (r.max !== undefined) parts.push(`max: ${w.valueCode(r.max as IR.Value, i.type)}`);
    if (r.oneOf) parts.push(`oneOf: [${r.oneOf.map((v) => w.valueCode(v as IR.Value, i.type)).join(", ")}]`);
    restriction = `, restriction: { ${parts.join(", ")} }`;
  }
  return `{ name: ${str(i.name)}, type: ${w.descCode(i.type)}${restriction}${i.optional ? ", optional: true" : ""} }`;
}

function assemble(ctx: Context): string {
  const { w, policy, plan, ts } = ctx;
  const ann = (t: string) => w.ann(t);
  const exp = ts ? "export " : "";
  const m = policy.metadata;
  const opt = (v: string | undefined) => (v !== undefined ? str(v) : "undefined");
  const metadata = `${exp}const metadata = {
    name: ${str(m.name)},
    title: ${str(m.title)},
    version: ${opt(m.version)},
    validFrom: ${opt(m.validFrom !== undefined ? isoOf(m.validFrom) : undefined)},
    validThrough: ${opt(m.validThrough !== undefined ? isoOf(m.validThrough) : undefined)},
    source: ${opt(m.source)},
  }${ts ? " as const" : ""};`;

  const body: string[] = [];
  body.push(`${exp}const inputFields${ann("readonly R.FieldDesc[]")} = [${policy.inputs.map((i) => inputDescCode(w, i)).join(", ")}];`);
  body.push(`${exp}const outputFields${ann("readonly R.FieldDesc[]")} = [${policy.outputs.map((o) => `{ name: ${str(o.name)}, type: ${w.descCode(o.type)} }`).join(", ")}];`);
  if (policy.decisions.outputs.some((d) => d.mayConflict)) {
    // The rules as a conflict error names them (R.agree).
    const info = policy.rules.map((r) => `{ name: ${str(r.name)}, articles: [${r.articles.map(str).join(", ")}], span: ${w.spanCode(r.span)} }`);
    body.push(`const RULES${ann("readonly R.RuleInfo[]")} = [${info.join(", ")}];`);
  }
  body.push(
    `class Decision${ts ? " implements R.DecisionBase" : ""} {
      ${[
        `w${ann("R.Where")} = R.TOP;`,
        `result${ann("Record<string, unknown>")} = {};`,
        ...(plan.functions.some((f) => f.memoised) ? [`/** Function bodies evaluated for this case (bounded by R.CALL_LIMIT). */ calls${ann("number")} = 0;`] : []),
        ...(plan.deep ? [`warming${ann("boolean")} = false;`] : []),
        ...ctx.fields,
      ].join("\n")}
      constructor(values${ann("Record<string, unknown>")}) {
        ${ctx.init.join("\n")}
      }
      ${[...ctx.cls, ...w.methods].join("\n\n")}
    }`,
  );
  if (plan.deep) {
    // For R.warm: what each definition reads, and how to compute it.
    body.push(`const DEPS${ann("readonly (readonly number[])[]")} = [${plan.definitions.map((d) => `[${d.deps.join(", ")}]`).join(", ")}];`);
    const getters = plan.definitions.map((d) => `Decision.prototype.${ident(PREFIX[d.kind], d.def.name)}`);
    body.push(`const DEFS${ann("readonly ((this: Decision) => unknown)[]")} = [${getters.join(", ")}];`);
  }
  body.push(`const M = R.decisionModule({ metadata, inputFields, outputFields, create: (values) => new Decision(values) });`);
  if (ts) {
    body.push(
      `/** Decide a case given as runtime values that were already decoded and validated. */
      export function decideValues(values: Record<string, unknown>, line: number | undefined = undefined): Record<string, unknown> {
        return M.decideValues(values, line);
      }`,
      `/** Decide one case in the case-file encoding (docs/language.md §9). Throws a PolisError for a bad case or an evaluation error. */
      export function evaluate(input: Input): Output {
        return M.evaluate(input) as unknown as Output;
      }`,
      `/** Read a case from its JSON text exactly as \`polis run\` does (numbers keep their exact text). */
      export function evaluateJson(text: string, line: number | undefined = undefined): Output {
        return M.evaluateJson(text, line) as unknown as Output;
      }`,
      `/** The decision and, in Dutch, which rules gave it, with their values and articles; voor: "lid" writes the text for a member. */
      export function explain(input: Input, options: { voor?: R.ExplainAudience } = {}): { output: Output; explanation: R.Explanation; text: string } {
        return M.explain(input, options) as unknown as { output: Output; explanation: R.Explanation; text: string };
      }`,
      `/** Decide a case (runtime values) and evaluate every eigenschap on it, each on its own: true, false, or the error it met. */
      export function checkProperties(values: Record<string, unknown>): { outputs: Record<string, unknown>; holds: unknown[] } {
        return M.checkProperties(values);
      }`,
    );
  } else {
    body.push(`return { metadata, inputFields, outputFields, ...M };`);
  }

  const typeDecls: string[] = [];
  if (ts) {
    for (const s of policy.soorten) typeDecls.push(`export type ${ident("Soort_", s.name)} = ${s.values.map(str).join(" | ") || "never"};`);
    for (const r of policy.records) {
      typeDecls.push(`export interface ${ident("Rec_", r.name)} { ${r.fields.map((f) => `readonly ${str(f.name)}${f.optional ? "?" : ""}: ${w.tsType(f.type)};`).join(" ")} }`);
    }
  }
  return [...typeDecls, metadata, w.constants.join("\n"), w.wheres.join("\n"), ...body].join("\n\n");
}
