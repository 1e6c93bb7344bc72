// Well-typed random policies (issue 12), as fast-check arbitraries, so that a
// failing policy shrinks. A policy is generated as source text, well typed by
// construction: every expression is drawn for a type, from the forms the
// checker accepts for that type (LANGUAGE.md §3, §6, §7), and every compound
// expression is parenthesised, so precedence never changes its meaning.
// Literals only stand where their context fixes their type (the right operand
// of an operator whose left operand is not a literal, a declaration, a
// `standaard`), and divisors that are literals are never zero (a literal zero
// divisor is a compile error). Begrippen read only earlier begrippen, and the
// rules of an output read only earlier outputs, so there are no cycles.
//
// Covered (checklist against docs/language.md; the README lists it too):
// every type (bedrag, getal, aantal, percentage, janee, datum, duur in days
// and, as an input, in any unit, periode, tekst, a soort, a record with an
// optional field, lijst van record and lijst van bedrag); + - * / prefix -,
// `x %`, unit postfixes, the six comparisons, `in {…}`, `niet in`, `x in
// lijst`, `tussen`, `en` `of` `niet`, `is bekend` on an optional input and
// an optional field; every rounding form; expression `indien`; every
// aggregation (som, aantal, er is een, voor alle, grootste, kleinste,
// eerste, laatste, `de … van elke`, lopende som; over a list input, a list
// expression and a soort); every stdlib function (kalendermaanden through
// an aggregation, the holiday functions of §7.1, uren_tussen); a functie,
// parameters, begrippen (list-valued too), list-valued outputs, rules with
// `indien`/`anders`/unconditional clauses and several assignments per
// clause, several rules per output, `uitzondering op A` and `op A, B`,
// `standaard`, beperkingen and a voorwaarde. With `core`, only what came
// before lists as values, holidays and hours (what the SQL back end
// compiles). Not generated: voorbeelden and eigenschappen (§8: tests, not
// decisions) and list or record literals (written only in a voorbeeld).

import fc from "fast-check";

import { INPUTS, KLEUREN, OUTPUT_TYPES, POST_FIELDS, POST_OPTIONAL, type GenType } from "./cases.js";

export { caseArbitrary, INPUTS, KLEUREN, OUTPUT_TYPES, POST_FIELDS, POST_OPTIONAL, type GenType } from "./cases.js";

/** Names in scope, by type. */
interface Env {
  names: Partial<Record<GenType, string[]>>;
  /** The aggregation variable in scope, if any: a Post, or a value of a type. */
  element?: string;
  elementType?: GenType;
  /** Whether aggregations may still be nested. */
  aggregate: boolean;
  /** The functie, if it exists and may be called here. */
  fn?: boolean;
  /** Only the core constructs (those before lists as values, holidays and hours: what the SQL back end compiles). */
  core?: boolean;
}

/** A construct added with lists as values, holidays and hours (issue 19): left out of core policies. */
const later19 = (env: Env, arb: fc.Arbitrary<string> | undefined): fc.Arbitrary<string> | undefined => (env.core ? undefined : arb);

const MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];

const p = (s: string) => `(${s})`;

// ── Literals ───────────────────────────────────────────────────────────────

const cents = fc.integer({ min: 0, max: 500_000 });
/** `€ 1.234,56`: thousands grouped with a dot from € 1.000 (as the conditions write it), cents always. */
const money = (c: number) => `€ ${Math.floor(c / 100).toString().replace(/\B(?=(\d{3})+$)/g, ".")},${String(c % 100).padStart(2, "0")}`;
const decimalText = (whole: number, frac: number, fracDigits: number) =>
  fracDigits === 0 ? String(whole) : `${whole},${String(frac).padStart(fracDigits, "0")}`;

function literal(t: GenType, nonZero = false): fc.Arbitrary<string> {
  switch (t) {
    case "bedrag":
      return cents.filter((c) => !nonZero || c !== 0).map(money);
    case "getal":
      return fc
        .tuple(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 99 }), fc.constantFrom(0, 2))
        .filter(([w, f, d]) => !nonZero || w !== 0 || (d > 0 && f !== 0))
        .map(([w, f, d]) => decimalText(w, f, d));
    case "aantal":
      return fc.integer({ min: nonZero ? 1 : 0, max: 60 }).map(String);
    case "percentage":
      return fc.tuple(fc.integer({ min: nonZero ? 1 : 0, max: 100 }), fc.constantFrom(0, 5)).map(([w, f]) => `${w}${f ? ",5" : ""}%`);
    case "janee":
      return fc.constantFrom("ja", "nee");
    case "datum":
      return fc
        .tuple(fc.integer({ min: 1990, max: 2030 }), fc.integer({ min: 0, max: 11 }), fc.integer({ min: 1, max: 28 }))
        .map(([y, m, d]) => `${d} ${MONTHS[m]} ${y}`);
    case "dagen":
      return fc.integer({ min: 0, max: 400 }).map((n) => `${n} dagen`);
    case "periode":
      return fc.tuple(literal("datum"), fc.constantFrom("tot", "tot en met"), literal("datum")).map(([a, how, b]) => `periode van ${a} ${how} ${b}`);
    case "tekst":
      return fc.constantFrom('"a"', '"b"', '"é"', '""');
    case "kleur":
      return fc.constantFrom(...KLEUREN);
    case "bedragen":
      throw new Error("no literal of a list outside a voorbeeld");
  }
}

// ── Expressions ────────────────────────────────────────────────────────────

/** A name of type t in scope, if any. */
function refs(t: GenType, env: Env): fc.Arbitrary<string>[] {
  const own = env.names[t] ?? [];
  const out: fc.Arbitrary<string>[] = own.length > 0 ? [fc.constantFrom(...own)] : [];
  if (env.element && env.elementType === undefined) {
    const fields = POST_FIELDS.filter((f) => f.type === t).map((f) => `${env.element}.${f.name}`);
    if (fields.length > 0) out.push(fc.constantFrom(...fields));
  }
  if (env.element && env.elementType === t) out.push(fc.constant(env.element));
  return out;
}

const ROUNDINGS = fc.tuple(
  fc.constantFrom("afgerond op", "naar beneden afgerond op", "naar boven afgerond op"),
  fc.constantFrom("centen", "hele euro", "hele euro's", "0 decimalen", "1 decimalen", "2 decimalen", "3 decimalen"),
);

/**
 * An expression of type t that is not a bare literal (so it can fix the type
 * of a literal next to it). Depth bounds the nesting.
 */
export function expr(t: GenType, depth: number, env: Env): fc.Arbitrary<string> {
  // Arbitraries are built once per (type, depth, scope): building them is recursive.
  const key = `${t}|${depth}|${JSON.stringify(env)}`;
  let arb = MEMO.get(key);
  if (arb === undefined) {
    arb = exprUncached(t, depth, env);
    MEMO.set(key, arb);
  }
  return arb;
}

const MEMO = new Map<string, fc.Arbitrary<string>>();

function exprUncached(t: GenType, depth: number, env: Env): fc.Arbitrary<string> {
  const leaves = refs(t, env);
  if (depth <= 0 || leaves.length === 0) {
    if (leaves.length > 0) return fc.oneof(...leaves);
    return fallback(t, env, depth);
  }
  return fc.oneof({ depthSize: "small", withCrossShrink: true }, ...leaves, ...composites(t, depth - 1, env));
}

/** An expression of type t that may also be a literal (where the context types it). */
function operand(t: GenType, depth: number, env: Env, nonZero = false): fc.Arbitrary<string> {
  if (t === "bedragen") return expr(t, depth, env);
  return fc.oneof(literal(t, nonZero), expr(t, depth, env));
}

/** An hour of the day for uren_tussen: a literal from 0 to 24, or the optional `uur` of the Post in scope. */
function hour(env: Env): fc.Arbitrary<string> {
  const lit = fc.tuple(fc.integer({ min: 0, max: 24 }), fc.constantFrom(0, 5)).map(([h, half]) => (half && h < 24 ? `${h},5` : String(h)));
  return env.element && env.elementType === undefined ? fc.oneof(lit, fc.constant(`${env.element}.uur`)) : lit;
}

/** A datum that is an input (werkdagen_tussen_be/nl walk day by day: no computed date in the year 9999). */
const inputDate = fc.constantFrom("start", "eind");

/**
 * The aggregations of LANGUAGE.md §6.2 that give one element's value:
 * `grootste/kleinste/eerste/laatste van E voor p in posten [waarvoor C]`
 * (P0813 on an empty selection), and over a list of bedrag.
 */
function pickAggregation(t: "bedrag" | "aantal" | "datum", depth: number, env: Env): fc.Arbitrary<string> | undefined {
  if (!env.aggregate) return undefined;
  const inner: Env = { ...env, element: "p", aggregate: false };
  const kind = fc.constantFrom("grootste", "kleinste", "eerste", "laatste");
  const overPosten = fc
    .tuple(kind, expr(t, depth, inner), fc.option(expr("janee", depth, inner), { nil: undefined }))
    .map(([k, b, c]) => p(`${k} van ${b} voor p in posten${c ? ` waarvoor ${c}` : ""}`));
  if (t !== "bedrag") return overPosten;
  const scalar: Env = { ...env, element: "x", elementType: "bedrag", aggregate: false };
  const overList = fc
    .tuple(kind, expr("bedragen", depth, { ...env, aggregate: false }), fc.option(expr("janee", depth, scalar), { nil: undefined }))
    .map(([k, l, c]) => p(`${k} van x voor x in ${l}${c ? ` waarvoor ${c}` : ""}`));
  return fc.oneof(overPosten, overList);
}

/** When no name of type t is in scope: a form that builds one from other types. */
function fallback(t: GenType, env: Env, depth: number): fc.Arbitrary<string> {
  const d = Math.max(depth, 1);
  switch (t) {
    case "getal":
      return expr("aantal", d, env).map((a) => p(`${a} / 4`));
    case "percentage":
      return expr("getal", d, env).map((g) => p(`${g} * 1%`));
    case "dagen":
      // Not through composites: `dagen + dagen` would ask for dagen again.
      return fc.oneof(
        fc.tuple(expr("datum", 0, env), expr("datum", 0, env)).map(([a, b]) => p(`${a} - ${b}`)),
        expr("aantal", 0, env).map((n) => p(`${n} dagen`)),
      );
    default:
      return fc.oneof(...composites(t, d - 1, env));
  }
}

function binary(t1: GenType, op: string, t2: GenType, depth: number, env: Env, nonZero = false): fc.Arbitrary<string> {
  return fc.tuple(expr(t1, depth, env), operand(t2, depth, env, nonZero)).map(([a, b]) => p(`${a} ${op} ${b}`));
}

function rounded(t: GenType, depth: number, env: Env): fc.Arbitrary<string> {
  return fc.tuple(expr(t, depth, env), ROUNDINGS).map(([a, [how, to]]) => p(`${a} ${how} ${to}`));
}

function ifExpr(t: GenType, depth: number, env: Env): fc.Arbitrary<string> {
  return fc.tuple(expr("janee", depth, env), expr(t, depth, env), operand(t, depth, env)).map(([c, a, b]) => p(`indien ${c} dan ${a} anders ${b}`));
}

function minMax(t: GenType, depth: number, env: Env): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom("min", "max"), expr(t, depth, env), fc.array(operand(t, depth, env), { minLength: 1, maxLength: 2 }))
    .map(([f, a, bs]) => `${f}(${[a, ...bs].join(", ")})`);
}

/** Aggregations over `posten`, with a fresh element name. */
function aggregation(kind: "som" | "aantal" | "er is een" | "voor alle", depth: number, env: Env): fc.Arbitrary<string> | undefined {
  if (!env.aggregate) return undefined;
  const inner: Env = { ...env, element: "p", aggregate: false };
  const cond = expr("janee", depth, inner);
  switch (kind) {
    case "som":
      return fc.tuple(expr("bedrag", depth, inner), fc.option(cond, { nil: undefined })).map(([b, c]) => p(`som van ${b} voor p in posten${c ? ` waarvoor ${c}` : ""}`));
    case "aantal":
      return fc.option(cond, { nil: undefined }).map((c) => p(`aantal p in posten${c ? ` waarvoor ${c}` : ""}`));
    case "er is een":
      return cond.map((c) => p(`er is een p in posten waarvoor ${c}`));
    case "voor alle":
      return cond.map((c) => p(`voor alle p in posten geldt ${c}`));
  }
}

function composites(t: GenType, depth: number, env: Env): fc.Arbitrary<string>[] {
  const out: (fc.Arbitrary<string> | undefined)[] = [ifExpr(t, depth, env)];
  switch (t) {
    case "bedrag":
      out.push(
        binary("bedrag", "+", "bedrag", depth, env),
        binary("bedrag", "-", "bedrag", depth, env),
        binary("bedrag", "*", "getal", depth, env),
        binary("bedrag", "*", "aantal", depth, env),
        binary("bedrag", "*", "percentage", depth, env),
        binary("bedrag", "/", "getal", depth, env, true),
        binary("bedrag", "/", "aantal", depth, env, true),
        expr("bedrag", depth, env).map((a) => p(`-${a}`)),
        rounded("bedrag", depth, env),
        minMax("bedrag", depth, env),
        expr("bedrag", depth, env).map((a) => `abs(${a})`),
        aggregation("som", depth, env),
        later19(env, pickAggregation("bedrag", depth, env)),
        later19(env, env.aggregate ? expr("bedragen", depth, { ...env, aggregate: false }).map((l) => p(`som van x voor x in ${l}`)) : undefined),
      );
      if (env.fn) out.push(fc.tuple(operand("bedrag", depth, env), operand("aantal", depth, env)).map(([a, n]) => `deel(${a}, ${n})`));
      break;
    case "getal":
      out.push(
        binary("getal", "+", "getal", depth, env),
        binary("getal", "-", "aantal", depth, env),
        binary("getal", "*", "getal", depth, env),
        binary("getal", "/", "getal", depth, env, true),
        binary("bedrag", "/", "bedrag", depth, env, true),
        binary("aantal", "-", "aantal", depth, env),
        binary("aantal", "/", "aantal", depth, env, true),
        binary("percentage", "*", "getal", depth, env),
        expr("getal", depth, env).map((a) => p(`-${a}`)),
        rounded("getal", depth, env),
        minMax("getal", depth, env),
        later19(env, fc.tuple(expr("datum", depth, env), hour(env), expr("datum", depth, env), hour(env)).map(([d1, u1, d2, u2]) => `uren_tussen(${d1}, ${u1}, ${d2}, ${u2})`)),
      );
      break;
    case "aantal":
      out.push(
        binary("aantal", "+", "aantal", depth, env),
        binary("aantal", "*", "aantal", depth, env),
        aggregation("aantal", depth, env),
        expr("datum", depth, env).map((d) => `jaar_van(${d})`),
        expr("datum", depth, env).map((d) => `maand_van(${d})`),
        expr("datum", depth, env).map((d) => `dag_van(${d})`),
        expr("datum", depth, env).map((d) => `dagen_in_jaar(jaar_van(${d}))`),
        binary("datum", ",", "datum", depth, env).map((ab) => `leeftijd_op${ab}`),
        binary("datum", ",", "datum", depth, env).map((ab) => `werkdagen_tussen${ab}`),
        later19(env, fc.tuple(fc.constantFrom("be", "nl"), inputDate, inputDate).map(([c, a, b]) => `werkdagen_tussen_${c}(${a}, ${b})`)),
        later19(env, pickAggregation("aantal", depth, env)),
        env.aggregate && !env.core
          ? fc.tuple(expr("bedragen", depth, { ...env, aggregate: false }), fc.option(expr("janee", depth, { ...env, element: "x", elementType: "bedrag", aggregate: false }), { nil: undefined })).map(([l, c]) => p(`aantal x in ${l}${c ? ` waarvoor ${c}` : ""}`))
          : undefined,
        env.aggregate && !env.core ? expr("periode", depth, env).map((q) => p(`aantal m in kalendermaanden(${q}) waarvoor hele_maand(m)`)) : undefined,
        env.aggregate && !env.core ? expr("periode", depth, env).map((q) => p(`som van aantal_dagen(m) voor m in kalendermaanden(${q})`)) : undefined,
        expr("periode", depth, env).map((q) => `aantal_dagen(${q})`),
        env.aggregate ? fc.tuple(expr("aantal", depth, { ...env, element: "p", aggregate: false })).map(([b]) => p(`som van ${b} voor p in posten`)) : undefined,
        minMax("aantal", depth, env),
      );
      break;
    case "percentage":
      out.push(
        binary("percentage", "+", "percentage", depth, env),
        binary("percentage", "-", "percentage", depth, env),
        expr("aantal", depth, env).map((n) => p(`${n} %`)),
        rounded("percentage", depth, env),
        minMax("percentage", depth, env),
      );
      break;
    case "janee":
      out.push(
        ...(["bedrag", "getal", "aantal", "percentage", "datum", "dagen"] as const).map((u) =>
          fc.tuple(expr(u, depth, env), fc.constantFrom("=", "<>", "<", "<=", ">", ">="), operand(u, depth, env)).map(([a, op, b]) => p(`${a} ${op} ${b}`)),
        ),
        fc.tuple(expr("kleur", depth, env), fc.constantFrom("=", "<>"), literal("kleur")).map(([a, op, b]) => p(`${a} ${op} ${b}`)),
        fc.tuple(expr("tekst", depth, env), fc.constantFrom("=", "<>"), literal("tekst")).map(([a, op, b]) => p(`${a} ${op} ${b}`)),
        fc.tuple(expr("janee", depth, env), fc.constantFrom("en", "of"), expr("janee", depth, env)).map(([a, op, b]) => p(`${a} ${op} ${b}`)),
        expr("janee", depth, env).map((a) => p(`niet ${a}`)),
        fc.tuple(expr("kleur", depth, env), fc.boolean(), fc.subarray([...KLEUREN], { minLength: 1 })).map(([a, neg, vs]) => p(`${a} ${neg ? "niet in" : "in"} {${vs.join(", ")}}`)),
        fc.tuple(expr("aantal", depth, env), fc.boolean(), fc.uniqueArray(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 4 })).map(([a, neg, vs]) => p(`${a} ${neg ? "niet in" : "in"} {${vs.join(", ")}}`)),
        fc.tuple(expr("bedrag", depth, env), literal("bedrag"), literal("bedrag")).map(([a, lo, hi]) => p(`${a} tussen ${lo} en ${hi}`)),
        fc.tuple(expr("datum", depth, env), literal("datum"), literal("datum")).map(([a, lo, hi]) => p(`${a} tussen ${lo} en ${hi}`)),
        aggregation("er is een", depth, env),
        aggregation("voor alle", depth, env),
        expr("periode", depth, env).map((q) => `hele_maand(${q})`),
        fc.tuple(expr("periode", depth, env), fc.constantFrom("=", "<>"), expr("periode", depth, env)).map(([a, op, b]) => p(`${a} ${op} ${b}`)),
        later19(env, fc.tuple(fc.constantFrom("be", "nl"), expr("datum", depth, env)).map(([c, d]) => `feestdag_${c}(${d})`)),
        later19(env, fc.constant(p("overlijden is bekend"))),
        env.element && env.elementType === undefined && !env.core ? fc.constant(p(`${env.element}.uur is bekend`)) : undefined,
        // `x in lijst` (§6.1): a soort as the list of its values, and a list of bedrag.
        later19(env, fc.tuple(expr("bedrag", depth, env), fc.boolean(), expr("bedragen", depth, { ...env, aggregate: false })).map(([a, neg, l]) => p(`${a} ${neg ? "niet in" : "in"} ${l}`))),
        env.aggregate && !env.core ? fc.tuple(fc.constantFrom("voor alle k in Kleur geldt", "er is een k in Kleur waarvoor"), expr("kleur", depth, env)).map(([q, k]) => p(`${q} k <> ${k}`)) : undefined,
        env.aggregate && !env.core
          ? fc.tuple(expr("kleur", depth, env), fc.option(expr("janee", depth, { ...env, element: "p", aggregate: false }), { nil: undefined })).map(([k, c]) => p(`${k} in (de p.tint van elke p in posten${c ? ` waarvoor ${c}` : ""})`))
          : undefined,
      );
      break;
    case "datum":
      out.push(
        fc.tuple(expr("datum", depth, env), fc.constantFrom("+", "-"), fc.oneof(literal("aantal"), expr("aantal", depth, env)), fc.constantFrom("dagen", "weken", "maanden", "jaren")).map(([d, op, n, u]) => p(`${d} ${op} ${n} ${u}`)),
        fc.tuple(expr("datum", depth, env), fc.constantFrom("+", "-"), expr("dagen", depth, env)).map(([d, op, n]) => p(`${d} ${op} ${n}`)),
        expr("datum", depth, env).map((d) => `begin_van_jaar(${d})`),
        expr("datum", depth, env).map((d) => `einde_van_jaar(${d})`),
        expr("datum", depth, env).map((d) => `eerste_dag_volgende_maand(${d})`),
        fc.tuple(expr("datum", depth, env), operand("aantal", depth, env)).map(([d, n]) => `verjaardag(${d}, ${n})`),
        expr("periode", depth, env).map((q) => `begin(${q})`),
        expr("periode", depth, env).map((q) => `einde(${q})`),
        minMax("datum", depth, env),
        later19(env, fc.tuple(fc.constantFrom("be", "nl"), expr("datum", depth, env), fc.integer({ min: 0, max: 40 })).map(([c, d, n]) => `plus_werkdagen_${c}(${d}, ${n})`)),
        later19(env, expr("datum", depth, env).map((d) => `eerste_paasdag(jaar_van(${d}))`)),
        later19(env, pickAggregation("datum", depth, env)),
        // An optional input, read where it is known (and bare, rarely: P0715 when not given).
        later19(env, fc.oneof({ arbitrary: operand("datum", depth, env).map((d) => p(`indien overlijden is bekend dan overlijden anders ${d}`)), weight: 4 }, { arbitrary: fc.constant("overlijden"), weight: 1 })),
      );
      break;
    case "periode":
      out.push(
        fc.tuple(expr("datum", depth, env), fc.constantFrom("tot", "tot en met"), operand("datum", depth, env)).map(([a, how, b]) => p(`periode van ${a} ${how} ${b}`)),
        fc.tuple(expr("periode", depth, env), operand("periode", depth, env)).map(([a, b]) => `overlap(${a}, ${b})`),
      );
      break;
    case "dagen":
      out.push(
        binary("datum", "-", "datum", depth, env),
        binary("dagen", "+", "dagen", depth, env),
        binary("dagen", "-", "dagen", depth, env),
        expr("aantal", depth, env).map((n) => p(`${n} dagen`)),
      );
      break;
    case "bedragen": {
      // An aggregation variable is never bound twice: no new list aggregation inside one.
      if (env.element || env.core) break;
      // Lists as values (§6.2): filter-and-map and running sums over the Posts and over a list of bedrag.
      const inner: Env = { ...env, element: "p", aggregate: false };
      const scalar: Env = { ...env, element: "x", elementType: "bedrag", aggregate: false };
      const filter = (e: Env) => fc.option(expr("janee", depth, e), { nil: undefined }).map((c) => (c ? ` waarvoor ${c}` : ""));
      out.push(
        fc.tuple(expr("bedrag", depth, inner), filter(inner)).map(([b, c]) => p(`de ${b} van elke p in posten${c}`)),
        fc.tuple(expr("bedrag", depth, inner), filter(inner)).map(([b, c]) => p(`lopende som van ${b} voor p in posten${c}`)),
        fc.tuple(expr("bedrag", depth, scalar), filter(scalar)).map(([b, c]) => p(`de ${b} van elke x in tarieven${c}`)),
        fc.tuple(expr("bedrag", depth, scalar), filter(scalar)).map(([b, c]) => p(`lopende som van ${b} voor x in tarieven${c}`)),
      );
      break;
    }
    case "tekst":
    case "kleur":
      break;
  }
  return out.filter((a): a is fc.Arbitrary<string> => a !== undefined);
}

// ── Policies ───────────────────────────────────────────────────────────────

export interface GeneratedPolicy {
  source: string;
  outputs: { name: string; type: GenType }[];
}

const TYPE_WORD: Record<GenType, string> = {
  bedrag: "bedrag",
  getal: "getal",
  aantal: "aantal",
  percentage: "percentage",
  janee: "janee",
  datum: "datum",
  dagen: "duur",
  periode: "periode",
  tekst: "tekst",
  kleur: "Kleur",
  bedragen: "lijst van bedrag",
};

function baseEnv(): Env {
  const names: Env["names"] = {};
  for (const i of INPUTS) if (i.type !== "posten" && i.type !== "optioneel") (names[i.type] ??= []).push(i.name);
  return { names, aggregate: true };
}

function withName(env: Env, t: GenType, name: string): Env {
  return { ...env, names: { ...env.names, [t]: [...(env.names[t] ?? []), name] } };
}

/** A clause: `indien C dan`, `anders`, or none (the rule's only clause), with one assignment per output it names. */
interface RulePlan {
  outputs: number[];
  clauses: { cond?: string; anders?: boolean; values: string[] }[];
  exceptionTo?: number[];
}

export interface PolicyOptions {
  depth?: number;
  /** Only the constructs from before lists as values, holidays and hours (what the SQL back end compiles). */
  core?: boolean;
}

/** A random well-typed policy. */
export function policyArbitrary(options: PolicyOptions = {}): fc.Arbitrary<GeneratedPolicy> {
  const depth = options.depth ?? 2;
  const core = options.core === true;
  const outputTypes = fc.array(fc.constantFrom(...OUTPUT_TYPES.filter((t) => !core || t !== "bedragen")), { minLength: 1, maxLength: 4 });
  const paramTypes = fc.array(fc.constantFrom<GenType>("bedrag", "getal", "aantal", "percentage", "datum"), { maxLength: 2 });
  const begripTypes = fc.array(fc.constantFrom<GenType>("bedrag", "getal", "aantal", "percentage", "janee", "datum", ...(core ? [] : (["bedragen"] as const))), { maxLength: 3 });
  return fc.tuple(outputTypes, paramTypes, begripTypes, fc.boolean()).chain(([outs, params, begrippen, withFn]) => {
    // Parameters: literals of their type.
    const paramArb = fc.tuple(...params.map((t) => literal(t)));
    return paramArb.chain((paramValues) => {
      let env: Env = core ? { ...baseEnv(), core } : baseEnv();
      params.forEach((t, i) => (env = withName(env, t, `par${i}`)));
      // The functie: deel(x: bedrag, n: aantal): bedrag.
      const fnEnv: Env = withName(withName({ ...env, aggregate: false }, "bedrag", "x"), "aantal", "n");
      const fnArb = withFn ? expr("bedrag", depth, fnEnv).map((b) => b as string | undefined) : fc.constant(undefined);
      return fnArb.chain((fnBody) => {
        const envFn: Env = { ...env, fn: fnBody !== undefined };
        // Begrippen, each reading the ones before it.
        const begripArbs: fc.Arbitrary<string>[] = [];
        let benv = envFn;
        begrippen.forEach((t, i) => {
          begripArbs.push(expr(t, depth, benv));
          benv = withName(benv, t, `beg${i}`);
        });
        return fc.tuple(fc.tuple(...begripArbs), rulesArbitrary(outs, benv, depth)).map(([begripValues, rules]) =>
          render(outs, params, paramValues, begrippen, begripValues, fnBody, rules),
        );
      });
    });
  });
}

/**
 * Rules for the outputs: each output gets 1–3 rules (or a standaard and maybe
 * none); a later rule may be an exception to the first (`uitzondering op A`)
 * or to the first two (`uitzondering op A, B`, §5.1); the first rule of an
 * output sometimes also sets the next output in the same clauses (several
 * assignments per clause).
 */
function rulesArbitrary(outs: GenType[], env: Env, depth: number): fc.Arbitrary<{ rules: RulePlan[]; defaults: (string | undefined)[] }> {
  // Rules of output k read outputs before k.
  const envs = outs.map((_, k) => {
    let e = env;
    for (let j = 0; j < k; j++) e = withName(e, outs[j]!, `uit${j}`);
    return e;
  });
  const valueOf = (t: GenType, e: Env): fc.Arbitrary<string> => {
    // An aantal output may be assigned a getal: checked whole and ≥ 0 when stored (§3).
    // (`g * 1`: a literal inside g, such as a branch of an `indien`, must take
    // its type from g, not from the aantal declaration.)
    const getal = expr("getal", depth, e).map((g) => p(`${g} * 1`));
    return t === "aantal" ? fc.oneof({ arbitrary: operand(t, depth, e), weight: 3 }, { arbitrary: getal, weight: 1 }) : operand(t, depth, e);
  };
  // joint[k]: the first rule of output k also sets output k + 1; output k + 1
  // then has only conditional rules, exceptions to that joint rule.
  const jointFlags = fc.tuple(...outs.map((_, k) => (k + 1 < outs.length ? fc.boolean() : fc.constant(false))));
  return jointFlags.chain((drawn) => {
    // An output set by a joint rule does not set the next one itself.
    const joint: boolean[] = [];
    drawn.forEach((j, k) => joint.push(j && !(k > 0 && joint[k - 1]!)));
    const perOutput = outs.map((t, k) => {
      const e = envs[k]!;
      const targets = joint[k] ? [k, k + 1] : [k];
      const values = fc.tuple(...targets.map((j) => valueOf(outs[j]!, e)));
      const cond = expr("janee", depth, e);
      const clauses = fc.oneof(
        values.map((v) => [{ values: v }]),
        fc.tuple(cond, values, fc.option(values, { nil: undefined })).map(([c, v, w]) => (w === undefined ? [{ cond: c, values: v }] : [{ cond: c, values: v }, { anders: true, values: w }])),
        fc.tuple(cond, values, cond, values, values).map(([c1, v1, c2, v2, w]) => [{ cond: c1, values: v1 }, { cond: c2, values: v2 }, { anders: true, values: w }]),
      );
      const rule = clauses.map((cs): RulePlan => ({ outputs: targets, clauses: cs }));
      // Later rules apply only sometimes (one `indien` clause): rules that
      // always apply mostly conflict, and a conflict hides everything else.
      const later = fc.tuple(cond, valueOf(t, e)).map(([c, v]): RulePlan => ({ outputs: [k], clauses: [{ cond: c, values: [v] }] }));
      const setByJoint = k > 0 && joint[k - 1]!;
      return fc.record({
        rules: setByJoint ? fc.array(later, { maxLength: 2 }) : fc.tuple(rule, fc.array(later, { maxLength: 2 })).map(([a, more]) => [a, ...more]),
        // 0: no exception; 1: each later rule an exception to the first; 2: the last one an exception to all before it (§5.1).
        exception: fc.constantFrom(0, 1, 1, 2, 2),
        setByJoint: fc.constant(setByJoint),
        dflt: t === "bedragen" ? fc.constant(undefined) : fc.option(literal(t), { nil: undefined, freq: 3 }),
      });
    });
    return fc.tuple(...perOutput).map((plans) => {
      const rules: RulePlan[] = [];
      const defaults: (string | undefined)[] = [];
      let previousFirst = -1;
      plans.forEach((plan) => {
        const first = rules.length;
        const n = plan.rules.length;
        plan.rules.forEach((r, i) => {
          let exceptionTo: number[] | undefined;
          if (plan.setByJoint) exceptionTo = plan.exception === 2 && i > 0 ? [previousFirst, first] : [previousFirst];
          else if (i > 0 && plan.exception === 1) exceptionTo = [first];
          else if (i > 0 && i === n - 1 && plan.exception === 2) exceptionTo = Array.from({ length: i }, (_, j) => first + j);
          rules.push(exceptionTo ? { ...r, exceptionTo } : r);
        });
        if (!plan.setByJoint) previousFirst = first;
        defaults.push(plan.dflt);
      });
      return { rules, defaults };
    });
  });
}

function render(
  outs: GenType[],
  params: GenType[],
  paramValues: string[],
  begrippen: GenType[],
  begripValues: string[],
  fnBody: string | undefined,
  plan: { rules: RulePlan[]; defaults: (string | undefined)[] },
): GeneratedPolicy {
  const lines: string[] = [`polis willekeurig "Willekeurige polis"`, "", `soort Kleur: ${KLEUREN.join(", ")}`, "", "gegevens Post:"];
  for (const f of POST_FIELDS) lines.push(`  ${f.name}: ${TYPE_WORD[f.type]}`);
  lines.push(`  ${POST_OPTIONAL.name}: ${POST_OPTIONAL.decl}`);
  lines.push("", "invoer");
  for (const i of INPUTS) lines.push(`  ${i.name}: ${i.decl}`);
  lines.push("", "voorwaarde eind >= start", "");
  params.forEach((t, i) => lines.push(`parameter par${i}: ${TYPE_WORD[t]} = ${paramValues[i]} (artikel ${i + 1})`));
  if (fnBody !== undefined) lines.push(`functie deel(x: bedrag, n: aantal): bedrag = ${fnBody} (artikel 9)`);
  begrippen.forEach((t, i) => lines.push(`begrip beg${i}: ${TYPE_WORD[t]} = ${begripValues[i]}`));
  lines.push("", "uitvoer");
  outs.forEach((t, k) => lines.push(`  uit${k}: ${TYPE_WORD[t]}${plan.defaults[k] !== undefined ? ` standaard ${plan.defaults[k]}` : ""}`));
  plan.rules.forEach((r, i) => {
    const exc = r.exceptionTo !== undefined ? ` uitzondering op ${r.exceptionTo.map((j) => `r${j}`).join(", ")}` : "";
    lines.push("", `regel r${i} (artikel ${i + 10})${exc}:`);
    for (const c of r.clauses) {
      // Further assignments of a clause go on lines of their own (§5).
      const [head, ...rest] = r.outputs.map((k, j) => `uit${k} ${c.values[j]}`);
      lines.push(c.anders ? `  anders ${head}` : c.cond !== undefined ? `  indien ${c.cond} dan ${head}` : `  ${head}`);
      for (const a of rest) lines.push(`    ${a}`);
    }
  });
  return { source: lines.join("\n") + "\n", outputs: outs.map((type, k) => ({ name: `uit${k}`, type })) };
}
