// A checked policy → one SQL query that decides every row of a table
// (LANGUAGE.md §4, §5): input checks, voorwaarden, rules with conflicts,
// exceptions and defaults, outputs in their case-file encoding, and an error
// column `fout` holding exactly the JSON object `polis run` prints under
// "fout" (without "lijn"), or NULL.
// In: the IR policy, a dialect, the table name. Out: the query text, or an
// UnsupportedInSql naming what SQL cannot express (a compile-time error).

import type * as IR from "../ir/ir.js";
import { DIALECTS, type DialectName } from "./dialect.js";
import { Frame, Names } from "./frame.js";
import { Ctx, UnsupportedInSql, choose, compile, equal, num, type Host } from "./expr.js";
import { decodeRaw, decodeTyped, validate } from "./decode.js";
import { describeWhere, type V, type Val } from "./value.js";
import { encodeOutput } from "./encode.js";
import { wording } from "../../runtime/messages.js";
import { dutchOf, jsonOf, mapList, toVals } from "./lists.js";

export interface SqlOptions {
  dialect: DialectName;
  table: string;
  trace?: boolean;
  /** Inputs with no column in the table: read as NULL (missing on every row). */
  missing?: ReadonlySet<string>;
  /** DuckDB column types by input name (from the table's schema): typed columns are read directly. */
  columnTypes?: ReadonlyMap<string, string>;
  /** Extra columns passed through to the result (e.g. a line number). */
  passThrough?: string[];
}

export { UnsupportedInSql };

export function policyToSql(policy: IR.Policy, options: SqlOptions): string {
  return new PolicySql(policy, options).query();
}

class PolicySql implements Host {
  readonly d;
  private readonly names: Names;
  private readonly root: Frame;
  private readonly top: Ctx;
  private readonly memo = new Map<string, Val>();
  private readonly inputs = new Map<string, { raw: string; v: V; typed?: ReturnType<typeof decodeTyped> & object }>();
  private readonly outputsByName: Map<string, IR.Output>;
  private readonly traces = new Map<string, string>();

  constructor(
    private readonly policy: IR.Policy,
    private readonly options: SqlOptions,
  ) {
    this.d = DIALECTS[options.dialect];
    this.names = new Names(options.dialect === "postgres" ? " OFFSET 0" : "", options.dialect === "spark", options.dialect === "duckdb");
    const table = options.table;
    this.root = new Frame(this.names, /^[A-Za-z_][A-Za-z0-9_.]*$/.test(table) ? table : this.d.ident(table));
    this.top = new Ctx(this, this.root, "de beslissing", new Map());
    this.outputsByName = new Map(policy.outputs.map((o) => [o.name, o]));
  }

  private raw(name: string): string {
    return this.root.baseColumn(this.options.missing?.has(name) ? "NULL" : this.d.ident(name));
  }

  // ------------------------------------------------------------ Host

  decode(raw: string, json: boolean, t: IR.Type, f: Frame): V {
    return decodeRaw(this.top.with(f, this.top.where, new Map()), raw, json, t);
  }

  private input(name: string): { raw: string; v: V; typed?: ReturnType<typeof decodeTyped> & object } {
    let found = this.inputs.get(name);
    if (!found) {
      const i = this.policy.inputs.find((x) => x.name === name)!;
      const raw = this.raw(name);
      const json = this.d.name === "postgres" && ["lijst", "record", "periode", "duur"].includes(i.type.k);
      const sqlType = this.d.name === "duckdb" ? this.options.columnTypes?.get(name) : undefined;
      const typed = sqlType ? decodeTyped(this.top, raw, sqlType, i.type) : null;
      found = typed ? { raw, v: typed.v, typed } : { raw, v: decodeRaw(this.top, raw, json, i.type) };
      this.inputs.set(name, found);
    }
    return found;
  }

  known(name: string): string {
    return this.root.col(`(${this.input(name).raw} IS NOT NULL)`);
  }

  fn(name: string): IR.FunctionDef {
    return this.policy.functions.find((f) => f.name === name)!;
  }

  ref(kind: "input" | "parameter" | "begrip" | "output", name: string): Val {
    const key = `${kind}:${name}`;
    const found = this.memo.get(key);
    if (found) return found;
    let v: Val;
    if (kind === "input") {
      const i = this.policy.inputs.find((x) => x.name === name)!;
      const input = this.input(name);
      const err = i.optional
        ? this.top.when(`${input.raw} IS NULL`, "P0715", `de optionele invoer \`${name}\` is nodig voor deze beslissing, maar is niet gegeven`, name)
        : null;
      v = { v: input.v, err };
    } else if (kind === "output") {
      v = this.output(this.outputsByName.get(name)!);
    } else {
      const list = kind === "parameter" ? this.policy.parameters : this.policy.begrippen;
      const def = list.find((x) => x.name === name)!;
      v = compile(this.top.with(this.root, describeWhere(kind, name, def.articles), new Map()), def.value);
    }
    this.memo.set(key, v);
    return v;
  }

  // ------------------------------------------------------------ rules

  private selections = new Map<number, Selection>();

  /** The index of the rule's first clause that applies, or -1 (and the error met on the way). */
  private selection(i: number): Selection {
    const found = this.selections.get(i);
    if (found) return found;
    const r = this.policy.rules[i]!;
    const c = this.top.with(this.root, describeWhere("regel", r.name, r.articles), new Map());
    const whens: string[] = [];
    const errs: string[] = [];
    const possible: number[] = [];
    let tail = "-1";
    for (let k = 0; k < r.clauses.length; k++) {
      const cl = r.clauses[k]!;
      if (cl.head !== "indien") {
        tail = String(k);
        break;
      }
      const cond = compile(c, cl.condition!);
      const cv = (cond.v as { x: string }).x;
      if (cond.err !== null) errs.push(`WHEN ${cond.err} IS NOT NULL THEN ${cond.err}`);
      errs.push(`WHEN ${cv} THEN NULL`);
      whens.push(`WHEN ${cv} THEN ${k}`);
      possible.push(k);
    }
    possible.push(Number(tail));
    const sel = whens.length === 0 ? tail : this.root.col(`CASE ${whens.join(" ")} ELSE ${tail} END`);
    const err = errs.some((e) => !e.endsWith("THEN NULL")) ? this.root.col(`CASE ${errs.join(" ")} END`) : null;
    const s = { sel, err, possible };
    this.selections.set(i, s);
    return s;
  }

  /** Whether the selection is one of ks, decided here where the clauses allow. */
  private selected(s: Selection, ks: number[]): string {
    const hit = s.possible.filter((k) => ks.includes(k));
    if (hit.length === 0) return "FALSE";
    if (hit.length === s.possible.length) return "TRUE";
    return this.root.col(hit.length === 1 ? `${s.sel} = ${hit[0]}` : `${s.sel} IN (${hit.join(", ")})`);
  }

  /** LANGUAGE.md §5: the candidates, exceptions, conflicts and default of one output. */
  private output(o: IR.Output): Val {
    const top = this.top;
    const fix = (v: Val): Val => {
      if (o.type.k === "bedrag" && v.v.k === "num") {
        // Rounding to cents may overflow where the parts are unbounded: the candidate's P0903.
        const mark = top.a.ov.length;
        top.a.tracking++;
        const x = top.a.round(v.v.x, 2, "half-away");
        top.a.tracking--;
        return { v: { k: "num", x }, err: top.a.ov.length === mark ? v.err : top.first(v.err, top.overflow(top.a.ov.splice(mark))) };
      }
      // A lijst van bedrag output: every element rounded to cents once (LANGUAGE.md §6.2).
      if (o.type.k === "lijst" && o.type.elem.k === "bedrag" && v.v.k === "list") {
        const l = toVals(top, v.v);
        const sql = mapList(top, l.sql, l.elem, (lc, e) => ({ k: "num", x: lc.a.round(num(e), 2, "half-away") }));
        return { v: { k: "list", l: { kind: "vals", sql, elem: l.elem } }, err: v.err };
      }
      return v;
    };
    interface Cand { rule: number; defined: string; value: V; err: string | null; selErr: string | null }
    const cands: Cand[] = [];
    for (const i of o.rules) {
      const r = this.policy.rules[i]!;
      const s = this.selection(i);
      const c = top.with(this.root, describeWhere("regel", r.name, r.articles), new Map());
      let value: V | null = null;
      const errs: [string, string][] = [];
      const ks: number[] = [];
      r.clauses.forEach((cl, k) => {
        const a = cl.assignments.find((x) => x.output === o.name);
        if (!a) return;
        const v = fix(compile(c, a.value));
        ks.push(k);
        const at = this.selected(s, [k]);
        value = value === null ? v.v : pick(c, at, v.v, value);
        if (v.err !== null && at !== "FALSE") errs.push([at, v.err]);
      });
      if (value === null) continue;
      const defined = this.selected(s, ks);
      const err = errs.length === 1 ? top.onlyIf(...errs[0]!) : errs.length > 0 ? this.root.col(`CASE ${errs.map(([w, e]) => `WHEN ${w} THEN ${e}`).join(" ")} END`) : null;
      cands.push({ rule: i, defined, value, err, selErr: s.err });
    }
    const evalErr = top.first(...cands.flatMap((cd) => [cd.selErr, cd.err]));
    // Exceptions: a defined exception removes the rule it is an exception to.
    const keep = cands.map((cd) => {
      const by = cands.filter((x) => (this.policy.rules[x.rule]!.exceptionTo ?? []).includes(cd.rule)).map((x) => x.defined);
      return and(this.root, cd.defined, not(this.root, or(this.root, by)));
    });
    const anyDefined = or(this.root, cands.map((cd) => cd.defined));
    let value: V | null = null;
    for (let j = cands.length - 1; j >= 0; j--) value = value === null ? cands[j]!.value : pick(top, keep[j]!, cands[j]!.value, value);
    const firstIdx = this.firstKept(keep);
    // Conflict: the first kept candidate whose value differs from the chosen one.
    const conflicts: string[] = [];
    cands.forEach((cd, j) => {
      if (j === 0 || keep[j] === "FALSE" || (/^-?\d+$/.test(firstIdx) && Number(firstIdx) >= j)) return;
      const earlier = /^-?\d+$/.test(firstIdx) ? "TRUE" : `${firstIdx} < ${j}`;
      const differs = and(this.root, keep[j]!, earlier, top.f.not(equal(top, cd.value, value!)));
      conflicts.push(this.conflict(o, cands.map((x) => x.rule), firstIdx, cd, value!, differs));
    });
    const conflictErr = conflicts.length === 0 ? null : top.first(...conflicts);
    // The default, or no rule.
    let fallback: Val;
    if (o.default) {
      const dv = fix(compile(top.with(this.root, describeWhere("uitvoer", o.name, []), new Map()), o.default));
      fallback = dv;
    } else {
      fallback = { v: value ?? { k: "bool", x: "NULL" }, err: top.when("TRUE", "P0802", `geen regel bepaalt \`${o.name}\``) };
    }
    const final = value === null ? fallback.v : pick(top, anyDefined, value, fallback.v);
    const restErr = top.first(top.onlyIf(anyDefined, conflictErr), top.onlyIf(not(this.root, anyDefined), fallback.err));
    if (this.options.trace) {
      const names = cands.map((cd) => {
        const r = this.policy.rules[cd.rule]!;
        return this.d.str(`regel ${r.name}${r.articles.length > 0 ? ` (artikel ${r.articles.join(", ")})` : ""}`);
      });
      this.traces.set(o.name, this.root.col(`CASE ${names.map((n, j) => `WHEN ${firstIdx} = ${j} THEN ${n}`).join(" ")} ELSE 'standaard' END`));
    }
    return { v: final, err: top.first(evalErr, restErr) };
  }

  /** The index of the first kept candidate, or -1: a literal where the first that may be kept always is. */
  private firstKept(keep: string[]): string {
    const whens: string[] = [];
    for (let j = 0; j < keep.length; j++) {
      if (keep[j] === "FALSE") continue;
      if (keep[j] === "TRUE") {
        if (whens.length === 0) return String(j);
        return this.root.col(`CASE ${whens.join(" ")} ELSE ${j} END`);
      }
      whens.push(`WHEN ${keep[j]} THEN ${j}`);
    }
    return whens.length === 0 ? "-1" : this.root.col(`CASE ${whens.join(" ")} ELSE -1 END`);
  }

  private conflict(o: IR.Output, rules: number[], firstIdx: string, cd: { rule: number; value: V }, chosen: V, cond: string): string {
    const top = this.top;
    const info = (i: number) => {
      const r = this.policy.rules[i]!;
      return { name: r.name, art: r.articles.length === 0 ? "zonder artikel" : `artikel ${r.articles.join(", ")}` };
    };
    const b = info(cd.rule);
    const aName = `CASE ${rules.map((ri, j) => `WHEN ${firstIdx} = ${j} THEN ${this.d.str(`\`${info(ri).name}\` (${info(ri).art})`)}`).join(" ")} END`;
    return top.whenDyn(cond, "P0801", [
      "regels ",
      { sql: aName },
      ` en \`${b.name}\` (${b.art}) geven \`${o.name}\` verschillende waarden: `,
      { sql: dutchOf(top, chosen, o.type) },
      " en ",
      { sql: dutchOf(top, cd.value, o.type) },
    ]);
  }

  // ------------------------------------------------------------ the query

  query(): string {
    const top = this.top;
    const errs: (string | null)[] = [];
    for (const i of this.policy.inputs) {
      const input = this.input(i.name);
      const json = this.d.name === "postgres" && ["lijst", "record", "periode", "duur"].includes(i.type.k);
      const e = validate(top, input.raw, json, i.type, i.name, i.desc.restriction, input.typed);
      errs.push(i.optional && e ? this.root.col(`CASE WHEN ${input.raw} IS NOT NULL THEN ${e} END`) : e);
    }
    for (const cond of this.policy.conditions) {
      const c = top.with(this.root, describeWhere("voorwaarde", cond.text, []), new Map());
      const v = compile(c, cond.expr);
      const fails = c.when(c.f.not((v.v as { x: string }).x), "P0714", `voorwaarde \`${cond.text}\` geldt niet`, cond.field);
      errs.push(top.first(v.err, fails));
    }
    const outs = this.policy.outputs.map((o) => ({ o, v: this.ref("output", o.name) }));
    for (const { v } of outs) errs.push(v.err);
    const fout0 = top.firstFlat(...errs) ?? "NULL";
    // An output whose text does not fit the engine's integers (num.ts Arith.ov): P0903 naming it, after every other error.
    const encErrs: string[] = [];
    // (A scalar's: a record or list output holds NULLs of its own, its text is not guarded.)
    const encs = outs.map(({ o, v }) => {
      if (v.v.k === "list" || v.v.k === "rec") return jsonOf(top, v.v, o.type);
      const mark = top.a.ov.length;
      top.a.tracking++;
      const enc = encodeOutput(top, v.v, o.type);
      top.a.tracking--;
      const ov = top.a.ov.splice(mark);
      if (ov.length > 0) encErrs.push(top.when(ov.map((x) => x.cond).join(" OR "), "P0903", wording("P0903", { what: `de waarde van uitvoer \`${o.name}\`` }).message));
      return enc;
    });
    const fout = encErrs.length === 0 ? fout0 : this.root.col(`COALESCE(${fout0}, ${top.first(...encErrs)})`);
    const final: { alias: string; sql: string }[] = [];
    for (const p of this.options.passThrough ?? []) final.push({ alias: this.d.ident(p), sql: this.root.baseColumn(this.d.ident(p)) });
    for (const [j, { o }] of outs.entries()) {
      const enc = encs[j]!;
      final.push({ alias: this.d.ident(o.name), sql: `CASE WHEN ${fout} IS NULL THEN ${enc} END` });
      const t = this.traces.get(o.name);
      if (t) final.push({ alias: this.d.ident(`${o.name}__regel`), sql: `CASE WHEN ${fout} IS NULL THEN ${t} END` });
    }
    final.push({ alias: "fout", sql: fout });
    return this.root.render(final, "", true) + "\n";
  }
}

interface Selection {
  /** The index of the clause that applies, or the tail (-1 or the `anders` clause); a literal without conditions. */
  sel: string;
  err: string | null;
  /** Every value sel can take. */
  possible: number[];
}

// Booleans that may be decided while the query is written: TRUE and FALSE fold.
function and(f: Frame, ...xs: string[]): string {
  if (xs.includes("FALSE")) return "FALSE";
  const rest = xs.filter((x) => x !== "TRUE");
  return rest.length === 0 ? "TRUE" : rest.length === 1 ? rest[0]! : f.col(`(${rest.join(" AND ")})`);
}
function or(f: Frame, xs: string[]): string {
  if (xs.includes("TRUE")) return "TRUE";
  const rest = xs.filter((x) => x !== "FALSE");
  return rest.length === 0 ? "FALSE" : rest.length === 1 ? rest[0]! : f.col(`(${rest.join(" OR ")})`);
}
function not(f: Frame, x: string): string {
  return x === "TRUE" ? "FALSE" : x === "FALSE" ? "TRUE" : f.col(f.not(x));
}
/** choose(), decided here when the condition is. */
function pick(c: Ctx, cond: string, a: V, b: V): V {
  return cond === "TRUE" ? a : cond === "FALSE" ? b : choose(c, cond, a, b);
}
