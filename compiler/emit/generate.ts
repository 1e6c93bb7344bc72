// IR policy → the code of a decision module. One generator serves both
// execution paths: plain JavaScript for `polis run`/`polis test` (loaded
// in-process, no ts-morph or prettier on that path) and TypeScript, with type
// annotations, for `polis build` (emit/typescript.ts wraps it with ts-morph and
// formats it with prettier). The code calls only runtime/ (as `R`) and stdlib/
// (as `S`).
//
// Semantics (LANGUAGE.md §5, §6): begrippen, parameters, rule selections and
// outputs are computed lazily and at most once per case (a class `Decision`
// with memo fields); every rule's clauses are tried for every case; outputs are
// computed in declaration order; a `bedrag` output is rounded to cents when its
// value is fixed; `this.w` tracks where evaluation is, so an error names the
// rule or begrip and its article.
//
// INVARIANT: every name from the policy reaches the code through `ident()`
// (mangled identifiers) or `str()` (JSON string literals), never raw: policy
// text can never become code.

import type { Span } from "../../runtime/diagnostic.js";
import { STDLIB_BY_NAME } from "../../stdlib/index.js";
import { isInteger, toBigInt, type Rat } from "../../runtime/rational.js";
import type { Duration, Period } from "../../runtime/calendar.js";
import type * as IR from "../ir/ir.js";
import { typeDescOf } from "../ir/ir.js";
import { evalConstant } from "../ir/constant.js";
import type { Candidate, OutputDecision } from "../ir/decisions.js";

export interface GenerateOptions {
  /** Emit TypeScript (annotations, `export`s) rather than a JS function body. */
  ts: boolean;
}

export interface Generated {
  /** TS: the module text after the imports. JS: a function body of (R, S) returning the exports. */
  code: string;
}

/** A JS string literal for any text (JSON escapes quotes, backslashes, newlines; we add U+2028/9). */
export function str(s: string): string {
  return JSON.stringify(s).replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

/** A safe identifier for a policy name: ASCII letters, digits and `_` kept, everything else escaped. */
export function ident(prefix: string, name: string): string {
  let out = prefix;
  for (const ch of name) {
    if (/[A-Za-z0-9_]/.test(ch)) out += ch;
    else out += `$${ch.codePointAt(0)!.toString(16)}$`;
  }
  return out;
}

export function generate(policy: IR.LoweredPolicy, options: GenerateOptions): Generated {
  const ts = options.ts;
  const ann = (t: string) => (ts ? `: ${t}` : "");
  const cast = (code: string, t: string) => (ts ? `(${code} as ${t})` : code);
  /** A value the runtime types loosely (`Record<string, unknown>`) seen as a precise public type. */
  const view = (code: string, t: string) => (ts ? `(${code} as unknown as ${t})` : code);
  const out: string[] = [];
  const emit = (s: string) => out.push(s);

  // ----------------------------------------------------------- constants

  const constants: string[] = [];
  const constantIndex = new Map<string, string>();
  function constant(code: string, type: string): string {
    const found = constantIndex.get(code);
    if (found) return found;
    const name = `K${constants.length}`;
    constants.push(`const ${name}${ann(type)} = ${code};`);
    constantIndex.set(code, name);
    return name;
  }

  function tsType(t: IR.Type): string {
    switch (t.k) {
      case "bedrag": case "getal": case "aantal": case "percentage": return "R.Rat";
      case "datum": return "number";
      case "duur": return "R.Duration";
      case "periode": return "R.Period";
      case "janee": return "boolean";
      case "tekst": return "string";
      case "soort": return ident("Soort_", t.name);
      case "record": return ident("Rec_", t.name);
      case "lijst": return `readonly ${tsType(t.elem)}[]`;
      case "fout": return "never";
    }
  }

  function ratCode(v: Rat): string {
    if (isInteger(v)) {
      const n = toBigInt(v);
      return n >= -9007199254740991n && n <= 9007199254740991n ? `R.ratInt(${n})` : `R.ratInt(${n}n)`;
    }
    return `R.ratFrac(${v.bn ?? v.n}n, ${v.bd ?? v.d}n)`;
  }

  function valueCode(v: IR.Value, t: IR.Type): string {
    switch (t.k) {
      case "bedrag": case "getal": case "aantal": case "percentage":
        return constant(ratCode(v as Rat), "R.Rat");
      case "datum":
        return String(v as number);
      case "duur": {
        const d = v as Duration;
        return constant(`{ unit: ${str(d.unit)}, n: ${d.n} }`, "R.Duration");
      }
      case "periode": {
        const p = v as Period;
        return constant(`{ start: ${p.start}, end: ${p.end} }`, "R.Period");
      }
      case "janee":
        return v ? "true" : "false";
      case "tekst":
        return str(v as string);
      case "soort":
        return ts ? `(${str(v as string)} as ${tsType(t)})` : str(v as string);
      default:
        throw new Error(`internal: no code for a constant of type ${t.k}`);
    }
  }

  function descCode(t: IR.Type): string {
    return JSON.stringify(typeDescOf(t)).replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
  }

  function spanCode(s: Span): string {
    return `{ file: ${str(s.file)}, start: ${s.start}, end: ${s.end}, line: ${s.line}, column: ${s.column}, endLine: ${s.endLine}, endColumn: ${s.endColumn} }`;
  }

  const wheres: string[] = [];
  function where(kind: string, name: string, articles: readonly string[], span: Span): string {
    const w = `W${wheres.length}`;
    wheres.push(`const ${w}${ann("R.Where")} = { kind: ${str(kind)}, name: ${str(name)}, articles: [${articles.map(str).join(", ")}], span: ${spanCode(span)} };`);
    return w;
  }

  // ---------------------------------------------------------- parameters

  const optionalInputs = new Set(policy.inputs.filter((i) => i.optional).map((i) => i.name));
  const constParams = new Map<string, string>();
  for (const p of policy.parameters) {
    const v = evalConstant(p.value);
    if (v !== undefined && p.type.k !== "record" && p.type.k !== "lijst") constParams.set(p.name, valueCode(v, p.type));
  }

  // --------------------------------------------------------- expressions

  function ex(x: IR.Expr): string {
    switch (x.e) {
      case "const":
        return valueCode(x.value, x.type);
      case "ref":
        switch (x.ref) {
          case "input":
            return optionalInputs.has(x.name) ? `R.given(this.${ident("i_", x.name)}, ${str(x.name)})` : `this.${ident("i_", x.name)}`;
          case "parameter": return constParams.get(x.name) ?? `this.${ident("p_", x.name)}()`;
          case "begrip": return `this.${ident("b_", x.name)}()`;
          case "output": return `this.${ident("o_", x.name)}()`;
          case "local": return ident("l_", x.name);
        }
        break;
      case "call":
        return `this.${ident("f_", x.fn)}(${x.args.map(ex).join(", ")})`;
      case "std": {
        const entry = STDLIB_BY_NAME.get(x.fn);
        if (!entry) throw new Error(`internal: unknown stdlib function ${x.fn}`);
        return `S.${entry.impl.name}(${x.args.map(ex).join(", ")})`;
      }
      case "field":
        return x.optional
          ? `R.givenField(${ex(x.object)}[${str(x.field)}], ${str(x.object.type.k === "record" ? x.object.type.name : "")}, ${str(x.field)})`
          : `${ex(x.object)}[${str(x.field)}]`;
      case "fieldKnown":
        return `(${ex(x.object)}[${str(x.field)}] !== undefined)`;
      case "num": {
        const fn = x.op === "add" ? "R.add" : x.op === "sub" ? "R.sub" : x.op === "mul" ? "R.mul" : "R.div";
        return `${fn}(${ex(x.left)}, ${ex(x.right)})`;
      }
      case "neg":
        return `R.neg(${ex(x.arg)})`;
      case "cmp":
        return compare(x.op, x.domain, ex(x.left), ex(x.right));
      case "and":
        return `(${ex(x.left)} && ${ex(x.right)})`;
      case "or":
        return `(${ex(x.left)} || ${ex(x.right)})`;
      case "not":
        return `!${ex(x.arg)}`;
      case "in": {
        const values = x.values.map(ex);
        const allConst = x.values.every((v) => v.e === "const");
        const arr = (t: string) => (allConst ? constant(`[${values.join(", ")}]`, `readonly ${t}[]`) : `[${values.join(", ")}]`);
        let test: string;
        switch (x.domain) {
          case "num": test = `R.inNum(${ex(x.arg)}, ${arr("R.Rat")})`; break;
          case "dur": test = `R.inDur(${ex(x.arg)}, ${arr("R.Duration")})`; break;
          case "period": test = `${arr("R.Period")}.some((p${ann("R.Period")}) => R.periodEquals(p, ${ex(x.arg)}))`; break;
          default: test = `${arr(x.domain === "day" ? "number" : x.domain === "bool" ? "boolean" : "string")}.includes(${ex(x.arg)})`;
        }
        return x.negated ? `!${test}` : test;
      }
      case "known":
        return `(this.${ident("i_", x.name)} !== undefined)`;
      case "between":
        if (x.domain === "num") return `R.betweenNum(${ex(x.arg)}, ${ex(x.low)}, ${ex(x.high)})`;
        if (x.domain === "dur") return `R.betweenDur(${ex(x.arg)}, ${ex(x.low)}, ${ex(x.high)})`;
        return `R.betweenDay(${ex(x.arg)}, ${ex(x.low)}, ${ex(x.high)})`;
      case "round":
        return `R.round(${ex(x.arg)}, ${x.decimals}, ${str(x.mode)})`;
      case "if":
        return `(${ex(x.cond)} ? ${ex(x.then)} : ${ex(x.else)})`;
      case "agg": {
        const v = ident("l_", x.variable);
        const elem = x.list.type.k === "lijst" ? tsType(x.list.type.elem) : "never";
        const lambda = (body: string) => `(${v}${ann(elem)}) => ${body}`;
        const list = ex(x.list);
        switch (x.op) {
          case "aantal": return `R.count(${list}, ${lambda(x.filter ? ex(x.filter) : "true")})`;
          case "som": return `R.sum(${list}, ${lambda(ex(x.body!))}${x.filter ? `, ${lambda(ex(x.filter))}` : ""})`;
          case "er is een": return `R.exists(${list}, ${lambda(x.filter ? ex(x.filter) : "true")})`;
          case "voor alle": return `R.forall(${list}, ${lambda(ex(x.filter!))})`;
        }
        break;
      }
      case "date_add":
        return `R.addDuration(${ex(x.date)}, ${ex(x.dur)}, ${x.sign})`;
      case "date_diff":
        return `R.diffDays(${ex(x.left)}, ${ex(x.right)})`;
      case "dur":
        return `R.durationFromCount(${ex(x.arg)}, ${str(x.unit)})`;
      case "dur_add":
        return x.sign === 1 ? `R.durationAdd(${ex(x.left)}, ${ex(x.right)})` : `R.durationAdd(${ex(x.left)}, R.durationNeg(${ex(x.right)}))`;
      case "dur_neg":
        return `R.durationNeg(${ex(x.arg)})`;
      case "period":
        return `${x.inclusive ? "R.periodFromThrough" : "R.periodFromTo"}(${ex(x.from)}, ${ex(x.to)})`;
      case "to_aantal":
        return `R.toAantal(${ex(x.arg)}, ${str(x.what)})`;
      case "percent":
        return `R.div(${ex(x.arg)}, ${constant("R.ratInt(100)", "R.Rat")})`;
      case "list":
      case "record":
        throw new Error("internal: list or record literal outside a voorbeeld");
    }
    throw new Error(`internal: no code for ${(x as IR.Expr).e}`);
  }

  function compare(op: IR.CmpOp, domain: IR.CmpDomain, a: string, b: string): string {
    switch (domain) {
      case "num": {
        const fn = { "=": "R.eq", "<>": "!R.eq", "<": "R.lt", "<=": "R.le", ">": "R.gt", ">=": "R.ge" }[op];
        return `${fn}(${a}, ${b})`;
      }
      case "day":
        return `(${a} ${op === "=" ? "===" : op === "<>" ? "!==" : op} ${b})`;
      case "dur":
        return `(R.durCmp(${a}, ${b}) ${op === "=" ? "===" : op === "<>" ? "!==" : op} 0)`;
      case "period":
        return `${op === "<>" ? "!" : ""}R.periodEquals(${a}, ${b})`;
      default:
        return `(${a} ${op === "=" ? "===" : "!=="} ${b})`;
    }
  }

  // --------------------------------------------------------- the module

  const m = policy.metadata;
  const inputsDesc = `[${policy.inputs.map((i) => inputDescCode(i)).join(", ")}]`;
  function inputDescCode(i: IR.Input): string {
    const r = i.desc.restriction;
    let restriction = "";
    if (r) {
      const parts: string[] = [`text: ${str(r.text)}`];
      if (r.min !== undefined) parts.push(`min: ${valueCode(r.min as IR.Value, i.type)}`);
      if (r.max !== undefined) parts.push(`max: ${valueCode(r.max as IR.Value, i.type)}`);
      if (r.oneOf) parts.push(`oneOf: [${r.oneOf.map((v) => valueCode(v as IR.Value, i.type)).join(", ")}]`);
      restriction = `, restriction: { ${parts.join(", ")} }`;
    }
    return `{ name: ${str(i.name)}, type: ${descCode(i.type)}${restriction}${i.optional ? ", optional: true" : ""} }`;
  }

  const ruleWheres = policy.rules.map((r) => where("regel", r.name, r.articles, r.span));
  const ruleInfo = `[${policy.rules.map((r) => `{ name: ${str(r.name)}, articles: [${r.articles.map(str).join(", ")}], span: ${spanCode(r.span)} }`).join(", ")}]`;

  const cls: string[] = [];
  const fields: string[] = [];
  const init: string[] = [];

  // Inputs.
  for (const i of policy.inputs) {
    const t = i.optional ? `${tsType(i.type)} | undefined` : tsType(i.type);
    fields.push(`${ts ? "readonly " : ""}${ident("i_", i.name)}${ann(t)};`);
    init.push(`this.${ident("i_", i.name)} = ${cast(`values[${str(i.name)}]`, t)};`);
  }

  // Memoized definitions: parameters (not constant), begrippen.
  const memo = (prefix: string, d: IR.Definition, kind: string) => {
    const mname = ident("m" + prefix, d.name);
    fields.push(`${mname}${ann(`${tsType(d.type)} | undefined`)} = undefined;`);
    const w = where(kind, d.name, d.articles, d.span);
    cls.push(
      `${ident(prefix, d.name)}()${ann(tsType(d.type))} {
        let v = this.${mname};
        if (v === undefined) {
          const w = this.w;
          this.w = ${w};
          v = ${ex(d.value)};
          this.w = w;
          this.${mname} = v;
        }
        return v;
      }`,
    );
  };
  for (const p of policy.parameters) if (!constParams.has(p.name)) memo("p_", p, "parameter");
  for (const b of policy.begrippen) memo("b_", b, "begrip");

  // Functions.
  for (const f of policy.functions) {
    const w = where("functie", f.name, f.articles, f.span);
    const params = f.params.map((p) => `${ident("l_", p.name)}${ann(tsType(p.type))}`).join(", ");
    cls.push(
      `${ident("f_", f.name)}(${params})${ann(tsType(f.result))} {
        const w = this.w;
        this.w = ${w};
        const v = ${ex(f.body)};
        this.w = w;
        return v;
      }`,
    );
  }

  // Rule selection: the index of the first clause that applies, or -1.
  policy.rules.forEach((r, i) => {
    const c = `c${i}`;
    fields.push(`${c}${ann("number")} = -2;`);
    let chain = "-1";
    for (let k = r.clauses.length - 1; k >= 0; k--) {
      const cl = r.clauses[k]!;
      chain = cl.head === "indien" ? `${ex(cl.condition!)} ? ${k} : ${chain}` : String(k);
    }
    cls.push(
      `r${i}()${ann("number")} {
        let c = this.${c};
        if (c === -2) {
          const w = this.w;
          this.w = ${ruleWheres[i]};
          c = ${chain};
          this.w = w;
          this.${c} = c;
        }
        return c;
      }`,
    );
  });

  // Outputs: printed from the decision data (compiler/ir/decisions.ts).
  for (const d of policy.decisions.outputs) cls.push(outputGetter(d));

  function outputGetter(d: OutputDecision): string {
    const mname = ident("mo_", d.name);
    const t = tsType(d.type);
    fields.push(`${mname}${ann(`${t} | undefined`)} = undefined;`);
    const body: string[] = [];
    const ow = where("uitvoer", d.name, [], policy.outputs[d.output]!.span);
    const fallback = d.default ? `{ this.w = ${ow}; v = ${ex(d.default)}; }` : `throw R.noRule(${str(d.name)});`;
    const byRule = (ri: number) => d.candidates.filter((c) => c.rule === ri);
    if (!d.mayConflict) {
      // At most one candidate applies: its value is the output.
      const ri = d.rules[0];
      if (ri === undefined) body.push(fallback);
      else {
        body.push(`const c = this.r${ri}();`);
        body.push(`this.w = ${ruleWheres[ri]};`);
        const branches = byRule(ri).map((c) => `if (c === ${c.clause}) v = ${ex(c.value)};`);
        body.push(`${branches.join(" else ")} else ${fallback}`);
      }
    } else {
      // Every applying candidate's value (a`i` for rule i), then exceptions, then the comparison.
      const a = (ri: number) => `a${ri}`;
      body.push(`let ${d.rules.map((ri) => `${a(ri)}${ann(`${t} | undefined`)}`).join(", ")};`);
      for (const ri of d.rules) {
        const branches = byRule(ri).map((c) => `if (c === ${c.clause}) ${a(ri)} = ${ex(c.value)};`);
        body.push(`{ const c = this.r${ri}(); this.w = ${ruleWheres[ri]}; ${branches.join(" else ")} }`);
      }
      body.push(`const rules${ann("number[]")} = [];`);
      body.push(`const values${ann(`${t}[]`)} = [];`);
      for (const ri of d.rules) {
        const replacedBy = d.exceptions.filter((x) => x.replaces === ri).map((x) => ` && ${a(x.exception)} === undefined`);
        body.push(`if (${a(ri)} !== undefined${replacedBy.join("")}) { rules.push(${ri}); values.push(${a(ri)}); }`);
      }
      body.push(`if (rules.length > 0) v = R.agree(${str(d.name)}, ${constant(descCode(d.type), "R.TypeDesc")}, rules, values, RULES); else ${fallback}`);
    }
    return `${ident("o_", d.name)}()${ann(t)} {
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

  // Voorwaarden, in declaration order (LANGUAGE.md §4).
  const condWheres = policy.conditions.map((c) => where("voorwaarde", c.text, [], c.span));
  cls.push(
    `checkConditions(line${ann("number | undefined")})${ann("void")} {
      ${policy.conditions
        .map((c, i) => `this.w = ${condWheres[i]}; if (!${ex(c.expr)}) throw R.voorwaardeError(${str(c.text)}, ${str(c.field)}, line);`)
        .join("\n")}
      this.w = R.TOP;
    }`,
  );

  // All outputs, in declaration order.
  cls.push(
    `outputs()${ann("Record<string, unknown>")} {
      return { ${policy.outputs.map((o) => `${str(o.name)}: this.${ident("o_", o.name)}()`).join(", ")} };
    }`,
  );

  // The explanation: which clause of which rule gave each output.
  cls.push(
    `explainSteps()${ann("R.ExplainStep[]")} {
      const steps${ann("R.ExplainStep[]")} = [];
      ${policy.decisions.outputs.map((d) => explainOutput(d)).join("\n")}
      return steps;
    }`,
  );
  // Eigenschappen: each `altijd` expression, evaluated after the decision.
  cls.push(
    `properties()${ann("unknown[]")} {
      const out${ann("unknown[]")} = [];
      ${policy.properties
        .map((p) => `try { this.w = R.TOP; out.push(${ex(p.expr)}); } catch (e) { out.push(R.asPolisError(e, this.w, undefined)); }`)
        .join("\n")}
      return out;
    }`,
  );
  cls.push(
    `show(f${ann("() => unknown")}, t${ann("R.TypeDesc")})${ann("string")} {
      try { return R.formatValueDutch(f(), t); } catch { return "(niet te berekenen)"; }
    }`,
  );

  function explainOutput(d: OutputDecision): string {
    const parts: string[] = [];
    parts.push(`{ const rules${ann("R.ExplainRule[]")} = [];`);
    const entry = (c: Candidate): string => {
      const r = policy.rules[c.rule]!;
      const cl = r.clauses[c.clause]!;
      const reads = c.reads.map((rd) => {
        const read = ex({ e: "ref", ref: rd.ref, name: rd.name, type: rd.type, span: cl.span } as IR.Expr);
        return `{ name: ${str(rd.name)}, value: this.show(() => ${read}, ${constant(descCode(rd.type), "R.TypeDesc")}) }`;
      });
      return `{ name: ${str(r.name)}, articles: [${r.articles.map(str).join(", ")}], head: ${str(cl.head)}${cl.conditionText !== undefined ? `, condition: ${str(cl.conditionText)}` : ""}${cl.earlierConditions.length > 0 ? `, notHolding: [${cl.earlierConditions.map(str).join(", ")}]` : ""}, reads: [${reads.join(", ")}] }`;
    };
    const byRule = (ri: number) => d.candidates.filter((c) => c.rule === ri);
    if (d.exceptions.length === 0) {
      for (const ri of d.rules) parts.push(byRule(ri).map((c) => `if (this.c${ri} === ${c.clause}) rules.push(${entry(c)});`).join(" else "));
    } else {
      // The entry e`i` of each rule i that applied; an applied exception marks the rule it replaces.
      const e = (ri: number) => `e${ri}`;
      parts.push(`let ${d.rules.map((ri) => `${e(ri)}${ann("R.ExplainRule | undefined")}`).join(", ")};`);
      for (const ri of d.rules) parts.push(byRule(ri).map((c) => `if (this.c${ri} === ${c.clause}) ${e(ri)} = ${entry(c)};`).join(" else "));
      for (const x of d.exceptions) parts.push(`if (${e(x.exception)} !== undefined && ${e(x.replaces)} !== undefined) ${e(x.replaces)}.replaced = true;`);
      for (const ri of d.rules) parts.push(`if (${e(ri)} !== undefined) rules.push(${e(ri)});`);
    }
    parts.push(
      `steps.push({ output: ${str(d.name)}, value: this.show(() => this.${ident("o_", d.name)}(), ${constant(descCode(d.type), "R.TypeDesc")}), rules, byDefault: rules.length === 0 }); }`,
    );
    return parts.join("\n");
  }

  // ------------------------------------------------------------ assemble

  const exp = ts ? "export " : "";
  emit(`${exp}const metadata = {
    name: ${str(m.name)},
    title: ${str(m.title)},
    version: ${m.version !== undefined ? str(m.version) : "undefined"},
    validFrom: ${m.validFrom !== undefined ? str(isoOf(m.validFrom)) : "undefined"},
    validThrough: ${m.validThrough !== undefined ? str(isoOf(m.validThrough)) : "undefined"},
    source: ${m.source !== undefined ? str(m.source) : "undefined"},
  }${ts ? " as const" : ""};`);

  const body: string[] = [];
  body.push(`${exp}const inputFields${ann("readonly R.FieldDesc[]")} = ${inputsDesc};`);
  body.push(`${exp}const outputFields${ann("readonly R.FieldDesc[]")} = [${policy.outputs.map((o) => `{ name: ${str(o.name)}, type: ${descCode(o.type)} }`).join(", ")}];`);
  body.push(`const RULES${ann("readonly R.RuleInfo[]")} = ${ruleInfo};`);
  body.push(
    `class Decision {
      w${ann("R.Where")} = R.TOP;
      result${ann("Record<string, unknown>")} = {};
      ${fields.join("\n")}
      constructor(values${ann("Record<string, unknown>")}) {
        ${init.join("\n")}
      }
      ${cls.join("\n\n")}
    }`,
  );
  body.push(
    `/** Check the voorwaarden and compute every output, once; an evaluation failure becomes a PolisError naming where it happened. */
    function decided(values${ann("Record<string, unknown>")}, line${ann("number | undefined")})${ann("Decision")} {
      const d = new Decision(values);
      try {
        d.checkConditions(line);
        d.result = d.outputs();
      } catch (e) {
        throw R.asPolisError(e, d.w, line);
      }
      return d;
    }`,
  );
  body.push(
    `/** Decide a case given as runtime values that were already decoded and validated. */
    ${exp}function decideValues(values${ann("Record<string, unknown>")}, line${ann("number | undefined")} = undefined)${ann("Record<string, unknown>")} {
      return decided(values, line).result;
    }`,
  );
  body.push(
    `function explanationOf(d${ann("Decision")}, values${ann("Record<string, unknown>")})${ann("R.Explanation")} {
      return {
        policy: metadata.name,
        title: metadata.title,
        ${m.version !== undefined ? `version: ${str(m.version)},` : ""}
        inputs: inputFields.map((f) => ({ name: f.name, value: R.formatValueDutch(values[f.name], f.type) })),
        steps: d.explainSteps(),
      };
    }`,
  );
  body.push(
    `/** Decide one case in the case-file encoding (LANGUAGE.md §10). Throws a PolisError for a bad case or an evaluation error. */
    ${exp}function evaluate(input${ann("Input")})${ann("Output")} {
      return ${view(`R.encodeOutputs(decideValues(R.decodeCase(input, inputFields)), outputFields)`, "Output")};
    }`,
  );
  body.push(
    `/** Read a case from its JSON text exactly as \`polis run\` does (numbers keep their exact text). */
    ${exp}function evaluateJson(text${ann("string")}, line${ann("number | undefined")} = undefined)${ann("Output")} {
      return ${view(`R.encodeOutputs(decideValues(R.decodeCase(R.parseCaseText(text, line), inputFields, line), line), outputFields)`, "Output")};
    }`,
  );
  body.push(
    `/** The decision and, in Dutch, which rules gave it, with their values and articles. */
    ${exp}function explain(input${ann("Input")})${ann("{ output: Output; explanation: R.Explanation; text: string }")} {
      const values = R.decodeCase(input, inputFields);
      const d = decided(values, undefined);
      const output = ${view("R.encodeOutputs(d.result, outputFields)", "Output")};
      const explanation = explanationOf(d, values);
      return { output, explanation, text: R.renderExplanation(explanation) };
    }`,
  );
  body.push(
    `/** Decide a case (runtime values) and evaluate every eigenschap on it, each on its own: true, false, or the error it met. */
    ${exp}function checkProperties(values${ann("Record<string, unknown>")})${ann("{ outputs: Record<string, unknown>; holds: unknown[] }")} {
      const d = decided(values, undefined);
      return { outputs: d.result, holds: d.properties() };
    }`,
  );
  if (!ts) body.push(`return { metadata, inputFields, outputFields, decideValues, evaluate, evaluateJson, explain, checkProperties };`);

  const typeDecls: string[] = [];
  if (ts) {
    for (const s of policy.soorten) typeDecls.push(`export type ${ident("Soort_", s.name)} = ${s.values.map(str).join(" | ") || "never"};`);
    for (const r of policy.records) {
      typeDecls.push(`export interface ${ident("Rec_", r.name)} { ${r.fields.map((f) => (f.optional ? `readonly ${str(f.name)}?: ${tsType(f.type)};` : `readonly ${str(f.name)}: ${tsType(f.type)};`)).join(" ")} }`);
    }
  }

  const code = [...typeDecls, ...out, constants.join("\n"), wheres.join("\n"), ...body].join("\n\n");
  return { code };
}

function isoOf(day: number): string {
  const d = new Date(day * 86400000);
  return d.toISOString().slice(0, 10);
}
