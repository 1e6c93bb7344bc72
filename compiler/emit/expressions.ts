// The expression printer of the JS/TS emitter: IR expressions, constants
// and types as code. It holds the tables generated code refers to (`K…`
// constants, deduplicated; `W…` places for error messages) and prints them
// once the module is done (emit/generate.ts). Every name from the policy goes
// through `ident()` or `str()` (emit/names.ts).

import type { Span } from "../../runtime/diagnostic.js";
import { STDLIB_BY_NAME } from "../../stdlib/index.js";
import { isInteger, toBigInt, type Rat } from "../../runtime/rational.js";
import type { Duration, Period } from "../../runtime/calendar.js";
import type * as IR from "../ir/ir.js";
import { typeDescOf } from "../ir/ir.js";
import { children, type ModulePlan } from "./lower.js";
import { ident, str } from "./names.js";

export class CodeWriter {
  readonly constants: string[] = [];
  private readonly constantIndex = new Map<string, string>();
  readonly wheres: string[] = [];
  private readonly constParamCode = new Map<string, string>();
  /** Methods holding the deeper parts of deeply nested expressions (see `ex`). */
  readonly methods: string[] = [];
  /** How deep `ex` is in the expression it prints. */
  private depth = 0;

  constructor(
    readonly plan: ModulePlan,
    /** TypeScript (annotations) rather than JavaScript. */
    readonly ts: boolean,
  ) {
    for (const [name, p] of plan.constParams) this.constParamCode.set(name, this.valueCode(p.value, p.type));
  }

  /** A type annotation in TypeScript, nothing in JavaScript. */
  ann(t: string): string {
    return this.ts ? `: ${t}` : "";
  }

  /** A constant parameter's code, if it is one. */
  constParam(name: string): string | undefined {
    return this.constParamCode.get(name);
  }

  /** A module-level constant for `code`, shared by every use of the same code. */
  constant(code: string, type: string): string {
    const found = this.constantIndex.get(code);
    if (found) return found;
    const name = `K${this.constants.length}`;
    this.constants.push(`const ${name}${this.ann(type)} = ${code};`);
    this.constantIndex.set(code, name);
    return name;
  }

  tsType(t: IR.Type): string {
    switch (t.k) {
      case "bedrag": case "getal": case "aantal": case "percentage": return "R.Rat";
      case "datum": return "number";
      case "duur": return "R.Duration";
      case "periode": return "R.Period";
      case "janee": return "boolean";
      case "tekst": return "string";
      case "soort": return ident("Soort_", t.name);
      case "record": return ident("Rec_", t.name);
      case "lijst": return `readonly ${this.tsType(t.elem)}[]`;
      case "fout": return "never";
    }
  }

  ratCode(v: Rat): string {
    if (isInteger(v)) {
      const n = toBigInt(v);
      return n >= -9007199254740991n && n <= 9007199254740991n ? `R.ratInt(${n})` : `R.ratInt(${n}n)`;
    }
    return `R.ratFrac(${v.bn ?? v.n}n, ${v.bd ?? v.d}n)`;
  }

  valueCode(v: IR.Value, t: IR.Type): string {
    switch (t.k) {
      case "bedrag": case "getal": case "aantal": case "percentage":
        return this.constant(this.ratCode(v as Rat), "R.Rat");
      case "datum":
        return String(v as number);
      case "duur": {
        const d = v as Duration;
        return this.constant(`{ unit: ${str(d.unit)}, n: ${d.n} }`, "R.Duration");
      }
      case "periode": {
        const p = v as Period;
        return this.constant(`{ start: ${p.start}, end: ${p.end} }`, "R.Period");
      }
      case "janee":
        return v ? "true" : "false";
      case "tekst":
        return str(v as string);
      case "soort":
        return this.ts ? `(${str(v as string)} as ${this.tsType(t)})` : str(v as string);
      default:
        throw new Error(`internal: no code for a constant of type ${t.k}`);
    }
  }

  descCode(t: IR.Type): string {
    return JSON.stringify(typeDescOf(t)).replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
  }

  spanCode(s: Span): string {
    return `{ file: ${str(s.file)}, start: ${s.start}, end: ${s.end}, line: ${s.line}, column: ${s.column}, endLine: ${s.endLine}, endColumn: ${s.endColumn} }`;
  }

  where(kind: string, name: string, articles: readonly string[], span: Span): string {
    const w = `W${this.wheres.length}`;
    this.wheres.push(`const ${w}${this.ann("R.Where")} = { kind: ${str(kind)}, name: ${str(name)}, articles: [${articles.map(str).join(", ")}], span: ${this.spanCode(span)} };`);
    return w;
  }

  /**
   * The code of an expression. Every HOIST_DEPTH levels the rest of a deeper
   * expression moves into a method of its own (`deepN(free locals)`), called
   * where the expression stood, so evaluation order and errors stay the same
   * while no printed expression nests more than HOIST_DEPTH calls: prettier
   * and ts-morph recurse over the syntax tree and overflow the stack on the
   * 1100 nested operations the language allows.
   */
  ex(x: IR.Expr): string {
    if (this.depth >= HOIST_DEPTH && x.e !== "const" && x.e !== "ref") return this.hoist(x);
    this.depth++;
    try {
      return this.exNode(x);
    } finally {
      this.depth--;
    }
  }

  private hoist(x: IR.Expr): string {
    const name = `deep${this.methods.length}`;
    const slot = this.methods.push("") - 1;
    const locals = freeLocals(x);
    const saved = this.depth;
    this.depth = 0;
    const body = this.ex(x);
    this.depth = saved;
    const params = [...locals].map(([n, t]) => `${ident("l_", n)}${this.ann(this.tsType(t))}`);
    this.methods[slot] = `${name}(${params.join(", ")})${this.ann(this.tsType(x.type))} { return ${body}; }`;
    return `this.${name}(${[...locals.keys()].map((n) => ident("l_", n)).join(", ")})`;
  }

  private exNode(x: IR.Expr): string {
    switch (x.e) {
      case "const":
        return this.valueCode(x.value, x.type);
      case "ref":
        switch (x.ref) {
          case "input":
            return this.plan.optionalInputs.has(x.name) ? `R.given(this.${ident("i_", x.name)}, ${str(x.name)})` : `this.${ident("i_", x.name)}`;
          case "parameter": return this.constParam(x.name) ?? `this.${ident("p_", x.name)}()`;
          case "begrip": return `this.${ident("b_", x.name)}()`;
          case "output": return `this.${ident("o_", x.name)}()`;
          case "local": return ident("l_", x.name);
        }
        break;
      case "call":
        return `this.${ident("f_", x.fn)}(${x.args.map((a) => this.ex(a)).join(", ")})`;
      case "std": {
        const entry = STDLIB_BY_NAME.get(x.fn);
        if (!entry) throw new Error(`internal: unknown stdlib function ${x.fn}`);
        return `S.${entry.export}(${x.args.map((a) => this.ex(a)).join(", ")})`;
      }
      case "field":
        return x.optional
          ? `R.givenField(${this.ex(x.object)}[${str(x.field)}], ${str(x.object.type.k === "record" ? x.object.type.name : "")}, ${str(x.field)})`
          : `${this.ex(x.object)}[${str(x.field)}]`;
      case "fieldKnown":
        return `(${this.ex(x.object)}[${str(x.field)}] !== undefined)`;
      case "num": {
        const fn = x.op === "add" ? "R.add" : x.op === "sub" ? "R.sub" : x.op === "mul" ? "R.mul" : "R.div";
        return `${fn}(${this.ex(x.left)}, ${this.ex(x.right)})`;
      }
      case "neg":
        return `R.neg(${this.ex(x.arg)})`;
      case "cmp":
        return this.compare(x.op, x.domain, this.ex(x.left), this.ex(x.right));
      case "and":
        return `(${this.ex(x.left)} && ${this.ex(x.right)})`;
      case "or":
        return `(${this.ex(x.left)} || ${this.ex(x.right)})`;
      case "not":
        return `!${this.ex(x.arg)}`;
      case "in": {
        const values = x.values.map((a) => this.ex(a));
        const allConst = x.values.every((v) => v.e === "const");
        const arr = (t: string) => (allConst ? this.constant(`[${values.join(", ")}]`, `readonly ${t}[]`) : `[${values.join(", ")}]`);
        let test: string;
        switch (x.domain) {
          case "num": test = `R.inNum(${this.ex(x.arg)}, ${arr("R.Rat")})`; break;
          case "dur": test = `R.inDur(${this.ex(x.arg)}, ${arr("R.Duration")})`; break;
          case "period": test = `${arr("R.Period")}.some((p${this.ann("R.Period")}) => R.periodEquals(p, ${this.ex(x.arg)}))`; break;
          default: test = `${arr(x.domain === "day" ? "number" : x.domain === "bool" ? "boolean" : "string")}.includes(${this.ex(x.arg)})`;
        }
        return x.negated ? `!${test}` : test;
      }
      case "inList": {
        // `x in lijst` (issue 19).
        const list = this.ex(x.list);
        let test: string;
        switch (x.domain) {
          case "num": test = `R.inNum(${this.ex(x.arg)}, ${list})`; break;
          case "dur": test = `R.inDur(${this.ex(x.arg)}, ${list})`; break;
          case "period": test = `((a${this.ann("R.Period")}) => ${list}.some((p${this.ann("R.Period")}) => R.periodEquals(p, a)))(${this.ex(x.arg)})`; break;
          default: test = `${list}.includes(${this.ex(x.arg)})`;
        }
        return x.negated ? `!${test}` : test;
      }
      case "known":
        return `(this.${ident("i_", x.name)} !== undefined)`;
      case "between":
        if (x.domain === "num") return `R.betweenNum(${this.ex(x.arg)}, ${this.ex(x.low)}, ${this.ex(x.high)})`;
        if (x.domain === "dur") return `R.betweenDur(${this.ex(x.arg)}, ${this.ex(x.low)}, ${this.ex(x.high)})`;
        return `R.betweenDay(${this.ex(x.arg)}, ${this.ex(x.low)}, ${this.ex(x.high)})`;
      case "round":
        return `R.round(${this.ex(x.arg)}, ${x.decimals}, ${str(x.mode)})`;
      case "if":
        return `(${this.ex(x.cond)} ? ${this.ex(x.then)} : ${this.ex(x.else)})`;
      case "agg": {
        const v = ident("l_", x.variable);
        const elem = x.list.type.k === "lijst" ? this.tsType(x.list.type.elem) : "never";
        const lambda = (body: string) => `(${v}${this.ann(elem)}) => ${body}`;
        const list = this.ex(x.list);
        switch (x.op) {
          case "aantal": return `R.count(${list}, ${lambda(x.filter ? this.ex(x.filter) : "true")})`;
          case "som": return `R.sum(${list}, ${lambda(this.ex(x.body!))}${x.filter ? `, ${lambda(this.ex(x.filter))}` : ""})`;
          case "er is een": return `R.exists(${list}, ${lambda(x.filter ? this.ex(x.filter) : "true")})`;
          case "voor alle": return `R.forall(${list}, ${lambda(this.ex(x.filter!))})`;
          // Issue 19: lists as values (runtime/lists.ts).
          case "grootste":
          case "kleinste": {
            const fn = x.op === "grootste" ? "R.largest" : "R.smallest";
            const domain = x.body!.type.k === "datum" ? "day" : x.body!.type.k === "duur" ? "dur" : "num";
            return `${fn}(${list}, ${lambda(this.ex(x.body!))}, ${x.filter ? lambda(this.ex(x.filter)) : "undefined"}, ${str(domain)})`;
          }
          case "eerste":
          case "laatste": {
            const fn = x.op === "eerste" ? "R.firstOf" : "R.lastOf";
            return `${fn}(${list}, ${lambda(this.ex(x.body!))}, ${x.filter ? lambda(this.ex(x.filter)) : "undefined"})`;
          }
          case "lopende som": return `R.runningSum(${list}, ${lambda(this.ex(x.body!))}${x.filter ? `, ${lambda(this.ex(x.filter))}` : ""})`;
          case "elke": return `R.mapFilter(${list}, ${lambda(this.ex(x.body!))}${x.filter ? `, ${lambda(this.ex(x.filter))}` : ""})`;
        }
        break;
      }
      case "date_add":
        return `R.addDuration(${this.ex(x.date)}, ${this.ex(x.dur)}, ${x.sign})`;
      case "date_diff":
        return `R.diffDays(${this.ex(x.left)}, ${this.ex(x.right)})`;
      case "dur":
        return `R.durationFromCount(${this.ex(x.arg)}, ${str(x.unit)})`;
      case "dur_add":
        return x.sign === 1 ? `R.durationAdd(${this.ex(x.left)}, ${this.ex(x.right)})` : `R.durationAdd(${this.ex(x.left)}, R.durationNeg(${this.ex(x.right)}))`;
      case "dur_neg":
        return `R.durationNeg(${this.ex(x.arg)})`;
      case "period":
        return `${x.inclusive ? "R.periodFromThrough" : "R.periodFromTo"}(${this.ex(x.from)}, ${this.ex(x.to)})`;
      case "to_aantal":
        return `R.toAantal(${this.ex(x.arg)}, ${str(x.what)})`;
      case "percent":
        return `R.div(${this.ex(x.arg)}, ${this.constant("R.ratInt(100)", "R.Rat")})`;
      case "list":
        // The values of a soort as a list (issue 19): constants only.
        if (x.items.every((i) => i.e === "const")) return this.constant(`[${x.items.map((i) => this.ex(i)).join(", ")}]`, this.tsType(x.type));
        throw new Error("internal: list literal outside a voorbeeld");
      case "record":
        throw new Error("internal: record literal outside a voorbeeld");
    }
    throw new Error(`internal: no code for ${(x as IR.Expr).e}`);
  }

  compare(op: IR.CmpOp, domain: IR.CmpDomain, a: string, b: string): string {
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

}

/** How many levels of one expression are printed inline (see CodeWriter.ex). */
const HOIST_DEPTH = 48;

/** The locals (aggregation variables, function parameters) `x` reads that it does not bind itself, with their types. */
function freeLocals(x: IR.Expr): Map<string, IR.Type> {
  const free = new Map<string, IR.Type>();
  const visit = (e: IR.Expr, bound: ReadonlySet<string>): void => {
    if (e.e === "ref" && e.ref === "local") {
      if (!bound.has(e.name)) free.set(e.name, e.type);
      return;
    }
    if (e.e === "agg") {
      visit(e.list, bound);
      const inner = new Set(bound).add(e.variable);
      if (e.body) visit(e.body, inner);
      if (e.filter) visit(e.filter, inner);
      return;
    }
    for (const c of children(e)) visit(c, bound);
  };
  visit(x, new Set());
  return free;
}
