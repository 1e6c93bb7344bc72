// The type checker: AST + symbols → IR policy (LANGUAGE.md §3–§6).
// It types every expression bidirectionally: a bare number literal takes the
// type its context demands (§6 "Literals"), `aantal` widens to `getal`, and a
// `getal` stored where an `aantal` is declared is checked at run time. It also
// checks the rules (§5), the dependency graph (cycles, recursion) and the
// tests (`voorbeeld`, `eigenschap`). It reports every error it can find and
// continues past them with the type `fout`, which silences follow-ups.

import type { Diagnostic, Span } from "../../runtime/diagnostic.js";
import { suggest } from "../../runtime/diagnostic.js";
import { div as ratDiv, isInteger, isZero, neg as ratNeg, ratInt, sign as ratSign, type Rat } from "../../runtime/rational.js";
import { STDLIB_BY_NAME, type PolisTypeName } from "../../stdlib/index.js";
import type { FieldDesc, Restriction as RuntimeRestriction } from "../../runtime/types.js";
import type * as A from "../syntax/ast.js";
import type * as IR from "../ir/ir.js";
import { typeDescOf } from "../ir/ir.js";
import { evalConstant } from "../ir/constant.js";
import { diagnostic, type Code, type Extras, type ParamsOf } from "../../runtime/messages.js";
import type { Symbols } from "../resolve/resolve.js";
import { isReserved } from "../resolve/resolve.js";
import {
  AANTAL, BEDRAG, DATUM, DUUR_DAGEN, DUUR_MAANDEN, FOUT, GETAL, JANEE, PERCENTAGE, PERIODE, TEKST,
  containsError, isNumeric, sameType, typeName,
} from "./types.js";

type Scope = ReadonlyMap<string, IR.Type>;
const EMPTY_SCOPE: Scope = new Map();
const HUNDRED = ratInt(100);

/** A node of the dependency graph: `begrip:x`, `uitvoer:y`, `functie:f`, `parameter:p`, `regel:r`. */
type DepKey = string;

export function check(program: A.Program, symbols: Symbols, source: string): { policy: IR.Policy; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const report = <C extends Code>(code: C, span: Span, params: ParamsOf<C>, extras: Extras = {}) =>
    diagnostics.push(diagnostic(code, span, params, extras));

  // ----------------------------------------------------------------- types

  const recordCache = new Map<string, IR.Type>();
  const resolvingRecords = new Set<string>();
  function resolveType(ref: A.TypeRef): IR.Type {
    switch (ref.kind) {
      case "BuiltinType":
        switch (ref.name) {
          case "bedrag": return BEDRAG;
          case "getal": return GETAL;
          case "aantal": return AANTAL;
          case "percentage": return PERCENTAGE;
          case "datum": return DATUM;
          case "duur": return { k: "duur", unit: null };
          case "periode": return PERIODE;
          case "janee": return JANEE;
          case "tekst": return TEKST;
        }
        return FOUT;
      case "ListType":
        return { k: "lijst", elem: resolveType(ref.element) };
      case "NamedType": {
        const sym = symbols.types.get(ref.name);
        if (!sym) {
          const builtin = ["bedrag", "getal", "aantal", "percentage", "datum", "duur", "periode", "janee", "tekst"];
          report("P0303", ref.span, { name: ref.name , suggestions: suggest(ref.name, [...symbols.types.keys(), ...builtin]) });
          return FOUT;
        }
        if (sym.kind === "soort") return { k: "soort", name: sym.decl.name, values: sym.decl.values.map((v) => v.name) };
        if (resolvingRecords.has(ref.name)) {
          // A record that contains itself would make every case infinite (found by a test author).
          report("P0416", ref.span, { name: ref.name });
          return FOUT;
        }
        const cached = recordCache.get(ref.name);
        if (cached) return cached;
        const fields: { name: string; type: IR.Type; restriction?: RuntimeRestriction; optional?: boolean }[] = [];
        const t: IR.Type = { k: "record", name: sym.decl.name, fields };
        recordCache.set(ref.name, t);
        resolvingRecords.add(ref.name);
        // A record field may be `optioneel` like an input (issue 19).
        for (const f of sym.decl.fields) fields.push({ name: f.name, type: resolveType(f.type), ...(f.optional ? { optional: true } : {}) });
        resolvingRecords.delete(ref.name);
        // Beperkingen on record fields hold for every element (found by a policy author).
        sym.decl.fields.forEach((f, i) => {
          const field = fields[i]!;
          if (!f.restriction || containsError(field.type)) return;
          const r = restrictionOf(f, field.type);
          if (r) field.restriction = r;
        });
        return t;
      }
    }
  }

  // ----------------------------------------------------------- dependencies

  const deps = new Map<DepKey, Set<DepKey>>();
  let owner: DepKey | null = null;
  /** Names read by the clause being checked (for --explain). */
  let reads: Map<string, { ref: IR.RefKind; name: string; type: IR.Type }> | null = null;
  const addDep = (key: DepKey) => {
    if (owner === null) return;
    let s = deps.get(owner);
    if (!s) deps.set(owner, (s = new Set()));
    s.add(key);
  };

  // ------------------------------------------------------------ expressions

  const mk = <T extends IR.Expr>(x: T): T => x;

  function isBareLiteral(e: A.Expr): boolean {
    return e.kind === "Number" || (e.kind === "Neg" && isBareLiteral(e.operand));
  }

  function plainNumberType(v: Rat): IR.Type {
    return isInteger(v) && ratSign(v) >= 0 ? AANTAL : GETAL;
  }

  /** A bare number literal typed by its context. */
  function literalAs(e: A.Expr, t: IR.Type): IR.Expr {
    const negate = (x: IR.Expr): IR.Expr => ({ ...x, value: ratNeg((x as { value: Rat }).value), span: e.span } as IR.Expr);
    if (e.kind === "Neg") {
      const inner = literalAs(e.operand, t.k === "aantal" ? GETAL : t);
      return negate(inner);
    }
    const n = e as Extract<A.Expr, { kind: "Number" }>;
    switch (t.k) {
      case "bedrag":
      case "getal":
        return mk({ e: "const", value: n.value, type: t, span: e.span });
      case "aantal":
        if (!isInteger(n.value)) {
          report("P0401", e.span, { expected: "`aantal` (een geheel getal)", actual: `het getal \`${n.text}\`` });
          return mk({ e: "const", value: n.value, type: FOUT, span: e.span });
        }
        return mk({ e: "const", value: n.value, type: AANTAL, span: e.span });
      case "percentage":
        return mk({ e: "const", value: ratDiv(n.value, HUNDRED), type: PERCENTAGE, span: e.span });
      default:
        return mk({ e: "const", value: n.value, type: plainNumberType(n.value), span: e.span });
    }
  }

  function mismatch(span: Span, expected: IR.Type, actual: IR.Type, advice?: "money"): void {
    if (expected.k === "fout" || actual.k === "fout") return;
    if (expected.k === "duur" && actual.k === "duur") {
      report("P0403", span, { left: String(expected.unit), right: String(actual.unit), verb: "combineren" });
      return;
    }
    report("P0401", span, advice ? { expected: typeName(expected), actual: typeName(actual), advice } : { expected: typeName(expected), actual: typeName(actual) });
  }

  /** Fit a typed expression into a declared type: widen, check at run time, or report. */
  function coerce(x: IR.Expr, expected: IR.Type, what: string): IR.Expr {
    if (expected.k === "fout" || x.type.k === "fout") return x;
    if (x.type.k === "aantal" && expected.k === "getal") return { ...x, type: GETAL };
    if (x.type.k === "getal" && expected.k === "aantal") return mk({ e: "to_aantal", arg: x, what, type: AANTAL, span: x.span });
    if (x.type.k === "duur" && expected.k === "duur") {
      if (expected.unit === null || x.type.unit === null || expected.unit === x.type.unit) return { ...x, type: x.type.unit === null ? expected : x.type };
    }
    if (!sameType(x.type, expected)) {
      const money = expected.k === "bedrag" && (x.type.k === "aantal" || x.type.k === "getal");
      mismatch(x.span, expected, x.type, money ? "money" : undefined);
      return { ...x, type: FOUT };
    }
    return x;
  }

  function checkExpr(e: A.Expr, expected: IR.Type, scope: Scope, what: string, valueContext = false): IR.Expr {
    if (expected.k !== "fout" && isBareLiteral(e) && isNumeric(expected)) return literalAs(e, expected);
    if (e.kind === "If") {
      const cond = checkCondition(e.condition, scope);
      const then = checkExpr(e.then, expected, scope, what, valueContext);
      const els = checkExpr(e.else, expected, scope, what, valueContext);
      return mk({ e: "if", cond, then, else: els, type: expected.k === "fout" ? then.type : expected, span: e.span });
    }
    if (valueContext && e.kind === "ListLiteral") {
      if (expected.k !== "lijst") {
        mismatch(e.span, expected, { k: "lijst", elem: FOUT });
        return mk({ e: "list", items: [], type: FOUT, span: e.span });
      }
      return mk({ e: "list", items: e.items.map((i) => checkExpr(i, expected.elem, scope, what, true)), type: expected, span: e.span });
    }
    if (valueContext && e.kind === "RecordLiteral") {
      if (expected.k !== "record") {
        report("P0401", e.span, { expected: typeName(expected), actual: "gegevens" });
        return mk({ e: "record", fields: [], type: FOUT, span: e.span });
      }
      const fields: { name: string; value: IR.Expr }[] = [];
      const given = new Set<string>();
      for (const f of e.fields) {
        const decl = expected.fields.find((d) => d.name === f.name);
        if (!decl) {
          report("P0306", f.span, { type: expected.name, name: f.name , suggestions: suggest(f.name, expected.fields.map((d) => d.name)) });
          continue;
        }
        given.add(f.name);
        fields.push({ name: f.name, value: checkExpr(f.value, decl.type, scope, f.name, true) });
      }
      for (const d of expected.fields) {
        if (!given.has(d.name) && !d.optional) report("P0601", e.span, { name: what, detail: `het veld \`${d.name}\` ontbreekt` });
      }
      return mk({ e: "record", fields, type: expected, span: e.span });
    }
    return coerce(synth(e, scope), expected, what);
  }

  function checkCondition(e: A.Expr, scope: Scope): IR.Expr {
    const x = synth(e, scope);
    if (x.type.k !== "janee" && x.type.k !== "fout") {
      report("P0405", e.span, { actual: typeName(x.type) });
      return { ...x, type: FOUT };
    }
    return x;
  }

  /**
   * The type a bare literal takes next to an operand of type `t`. Next to an
   * `aantal`, a literal that is not whole is a `getal` and the `aantal`
   * widens (§3), so `leeftijd < 17,5` and `zittingen - 0,5` type-check.
   */
  function operandType(lit: A.Expr, t: IR.Type): IR.Type {
    return t.k === "aantal" && lit.kind === "Number" && !isInteger(lit.value) ? GETAL : t;
  }

  /** Type two operands that must agree; a bare literal takes the other's type. */
  function unifyPair(a: A.Expr, b: A.Expr, scope: Scope): [IR.Expr, IR.Expr] {
    let x: IR.Expr;
    let y: IR.Expr;
    if (isBareLiteral(a) && !isBareLiteral(b)) {
      y = synth(b, scope);
      x = isNumeric(y.type) ? literalAs(a, operandType(a, y.type)) : synth(a, scope);
    } else if (isBareLiteral(b) && !isBareLiteral(a)) {
      x = synth(a, scope);
      y = isNumeric(x.type) ? literalAs(b, operandType(b, x.type)) : synth(b, scope);
    } else {
      x = synth(a, scope);
      y = synth(b, scope);
    }
    // aantal widens to getal
    if (x.type.k === "aantal" && y.type.k === "getal") x = { ...x, type: GETAL };
    if (y.type.k === "aantal" && x.type.k === "getal") y = { ...y, type: GETAL };
    return [x, y];
  }

  /** Type a list of values that must agree (min, max, `in`): literals take the type of the first non-literal. */
  function unifyMany(es: A.Expr[], scope: Scope): IR.Expr[] {
    const anchor = es.find((e) => !isBareLiteral(e));
    if (!anchor) {
      const xs = es.map((e) => synth(e, scope));
      const t = xs.some((x) => x.type.k === "getal") ? GETAL : AANTAL;
      return xs.map((x) => ({ ...x, type: t }));
    }
    const first = synth(anchor, scope);
    let xs = es.map((e) => (e === anchor ? first : isBareLiteral(e) && isNumeric(first.type) ? literalAs(e, operandType(e, first.type)) : synth(e, scope)));
    if (xs.some((x) => x.type.k === "getal") && xs.every((x) => x.type.k === "getal" || x.type.k === "aantal")) {
      xs = xs.map((x) => ({ ...x, type: GETAL }));
    }
    return xs;
  }

  function domainOf(t: IR.Type): IR.CmpDomain | null {
    switch (t.k) {
      case "bedrag": case "getal": case "aantal": case "percentage": return "num";
      case "datum": return "day";
      case "duur": return "dur";
      case "janee": return "bool";
      case "tekst": case "soort": return "text";
      case "periode": return "period";
      default: return null;
    }
  }

  function ordered(t: IR.Type): boolean {
    return isNumeric(t) || t.k === "datum" || t.k === "duur";
  }

  function checkDurationKinds(x: IR.Expr, y: IR.Expr, span: Span, verb: string): boolean {
    if (x.type.k === "duur" && y.type.k === "duur" && x.type.unit && y.type.unit && x.type.unit !== y.type.unit) {
      report("P0403", span, { left: x.type.unit, right: y.type.unit, verb });
      return false;
    }
    return true;
  }

  function lookupName(name: string, span: Span, scope: Scope): IR.Expr {
    const local = scope.get(name);
    if (local) return mk({ e: "ref", ref: "local", name, type: local, span });
    const sym = symbols.values.get(name);
    if (!sym) {
      const candidates = [...symbols.values.keys(), ...scope.keys()];
      report("P0301", span, { name , suggestions: suggest(name, candidates) });
      return mk({ e: "const", value: false, type: FOUT, span });
    }
    const record = (ref: IR.RefKind, type: IR.Type) => {
      if (reads && ref !== "local") reads.set(name, { ref, name, type });
    };
    switch (sym.kind) {
      case "input": {
        const t = typeOfDecl("input", name);
        record("input", t);
        return mk({ e: "ref", ref: "input", name, type: t, span });
      }
      case "parameter": {
        addDep(`parameter:${name}`);
        const t = typeOfDecl("parameter", name);
        record("parameter", t);
        return mk({ e: "ref", ref: "parameter", name, type: t, span });
      }
      case "begrip": {
        addDep(`begrip:${name}`);
        const t = typeOfDecl("begrip", name);
        record("begrip", t);
        return mk({ e: "ref", ref: "begrip", name, type: t, span });
      }
      case "output": {
        addDep(`uitvoer:${name}`);
        const t = typeOfDecl("output", name);
        record("output", t);
        return mk({ e: "ref", ref: "output", name, type: t, span });
      }
      case "functie":
        report("P0314", span, { name });
        return mk({ e: "const", value: false, type: FOUT, span });
      case "soortValue": {
        const soort = symbols.types.get(sym.soort);
        const values = soort && soort.kind === "soort" ? soort.decl.values.map((v) => v.name) : [];
        return mk({ e: "const", value: name, type: { k: "soort", name: sym.soort, values }, span });
      }
    }
  }

  const declTypes = new Map<string, IR.Type>();
  function typeOfDecl(kind: string, name: string): IR.Type {
    const key = `${kind}:${name}`;
    const cached = declTypes.get(key);
    if (cached) return cached;
    const sym = symbols.values.get(name)!;
    let t: IR.Type = FOUT;
    if (sym.kind === "input" || sym.kind === "output") t = resolveType(sym.decl.type);
    else if (sym.kind === "parameter" || sym.kind === "begrip") t = resolveType(sym.decl.type);
    declTypes.set(key, t);
    return t;
  }

  function stdType(name: PolisTypeName): IR.Type {
    switch (name) {
      case "bedrag": return BEDRAG;
      case "getal": return GETAL;
      case "aantal": return AANTAL;
      case "percentage": return PERCENTAGE;
      case "datum": return DATUM;
      case "duur": return { k: "duur", unit: null };
      case "periode": return PERIODE;
      case "janee": return JANEE;
      case "lijst van periode": return { k: "lijst", elem: PERIODE };
    }
  }

  function synthCall(e: Extract<A.Expr, { kind: "Call" }>, scope: Scope): IR.Expr {
    const std = STDLIB_BY_NAME.get(e.callee);
    const user = symbols.values.get(e.callee);
    if (user && user.kind === "functie") {
      addDep(`functie:${e.callee}`);
      const decl = user.decl;
      if (decl.params.length !== e.args.length) {
        report("P0404", e.span, { name: e.callee, expected: String(decl.params.length), actual: String(e.args.length) });
      }
      const args = e.args.map((a, i) => {
        const p = decl.params[i];
        return p ? checkExpr(a, resolveType(p.type), scope, `${e.callee}(${p.name})`) : synth(a, scope);
      });
      return mk({ e: "call", fn: e.callee, args, type: resolveType(decl.result), span: e.span });
    }
    if (user) {
      report("P0313", e.calleeSpan, { name: e.callee });
      return mk({ e: "const", value: false, type: FOUT, span: e.span });
    }
    if (!std) {
      const candidates = [...STDLIB_BY_NAME.keys(), ...[...symbols.values.entries()].filter(([, s]) => s.kind === "functie").map(([n]) => n)];
      report("P0305", e.calleeSpan, { name: e.callee , suggestions: suggest(e.callee, candidates) });
      e.args.forEach((a) => synth(a, scope));
      return mk({ e: "const", value: false, type: FOUT, span: e.span });
    }
    if (std.params === "variadic") {
      const min = std.minArgs ?? 1;
      const max = std.maxArgs ?? Infinity;
      if (e.args.length < min || e.args.length > max) {
        report("P0404", e.span, { name: e.callee, expected: max === Infinity ? `${min} of meer` : String(min), actual: String(e.args.length) });
      }
      const args = unifyMany(e.args, scope);
      let t: IR.Type = args[0]?.type ?? FOUT;
      for (const a of args) {
        if (!sameType(a.type, t)) {
          mismatch(a.span, t, a.type);
          t = FOUT;
        }
      }
      const allowed = e.callee === "abs" ? isNumeric(t) && t.k !== "aantal" ? true : t.k === "aantal" : ordered(t);
      if (!allowed && t.k !== "fout") {
        report("P0410", e.span, { op: e.callee, type: typeName(t) });
        t = FOUT;
      }
      if (t.k === "duur" && args.length > 1) {
        for (let i = 1; i < args.length; i++) checkDurationKinds(args[0]!, args[i]!, e.span, "vergelijken");
      }
      return mk({ e: "std", fn: e.callee, args, type: t, span: e.span });
    }
    if (std.params.length !== e.args.length) {
      report("P0404", e.span, { name: e.callee, expected: String(std.params.length), actual: String(e.args.length) });
    }
    const args = e.args.map((a, i) => {
      const p = std.params[i];
      return p ? checkExpr(a, stdType(p as PolisTypeName), scope, `${e.callee}`) : synth(a, scope);
    });
    return mk({ e: "std", fn: e.callee, args, type: stdType(std.result as PolisTypeName), span: e.span });
  }

  function arith(op: A.ArithOp, x: IR.Expr, y: IR.Expr, e: A.Expr, opSpan: Span): IR.Expr {
    const a = x.type.k;
    const b = y.type.k;
    const span = e.span;
    if (a === "fout" || b === "fout") return mk({ e: "num", op: "add", left: x, right: y, type: FOUT, span });
    const num = (t: IR.Type, o: IR.NumOp = opName(op)) => mk({ e: "num", op: o, left: x, right: y, type: t, span });
    const bad = () => {
      report("P0402", opSpan, { op, left: typeName(x.type), right: typeName(y.type) });
      return mk({ e: "num", op: "add", left: x, right: y, type: FOUT, span });
    };
    const plainNum = (k: string) => k === "getal" || k === "aantal";
    if (op === "+" || op === "-") {
      if (a === "datum" && b === "duur") return mk({ e: "date_add", date: x, dur: y, sign: op === "+" ? 1 : -1, type: DATUM, span });
      if (a === "duur" && b === "datum" && op === "+") return mk({ e: "date_add", date: y, dur: x, sign: 1, type: DATUM, span });
      if (a === "datum" && b === "datum" && op === "-") return mk({ e: "date_diff", left: x, right: y, type: DUUR_DAGEN, span });
      if (a === "duur" && b === "duur") {
        if (!checkDurationKinds(x, y, span, op === "+" ? "optellen" : "aftrekken")) return mk({ e: "num", op: "add", left: x, right: y, type: FOUT, span });
        const unit = (x.type as { unit: "dagen" | "maanden" | null }).unit ?? (y.type as { unit: "dagen" | "maanden" | null }).unit;
        return mk({ e: "dur_add", sign: op === "+" ? 1 : -1, left: x, right: y, type: { k: "duur", unit }, span });
      }
      if (a === b && (a === "bedrag" || a === "getal" || a === "percentage")) return num(x.type);
      if (a === "aantal" && b === "aantal") return num(op === "+" ? AANTAL : GETAL);
      if (plainNum(a) && plainNum(b)) return num(GETAL);
      return bad();
    }
    if (op === "*") {
      if (a === "bedrag" && (plainNum(b) || b === "percentage")) return num(BEDRAG);
      if (b === "bedrag" && (plainNum(a) || a === "percentage")) return num(BEDRAG);
      if (a === "percentage" && plainNum(b)) return num(GETAL);
      if (b === "percentage" && plainNum(a)) return num(GETAL);
      if (a === "aantal" && b === "aantal") return num(AANTAL);
      if (plainNum(a) && plainNum(b)) return num(GETAL);
      return bad();
    }
    // division
    if (y.e === "const" && isRat(y.value) && isZero(y.value)) {
      report("P0406", y.span, {});
    }
    if (a === "bedrag" && plainNum(b)) return num(BEDRAG);
    if (a === "bedrag" && b === "bedrag") return num(GETAL);
    if (a === "percentage" && plainNum(b)) return num(PERCENTAGE);
    if (plainNum(a) && plainNum(b)) return num(GETAL);
    return bad();
  }

  function synth(e: A.Expr, scope: Scope): IR.Expr {
    switch (e.kind) {
      case "Number":
        return mk({ e: "const", value: e.value, type: plainNumberType(e.value), span: e.span });
      case "Money":
        return mk({ e: "const", value: e.value, type: BEDRAG, span: e.span });
      case "Text":
        return mk({ e: "const", value: e.value, type: TEKST, span: e.span });
      case "Bool":
        return mk({ e: "const", value: e.value, type: JANEE, span: e.span });
      case "Date":
        return mk({ e: "const", value: e.day, type: DATUM, span: e.span });
      case "Name":
        return lookupName(e.name, e.span, scope);
      case "Call":
        return synthCall(e, scope);
      case "Field": {
        const obj = synth(e.object, scope);
        if (obj.type.k === "fout") return { ...obj, span: e.span };
        if (obj.type.k !== "record") {
          report("P0306", e.fieldSpan, { type: typeName(obj.type).replace(/`/g, ""), name: e.field });
          return mk({ e: "const", value: false, type: FOUT, span: e.span });
        }
        const f = obj.type.fields.find((x) => x.name === e.field);
        if (!f) {
          report("P0306", e.fieldSpan, { type: obj.type.name, name: e.field , suggestions: suggest(e.field, obj.type.fields.map((x) => x.name)) });
          return mk({ e: "const", value: false, type: FOUT, span: e.span });
        }
        return mk({ e: "field", object: obj, field: e.field, ...(f.optional ? { optional: true } : {}), type: f.type, span: e.span });
      }
      case "Unit": {
        const arg = synth(e.operand, scope);
        if (arg.type.k !== "aantal" && arg.type.k !== "getal" && arg.type.k !== "fout") {
          report("P0401", e.operand.span, { expected: "`aantal` of `getal`", actual: typeName(arg.type) });
        }
        const days = e.unit.startsWith("d") || e.unit.startsWith("w");
        return mk({ e: "dur", unit: e.unit, arg, type: days ? DUUR_DAGEN : DUUR_MAANDEN, span: e.span });
      }
      case "Percent": {
        if (e.operand.kind === "Number") return mk({ e: "const", value: ratDiv(e.operand.value, HUNDRED), type: PERCENTAGE, span: e.span });
        const arg = synth(e.operand, scope);
        if (arg.type.k !== "aantal" && arg.type.k !== "getal" && arg.type.k !== "fout") {
          report("P0401", e.operand.span, { expected: "`aantal` of `getal`", actual: typeName(arg.type) });
        }
        return mk({ e: "percent", arg, type: PERCENTAGE, span: e.span });
      }
      case "Neg": {
        const arg = synth(e.operand, scope);
        if (arg.type.k === "duur") return mk({ e: "dur_neg", arg, type: arg.type, span: e.span });
        if (arg.e === "const" && isNumeric(arg.type)) {
          return mk({ e: "const", value: ratNeg(arg.value as Rat), type: arg.type.k === "aantal" ? GETAL : arg.type, span: e.span });
        }
        if (!isNumeric(arg.type) && arg.type.k !== "fout") {
          report("P0410", e.span, { op: "-", type: typeName(arg.type) });
          return { ...arg, type: FOUT };
        }
        return mk({ e: "neg", arg, type: arg.type.k === "aantal" ? GETAL : arg.type, span: e.span });
      }
      case "Arith": {
        if (e.op === "*" || e.op === "/") {
          // LANGUAGE.md §6: next to * or /, a number literal is a plain number.
          return arith(e.op, synth(e.left, scope), synth(e.right, scope), e, e.opSpan);
        }
        const [x, y] = unifyPair(e.left, e.right, scope);
        return arith(e.op, x, y, e, e.opSpan);
      }
      case "Compare": {
        const [x, y] = unifyPair(e.left, e.right, scope);
        return compare(e.op, x, y, e.span, e.opSpan);
      }
      case "InList": {
        const arg = synth(e.operand, scope);
        const list = synthList(e.list, scope);
        const domain = domainOf(arg.type);
        if (list.type.k !== "lijst" && list.type.k !== "fout") report("P0412", e.list.span, { name: "in", actual: typeName(list.type) });
        else if (list.type.k === "lijst" && arg.type.k !== "fout" && !sameType(arg.type, list.type.elem)) mismatch(e.list.span, arg.type, list.type.elem);
        if (!domain && arg.type.k !== "fout") report("P0410", e.span, { op: "in", type: typeName(arg.type) });
        return mk({ e: "inList", negated: e.negated, domain: domain ?? "num", arg, list, type: JANEE, span: e.span });
      }
      case "In": {
        const xs = unifyMany([e.operand, ...e.values], scope);
        const arg = xs[0]!;
        const domain = domainOf(arg.type);
        for (const v of xs.slice(1)) if (!sameType(arg.type, v.type)) mismatch(v.span, arg.type, v.type);
        if (!domain && arg.type.k !== "fout") report("P0410", e.span, { op: "in", type: typeName(arg.type) });
        return mk({ e: "in", negated: e.negated, domain: domain ?? "num", arg, values: xs.slice(1), type: JANEE, span: e.span });
      }
      case "Between": {
        const [arg, low, high] = unifyMany([e.operand, e.low, e.high], scope) as [IR.Expr, IR.Expr, IR.Expr];
        // Two durations of different kinds are reported once, by checkDurationKinds below.
        for (const v of [low, high]) if (!sameType(arg.type, v.type) && !(arg.type.k === "duur" && v.type.k === "duur")) mismatch(v.span, arg.type, v.type);
        if (!ordered(arg.type) && arg.type.k !== "fout") report("P0407", e.span, { type: typeName(arg.type) });
        checkDurationKinds(arg, low, e.span, "vergelijken");
        checkDurationKinds(arg, high, e.span, "vergelijken");
        return mk({ e: "between", domain: domainOf(arg.type) ?? "num", arg, low, high, type: JANEE, span: e.span });
      }
      case "Known": {
        if (e.operand.kind === "Field") {
          // `r.veld is bekend` on an optional record field (issue 19).
          const field = synth(e.operand, scope);
          if (field.e === "field" && field.optional === true) {
            return mk({ e: "fieldKnown", object: field.object, field: field.field, type: JANEE, span: e.span });
          }
          if (field.type.k !== "fout") report("P0414", e.operand.span, {});
          return mk({ e: "const", value: false, type: FOUT, span: e.span });
        }
        const input = e.operand.kind === "Name" && !scope.has(e.operand.name) ? symbols.values.get(e.operand.name) : undefined;
        if (!input || input.kind !== "input" || !input.decl.optional) {
          report("P0414", e.operand.span, {});
          return mk({ e: "const", value: false, type: FOUT, span: e.span });
        }
        const name = (e.operand as Extract<A.Expr, { kind: "Name" }>).name;
        if (reads) reads.set(name, { ref: "input", name, type: typeOfDecl("input", name) });
        return mk({ e: "known", name, type: JANEE, span: e.span });
      }
      case "Not":
        return mk({ e: "not", arg: checkCondition(e.operand, scope), type: JANEE, span: e.span });
      case "Logic":
        return mk({ e: e.op === "en" ? "and" : "or", left: checkCondition(e.left, scope), right: checkCondition(e.right, scope), type: JANEE, span: e.span });
      case "Round": {
        const arg = synth(e.operand, scope);
        if (!isNumeric(arg.type) && arg.type.k !== "fout") {
          report("P0410", e.span, { op: "afgerond", type: typeName(arg.type) });
          return { ...arg, type: FOUT };
        }
        const decimals = e.decimals + (arg.type.k === "percentage" ? 2 : 0);
        return mk({ e: "round", arg, decimals, mode: e.mode, type: arg.type, span: e.span });
      }
      case "If": {
        const cond = checkCondition(e.condition, scope);
        const [then, els] = unifyPair(e.then, e.else, scope);
        if (!sameType(then.type, els.type)) mismatch(els.span, then.type, els.type);
        return mk({ e: "if", cond, then, else: els, type: then.type, span: e.span });
      }
      case "Aggregate":
        return aggregate(e, scope);
      case "Period": {
        const from = checkExpr(e.from, DATUM, scope, "periode");
        const to = checkExpr(e.to, DATUM, scope, "periode");
        return mk({ e: "period", from, to, inclusive: e.inclusive, type: PERIODE, span: e.span });
      }
      case "ListLiteral":
      case "RecordLiteral":
        report("P0409", e.span, {});
        return mk({ e: "const", value: false, type: FOUT, span: e.span });
    }
  }

  function compare(op: A.CompareOp, x: IR.Expr, y: IR.Expr, span: Span, opSpan: Span): IR.Expr {
    const result = (domain: IR.CmpDomain) => mk({ e: "cmp", op, domain, left: x, right: y, type: JANEE, span });
    if (x.type.k === "fout" || y.type.k === "fout") return result("num");
    if (!sameType(x.type, y.type)) {
      if (x.type.k === "duur" && y.type.k === "duur") checkDurationKinds(x, y, span, "vergelijken");
      else report("P0402", opSpan, { op, left: typeName(x.type), right: typeName(y.type) });
      return { ...result("num"), type: JANEE };
    }
    const domain = domainOf(x.type);
    if (!domain) {
      report("P0410", opSpan, { op, type: typeName(x.type) });
      return result("num");
    }
    if (op !== "=" && op !== "<>" && !ordered(x.type)) {
      report("P0407", opSpan, { type: typeName(x.type) });
    }
    return result(domain);
  }

  /**
   * A list-valued expression; a `soort` name stands for the list of all its
   * values in declaration order (issue 19: `voor alle g in Briefgegeven geldt …`).
   */
  function synthList(e: A.Expr, scope: Scope): IR.Expr {
    if (e.kind === "Name" && !scope.has(e.name) && !symbols.values.has(e.name)) {
      const sym = symbols.types.get(e.name);
      if (sym && sym.kind === "soort") {
        const soort: IR.Type = { k: "soort", name: sym.decl.name, values: sym.decl.values.map((v) => v.name) };
        const items = sym.decl.values.map((v) => mk({ e: "const", value: v.name, type: soort, span: e.span }));
        return mk({ e: "list", items, type: { k: "lijst", elem: soort }, span: e.span });
      }
    }
    return synth(e, scope);
  }

  function aggregate(e: Extract<A.Expr, { kind: "Aggregate" }>, scope: Scope): IR.Expr {
    const list = synthList(e.list, scope);
    let elem: IR.Type = FOUT;
    if (list.type.k === "lijst") elem = list.type.elem;
    else if (list.type.k !== "fout") report("P0412", e.list.span, { name: e.op, actual: typeName(list.type) });
    if (symbols.values.has(e.variable) || isReserved(e.variable)) {
      if (isReserved(e.variable)) report("P0304", e.variableSpan, { name: e.variable, what: "variabele" });
      else report("P0309", e.variableSpan, { name: e.variable });
    }
    const inner = new Map(scope);
    inner.set(e.variable, elem);
    const filter = e.filter ? checkCondition(e.filter, inner) : undefined;
    const base = { variable: e.variable, list, span: e.span };
    switch (e.op) {
      case "aantal":
        return mk({ e: "agg", op: "aantal", ...base, ...(filter ? { filter } : {}), type: AANTAL });
      case "som": {
        const body = synth(e.body!, inner);
        if (!isNumeric(body.type) && body.type.k !== "fout") report("P0410", e.body!.span, { op: "som", type: typeName(body.type) });
        return mk({ e: "agg", op: "som", ...base, body, ...(filter ? { filter } : {}), type: body.type });
      }
      case "grootste":
      case "kleinste": {
        const body = synth(e.body!, inner);
        if (!ordered(body.type) && body.type.k !== "fout") report("P0407", e.body!.span, { type: typeName(body.type) });
        return mk({ e: "agg", op: e.op, ...base, body, ...(filter ? { filter } : {}), type: body.type });
      }
      case "eerste":
      case "laatste": {
        const body = synth(e.body!, inner);
        return mk({ e: "agg", op: e.op, ...base, body, ...(filter ? { filter } : {}), type: body.type });
      }
      case "lopende som": {
        const body = synth(e.body!, inner);
        if (!isNumeric(body.type) && body.type.k !== "fout") report("P0410", e.body!.span, { op: "lopende som", type: typeName(body.type) });
        return mk({ e: "agg", op: e.op, ...base, body, ...(filter ? { filter } : {}), type: { k: "lijst", elem: body.type } });
      }
      case "elke": {
        const body = synth(e.body!, inner);
        return mk({ e: "agg", op: e.op, ...base, body, ...(filter ? { filter } : {}), type: { k: "lijst", elem: body.type } });
      }
      default:
        return mk({ e: "agg", op: e.op, ...base, ...(filter ? { filter } : {}), type: JANEE });
    }
  }

  // ---------------------------------------------------------- declarations

  const policy: IR.Policy = {
    metadata: {
      name: program.name,
      title: program.title,
      file: program.file,
      ...(program.header.version ? { version: program.header.version.text } : {}),
      ...(program.header.validity ? { validFrom: program.header.validity.from } : {}),
      ...(program.header.validity?.to !== undefined ? { validThrough: program.header.validity.to } : {}),
      ...(program.header.source ? { source: program.header.source.text } : {}),
    },
    soorten: [],
    records: [],
    inputs: [],
    conditions: [],
    parameters: [],
    begrippen: [],
    functions: [],
    outputs: [],
    rules: [],
    examples: [],
    properties: [],
  };
  const articleLabels = (as: A.Article[]) => as.map((a) => a.label);

  for (const [, t] of symbols.types) {
    if (t.kind === "soort") policy.soorten.push({ name: t.decl.name, values: t.decl.values.map((v) => v.name) });
    else {
      const rt = resolveType({ kind: "NamedType", name: t.decl.name, span: t.decl.nameSpan });
      if (rt.k === "record") policy.records.push({ name: rt.name, fields: [...rt.fields] });
    }
  }

  function restrictionOf(f: A.FieldDecl, t: IR.Type): RuntimeRestriction | undefined {
    const r = f.restriction;
    if (!r) return undefined;
    const constant = (x: A.Expr): unknown => {
      const ir = checkExpr(x, t, EMPTY_SCOPE, f.name);
      if (ir.type.k === "fout") return undefined;
      const v = evalConstant(ir);
      if (v === undefined) report("P0411", x.span, { reason: "gebruik een vaste waarde" });
      return v;
    };
    if (r.kind === "OneOf") {
      if (!domainOf(t)) report("P0408", r.span, { what: "uit", type: `het type ${typeName(t)}` });
      return { oneOf: r.values.map(constant), text: r.text };
    }
    if (!ordered(t) && (t as IR.Type).k !== "fout") {
      report("P0408", r.span, { what: restrictionWord(r.text), type: `het type ${typeName(t)}` });
      return undefined;
    }
    const out: RuntimeRestriction = { text: r.text };
    if (r.min) out.min = constant(r.min);
    if (r.max) out.max = constant(r.max);
    return out;
  }

  for (const d of program.declarations) {
    if (d.kind !== "Invoer") continue;
    for (const f of d.fields) {
      if (symbols.values.get(f.name)?.kind !== "input" || symbols.values.get(f.name)?.span !== f.nameSpan) continue;
      const type = typeOfDecl("input", f.name);
      if (containsError(type)) continue;
      const restriction = restrictionOf(f, type);
      const desc: FieldDesc = { name: f.name, type: typeDescOf(type), ...(restriction ? { restriction } : {}), ...(f.optional ? { optional: true } : {}) };
      policy.inputs.push({ name: f.name, type, desc, optional: f.optional === true, span: f.span });
      if (f.default) report("P0401", f.default.span, { expected: "geen `standaard` bij invoer", actual: "een standaardwaarde" });
    }
  }

  const inputNames = new Set(policy.inputs.map((i) => i.name));
  function firstInputNamed(e: A.Expr): string | undefined {
    let found: string | undefined;
    const visit = (x: unknown) => {
      if (found || x === null || typeof x !== "object") return;
      if (Array.isArray(x)) return x.forEach(visit);
      const node = x as { kind?: string; name?: string; span?: Span };
      if (node.kind === "Name" && node.name && inputNames.has(node.name)) {
        found = node.name;
        return;
      }
      // visit children in source order
      const children = Object.entries(node).filter(([k]) => k !== "span" && k !== "opSpan" && k !== "fieldSpan" && k !== "calleeSpan" && k !== "variableSpan").map(([, v]) => v);
      children.sort((p, q) => ((p as { span?: Span })?.span?.start ?? 0) - ((q as { span?: Span })?.span?.start ?? 0));
      children.forEach(visit);
    };
    visit(e);
    return found;
  }

  for (const d of program.declarations) {
    switch (d.kind) {
      case "Voorwaarde": {
        owner = null;
        const expr = checkCondition(d.condition, EMPTY_SCOPE);
        policy.conditions.push({ expr, text: d.text, field: firstInputNamed(d.condition) ?? "", span: d.span });
        break;
      }
      case "Parameter":
      case "Begrip": {
        if (symbols.values.get(d.name)?.span !== d.nameSpan) break;
        const kind = d.kind === "Parameter" ? "parameter" : "begrip";
        owner = `${kind}:${d.name}`;
        const type = typeOfDecl(kind, d.name);
        const value = checkExpr(d.value, type, EMPTY_SCOPE, d.name);
        (kind === "parameter" ? policy.parameters : policy.begrippen).push({ name: d.name, type, value, articles: articleLabels(d.articles), span: d.span });
        owner = null;
        break;
      }
      case "Functie": {
        if (symbols.values.get(d.name)?.span !== d.nameSpan) break;
        owner = `functie:${d.name}`;
        const scope = new Map<string, IR.Type>();
        const params = d.params.map((p) => {
          if (isReserved(p.name)) report("P0304", p.span, { name: p.name, what: "parameter van een functie" });
          else if (symbols.values.has(p.name)) report("P0309", p.span, { name: p.name });
          const t = resolveType(p.type);
          scope.set(p.name, t);
          return { name: p.name, type: t };
        });
        const result = resolveType(d.result);
        const body = checkExpr(d.body, result, scope, d.name);
        policy.functions.push({ name: d.name, params, result, body, articles: articleLabels(d.articles), span: d.span });
        owner = null;
        break;
      }
      default:
        break;
    }
  }

  // Outputs and rules.
  const outputIndex = new Map<string, IR.Output>();
  for (const d of program.declarations) {
    if (d.kind !== "Uitvoer") continue;
    for (const f of d.fields) {
      if (symbols.values.get(f.name)?.span !== f.nameSpan) continue;
      const type = typeOfDecl("output", f.name);
      if (f.restriction) report("P0408", f.restriction.span, { what: restrictionWord(f.restriction.text), type: "een uitvoer" });
      if (f.optional) report("P0415", f.span, { name: f.name });
      const out: IR.Output = { name: f.name, type, rules: [], span: f.span };
      if (f.default) {
        owner = `uitvoer:${f.name}`;
        out.default = checkExpr(f.default, type, EMPTY_SCOPE, f.name);
        owner = null;
      }
      policy.outputs.push(out);
      outputIndex.set(f.name, out);
    }
  }

  const ruleDecls = [...symbols.rules.values()].map((r) => r.decl);
  ruleDecls.forEach((r, index) => {
    owner = `regel:${r.name}`;
    if (r.articles.length === 0) report("P0506", r.nameSpan, { name: r.name });
    const rule: IR.Rule = { name: r.name, articles: articleLabels(r.articles), clauses: [], span: r.span };
    for (const ref of r.exceptionTo ?? []) {
      const target = symbols.rules.get(ref.name);
      if (!target) report("P0307", ref.span, { name: ref.name, suggestions: suggest(ref.name, symbols.rules.keys()) });
      else if (target.decl === r) report("P0510", ref.span, { name: r.name });
      else if (!(rule.exceptionTo ?? []).includes(target.index)) {
        rule.exceptionTo = [...(rule.exceptionTo ?? []), target.index];
        if (r.clauses.some((c) => c.head === "anders")) report("P0507", r.nameSpan, { name: r.name, target: target.decl.name });
      }
    }
    let closed = false;
    const earlier: string[] = [];
    let earlierReads = new Map<string, { ref: IR.RefKind; name: string; type: IR.Type }>();
    for (const c of r.clauses) {
      if (closed) report("P0503", c.span, {});
      if (c.head !== "indien") closed = true;
      reads = new Map(earlierReads);
      const clause: IR.Clause = { head: c.head, assignments: [], reads: [], earlierConditions: [...earlier], span: c.span };
      if (c.condition) {
        clause.condition = checkCondition(c.condition, EMPTY_SCOPE);
        clause.conditionText = source.slice(c.condition.span.start, c.condition.span.end).replace(/\s+/g, " ");
        earlier.push(clause.conditionText);
        earlierReads = new Map(reads);
      }
      const seen = new Set<string>();
      for (const a of c.assignments) {
        const out = outputIndex.get(a.target);
        if (!out) {
          const sym = symbols.values.get(a.target);
          if (sym) report("P0312", a.targetSpan, { name: a.target });
          else report("P0301", a.targetSpan, { name: a.target , suggestions: suggest(a.target, outputIndex.keys()) });
          synth(a.value, EMPTY_SCOPE);
          continue;
        }
        if (seen.has(a.target)) report("P0504", a.targetSpan, { name: a.target });
        seen.add(a.target);
        // An assignment's reads are a dependency of this output only, not of
        // the rule's other outputs: `a n` and `b a > 0` in one rule is no cycle.
        owner = `toewijzing:${r.name}:${a.target}`;
        const value = checkExpr(a.value, out.type, EMPTY_SCOPE, a.target);
        owner = `regel:${r.name}`;
        if (out.type.k === "bedrag" && mayHaveSubCents(value)) {
          report("P0508", a.span, { name: a.target });
        }
        clause.assignments.push({ output: a.target, value, span: a.span });
        if (!out.rules.includes(index)) out.rules.push(index);
      }
      clause.reads = [...reads.values()];
      reads = null;
      rule.clauses.push(clause);
    }
    policy.rules.push(rule);
    owner = null;
  });

  // Outputs depend on the rules that define them.
  for (const out of policy.outputs) {
    const key = `uitvoer:${out.name}`;
    let s = deps.get(key);
    if (!s) deps.set(key, (s = new Set()));
    for (const i of out.rules) {
      // The output depends on the rule's conditions (which clause applies) and on its own assignments.
      s.add(`regel:${policy.rules[i]!.name}`);
      s.add(`toewijzing:${policy.rules[i]!.name}:${out.name}`);
    }
    if (out.rules.length === 0 && !out.default) {
      report("P0502", out.span, { name: out.name });
    }
  }

  reportExceptionCycles(policy, report);

  reportCycles();

  // Tests.
  for (const d of program.declarations) {
    if (d.kind === "Voorbeeld") policy.examples.push(checkExample(d));
    if (d.kind === "Eigenschap") {
      reads = null;
      const conclusion = checkCondition(d.condition, EMPTY_SCOPE);
      // `altijd als A dan B` (issue 19) holds when A does not hold or B holds.
      const expr: IR.Expr = d.premise
        ? { e: "or", left: { e: "not", arg: checkCondition(d.premise, EMPTY_SCOPE), type: JANEE, span: d.premise.span }, right: conclusion, type: JANEE, span: d.span }
        : conclusion;
      policy.properties.push({ name: d.name, expr, text: d.text, span: d.span });
    }
  }

  policy.parameters = orderParameters(policy.parameters);

  return { policy, diagnostics };

  // ------------------------------------------------------------- helpers

  function checkExample(d: Extract<A.Decl, { kind: "Voorbeeld" }>): IR.Example {
    const given: IR.Example["given"] = [];
    const seen = new Set<string>();
    for (const g of d.given) {
      const input = policy.inputs.find((i) => i.name === g.name);
      if (!input) {
        report("P0311", g.nameSpan, { name: g.name, what: "invoer" , suggestions: suggest(g.name, policy.inputs.map((i) => i.name)) });
        continue;
      }
      if (seen.has(g.name)) report("P0302", g.nameSpan, { name: g.name });
      seen.add(g.name);
      given.push({ name: g.name, value: checkExpr(g.value, input.type, EMPTY_SCOPE, g.name, true) });
    }
    // An optional input may be left out of a voorbeeld: the case then does not give it.
    const missing = policy.inputs.filter((i) => !seen.has(i.name) && !i.optional).map((i) => i.name);
    if (missing.length > 0) {
      report("P0601", d.span, { name: d.name, missing });
    }
    const expected: IR.Example["expected"] = [];
    for (const x of d.expected) {
      const out = outputIndex.get(x.name);
      if (!out) {
        report("P0311", x.nameSpan, { name: x.name, what: "uitvoer" , suggestions: suggest(x.name, outputIndex.keys()) });
        continue;
      }
      expected.push({ name: x.name, value: checkExpr(x.value, out.type, EMPTY_SCOPE, x.name, true), span: x.span });
    }
    for (const v of [...given.map((g) => g.value), ...expected.map((x) => x.value)]) {
      if (v.type.k !== "fout" && evalConstant(v) === undefined) report("P0601", v.span, { name: d.name, detail: "een waarde in een voorbeeld moet vast staan" });
    }
    return { name: d.name, given, expected, ...(d.expectedError !== undefined ? { expectedError: d.expectedError } : {}), span: d.span };
  }

  function reportCycles(): void {
    // Tarjan-free DFS: report each cycle once, from its first node in declaration order.
    const state = new Map<DepKey, 0 | 1 | 2>();
    const stack: DepKey[] = [];
    const reported = new Set<string>();
    const visit = (k: DepKey) => {
      state.set(k, 1);
      stack.push(k);
      for (const n of deps.get(k) ?? []) {
        const s = state.get(n) ?? 0;
        if (s === 0) visit(n);
        else if (s === 1) {
          const cycle = stack.slice(stack.indexOf(n));
          const id = [...cycle].sort().join("|");
          if (!reported.has(id)) {
            reported.add(id);
            reportCycle([...cycle, n]);
          }
        }
      }
      stack.pop();
      state.set(k, 2);
    };
    for (const k of deps.keys()) if ((state.get(k) ?? 0) === 0) visit(k);
  }

  function reportCycle(cycle: DepKey[]): void {
    // `cycle` is closed (its last key is its first). Rules and assignments are
    // not shown, so start it at a declaration: `x → y → x`, never `y → x`.
    const hidden = (k: DepKey) => k.startsWith("regel:") || k.startsWith("toewijzing:");
    const open = cycle.slice(0, -1);
    const start = Math.max(0, open.findIndex((k) => !hidden(k)));
    const rotated = [...open.slice(start), ...open.slice(0, start)];
    const closed = [...rotated, rotated[0]!];
    const shown = closed.filter((k) => !hidden(k)).map((k) => k.slice(k.indexOf(":") + 1));
    const first = closed[0]!;
    const name = first.slice(first.indexOf(":") + 1);
    const sym = first.startsWith("regel:") ? symbols.rules.get(name)?.decl.nameSpan : symbols.values.get(name)?.span;
    const span = sym ?? program.span;
    const onlyFunctions = open.every((k) => k.startsWith("functie:"));
    if (onlyFunctions) report("P0509", span, { name, cycle: shown });
    else report("P0501", span, { cycle: shown });
  }

  function orderParameters(ps: IR.Definition[]): IR.Definition[] {
    const byName = new Map(ps.map((p) => [p.name, p]));
    const out: IR.Definition[] = [];
    const done = new Set<string>();
    const visit = (p: IR.Definition, guard: Set<string>) => {
      if (done.has(p.name) || guard.has(p.name)) return;
      guard.add(p.name);
      for (const d of deps.get(`parameter:${p.name}`) ?? []) {
        if (d.startsWith("parameter:")) {
          const q = byName.get(d.slice(10));
          if (q) visit(q, guard);
        }
      }
      done.add(p.name);
      out.push(p);
    };
    for (const p of ps) visit(p, new Set());
    return out;
  }
}

/** The keyword a beperking starts with, as the author wrote it: `vanaf`, `tot en met`, `tussen`, `uit`. */
function restrictionWord(text: string): string {
  return /^tot\s+en\s+met\b/.test(text) ? "tot en met" : text.split(/\s/)[0] ?? "";
}

function opName(op: A.ArithOp): IR.NumOp {
  return op === "+" ? "add" : op === "-" ? "sub" : op === "*" ? "mul" : "div";
}

function isRat(v: unknown): v is Rat {
  return typeof v === "object" && v !== null && "d" in v;
}

/**
 * LANGUAGE.md §5: warn where a `bedrag` output's expression can produce
 * sub-cent values outside a rounding operator: it divides, or multiplies by a
 * `getal` or `percentage`.
 */
function mayHaveSubCents(x: IR.Expr): boolean {
  switch (x.e) {
    case "round":
      return false;
    case "num":
      if (x.op === "div") return true;
      if (x.op === "mul") {
        const other = x.left.type.k === "bedrag" ? x.right : x.left;
        if (other.type.k === "getal" || other.type.k === "percentage") return true;
      }
      return mayHaveSubCents(x.left) || mayHaveSubCents(x.right);
    case "neg":
      return mayHaveSubCents(x.arg);
    case "if":
      return mayHaveSubCents(x.then) || mayHaveSubCents(x.else);
    case "std":
      return x.args.some(mayHaveSubCents);
    case "agg":
      return x.body ? mayHaveSubCents(x.body) : false;
    default:
      return false;
  }
}

/**
 * Exception cycles (LANGUAGE.md §5): a rule may be an exception to several
 * rules (`uitzondering op A, B`), so the exceptions form a graph. Each cycle is
 * reported once, at the rule with the smallest index on it, as the path that
 * returns to it.
 */
function reportExceptionCycles(policy: IR.Policy, report: (code: "P0505", span: Span, params: { cycle: string[] }) => void): void {
  policy.rules.forEach((r, i) => {
    const path = findPathBack(policy, i);
    if (path && Math.min(...path.slice(0, -1)) === i) report("P0505", r.span, { cycle: path.map((k) => policy.rules[k]!.name) });
  });
}

/** The shortest exception path from rule `start` back to itself (breadth first), or undefined. */
function findPathBack(policy: IR.Policy, start: number): number[] | undefined {
  const previous = new Map<number, number>();
  const queue = [start];
  while (queue.length > 0) {
    const cur = queue.shift()!;
    for (const next of policy.rules[cur]!.exceptionTo ?? []) {
      if (next === start) {
        const path: number[] = [];
        for (let k = cur; k !== start; k = previous.get(k)!) path.unshift(k);
        return [start, ...path, start];
      }
      if (!previous.has(next)) {
        previous.set(next, cur);
        queue.push(next);
      }
    }
  }
  return undefined;
}
