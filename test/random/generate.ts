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
// Covered: the types bedrag, getal, aantal, percentage, janee, datum, duur
// (days and months), tekst, a soort and a list of records; + - * / and prefix
// -, the six comparisons, `in`, `tussen`, `en` `of` `niet`, all rounding forms,
// expression `indien`, the four aggregations, date ± duration, date − date,
// min/max/abs and date functions of the stdlib, a functie, parameters,
// begrippen, rules with `indien`/`anders`/unconditional clauses, several
// rules per output, exceptions (`uitzondering op`), `standaard`, a beperking
// and a voorwaarde.

import fc from "fast-check";

export type GenType = "bedrag" | "getal" | "aantal" | "percentage" | "janee" | "datum" | "dagen" | "tekst" | "kleur";

export const OUTPUT_TYPES: readonly GenType[] = ["bedrag", "getal", "aantal", "percentage", "janee", "datum", "tekst", "kleur", "dagen"];

/** The inputs every random policy has (names by type). */
export const INPUTS: readonly { name: string; type: GenType | "posten"; decl: string }[] = [
  { name: "kosten", type: "bedrag", decl: "bedrag vanaf € 0" },
  { name: "tegoed", type: "bedrag", decl: "bedrag" },
  { name: "factor", type: "getal", decl: "getal" },
  { name: "sessies", type: "aantal", decl: "aantal tot en met 400" },
  { name: "leeftijd", type: "aantal", decl: "aantal" },
  { name: "korting", type: "percentage", decl: "percentage tussen 0 en 100" },
  { name: "spoed", type: "janee", decl: "janee" },
  { name: "start", type: "datum", decl: "datum" },
  { name: "eind", type: "datum", decl: "datum" },
  { name: "naam", type: "tekst", decl: "tekst" },
  { name: "kleur", type: "kleur", decl: "Kleur" },
  { name: "posten", type: "posten", decl: "lijst van Post" },
];

export const KLEUREN = ["rood", "groen", "blauw"] as const;

/** The fields of a `Post`, the records of the list input. */
export const POST_FIELDS: readonly { name: string; type: GenType }[] = [
  { name: "bedrag", type: "bedrag" },
  { name: "stuks", type: "aantal" },
  { name: "tint", type: "kleur" },
  { name: "dringend", type: "janee" },
  { name: "datum", type: "datum" },
];

/** Names in scope, by type. */
interface Env {
  names: Partial<Record<GenType, string[]>>;
  /** The aggregation variable in scope, if any. */
  element?: string;
  /** Whether aggregations may still be nested. */
  aggregate: boolean;
  /** The functie, if it exists and may be called here. */
  fn?: boolean;
}

const MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];

const p = (s: string) => `(${s})`;

// ── Literals ───────────────────────────────────────────────────────────────

const cents = fc.integer({ min: 0, max: 500_000 });
const money = (c: number) => `€ ${Math.floor(c / 100)},${String(c % 100).padStart(2, "0")}`;
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
    case "tekst":
      return fc.constantFrom('"a"', '"b"', '"é"', '""');
    case "kleur":
      return fc.constantFrom(...KLEUREN);
  }
}

// ── Expressions ────────────────────────────────────────────────────────────

/** A name of type t in scope, if any. */
function refs(t: GenType, env: Env): fc.Arbitrary<string>[] {
  const own = env.names[t] ?? [];
  const out: fc.Arbitrary<string>[] = own.length > 0 ? [fc.constantFrom(...own)] : [];
  if (env.element) {
    const fields = POST_FIELDS.filter((f) => f.type === t).map((f) => `${env.element}.${f.name}`);
    if (fields.length > 0) out.push(fc.constantFrom(...fields));
  }
  return out;
}

const ROUNDINGS = fc.tuple(
  fc.constantFrom("afgerond op", "naar beneden afgerond op", "naar boven afgerond op"),
  fc.constantFrom("centen", "hele euro", "0 decimalen", "1 decimalen", "3 decimalen"),
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
  return fc.oneof(literal(t, nonZero), expr(t, depth, env));
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
  return fc.tuple(fc.constantFrom("min", "max"), expr(t, depth, env), operand(t, depth, env)).map(([f, a, b]) => `${f}(${a}, ${b})`);
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
      );
      break;
    case "aantal":
      out.push(
        binary("aantal", "+", "aantal", depth, env),
        binary("aantal", "*", "aantal", depth, env),
        aggregation("aantal", depth, env),
        expr("datum", depth, env).map((d) => `jaar_van(${d})`),
        expr("datum", depth, env).map((d) => `maand_van(${d})`),
        minMax("aantal", depth, env),
      );
      break;
    case "percentage":
      out.push(
        binary("percentage", "+", "percentage", depth, env),
        binary("percentage", "-", "percentage", depth, env),
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
      );
      break;
    case "datum":
      out.push(
        fc.tuple(expr("datum", depth, env), fc.constantFrom("+", "-"), fc.oneof(literal("aantal"), expr("aantal", depth, env)), fc.constantFrom("dagen", "weken", "maanden", "jaren")).map(([d, op, n, u]) => p(`${d} ${op} ${n} ${u}`)),
        fc.tuple(expr("datum", depth, env), fc.constantFrom("+", "-"), expr("dagen", depth, env)).map(([d, op, n]) => p(`${d} ${op} ${n}`)),
        expr("datum", depth, env).map((d) => `begin_van_jaar(${d})`),
        expr("datum", depth, env).map((d) => `einde_van_jaar(${d})`),
        expr("datum", depth, env).map((d) => `eerste_dag_volgende_maand(${d})`),
        minMax("datum", depth, env),
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
  tekst: "tekst",
  kleur: "Kleur",
};

function baseEnv(): Env {
  const names: Env["names"] = {};
  for (const i of INPUTS) if (i.type !== "posten") (names[i.type] ??= []).push(i.name);
  return { names, aggregate: true };
}

function withName(env: Env, t: GenType, name: string): Env {
  return { ...env, names: { ...env.names, [t]: [...(env.names[t] ?? []), name] } };
}

/** A clause: `indien C dan`, `anders`, or none (the rule's only clause), with one assignment per output it names. */
interface RulePlan {
  outputs: number[];
  clauses: { cond?: string; anders?: boolean; values: string[] }[];
  exceptionTo?: number;
}

export interface PolicyOptions {
  depth?: number;
}

/** A random well-typed policy. */
export function policyArbitrary(options: PolicyOptions = {}): fc.Arbitrary<GeneratedPolicy> {
  const depth = options.depth ?? 2;
  const outputTypes = fc.array(fc.constantFrom(...OUTPUT_TYPES), { minLength: 1, maxLength: 4 });
  const paramTypes = fc.array(fc.constantFrom<GenType>("bedrag", "getal", "aantal", "percentage", "datum"), { maxLength: 2 });
  const begripTypes = fc.array(fc.constantFrom<GenType>("bedrag", "getal", "aantal", "percentage", "janee", "datum"), { maxLength: 3 });
  return fc.tuple(outputTypes, paramTypes, begripTypes, fc.boolean()).chain(([outs, params, begrippen, withFn]) => {
    // Parameters: literals of their type.
    const paramArb = fc.tuple(...params.map((t) => literal(t)));
    return paramArb.chain((paramValues) => {
      let env = baseEnv();
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

/** Rules for the outputs: each output gets 1–2 rules (or a standaard and maybe none), some exceptions. */
function rulesArbitrary(outs: GenType[], env: Env, depth: number): fc.Arbitrary<{ rules: RulePlan[]; defaults: (string | undefined)[] }> {
  const perOutput = outs.map((t, k) => {
    // Rules of output k read outputs before k.
    let e = env;
    for (let j = 0; j < k; j++) e = withName(e, outs[j]!, `uit${j}`);
    const value = operand(t, depth, e);
    const cond = expr("janee", depth, e);
    const clauses = fc.oneof(
      value.map((v) => [{ values: [v] }]),
      fc.tuple(cond, value, fc.option(value, { nil: undefined })).map(([c, v, w]) => (w === undefined ? [{ cond: c, values: [v] }] : [{ cond: c, values: [v] }, { anders: true, values: [w] }])),
      fc.tuple(cond, value, cond, value, value).map(([c1, v1, c2, v2, w]) => [{ cond: c1, values: [v1] }, { cond: c2, values: [v2] }, { anders: true, values: [w] }]),
    );
    const rule = clauses.map((cs): RulePlan => ({ outputs: [k], clauses: cs }));
    // A second rule applies only sometimes (one `indien` clause): two rules
    // that always apply mostly conflict, and a conflict hides everything else.
    const second = fc.tuple(cond, value).map(([c, v]): RulePlan => ({ outputs: [k], clauses: [{ cond: c, values: [v] }] }));
    return fc.record({
      rules: fc.tuple(rule, fc.option(second, { nil: undefined, freq: 2 })).map(([a, b]) => (b ? [a, b] : [a])),
      exception: fc.boolean(),
      dflt: fc.option(literal(t), { nil: undefined, freq: 3 }),
    });
  });
  return fc.tuple(...perOutput).map((plans) => {
    const rules: RulePlan[] = [];
    const defaults: (string | undefined)[] = [];
    plans.forEach((plan) => {
      const first = rules.length;
      plan.rules.forEach((r, i) => rules.push(i > 0 && plan.exception ? { ...r, exceptionTo: first } : r));
      defaults.push(plan.dflt);
    });
    return { rules, defaults };
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
  lines.push("", "invoer");
  for (const i of INPUTS) lines.push(`  ${i.name}: ${i.decl}`);
  lines.push("", "voorwaarde eind >= start", "");
  params.forEach((t, i) => lines.push(`parameter par${i}: ${TYPE_WORD[t]} = ${paramValues[i]} (artikel ${i + 1})`));
  if (fnBody !== undefined) lines.push(`functie deel(x: bedrag, n: aantal): bedrag = ${fnBody} (artikel 9)`);
  begrippen.forEach((t, i) => lines.push(`begrip beg${i}: ${TYPE_WORD[t]} = ${begripValues[i]}`));
  lines.push("", "uitvoer");
  outs.forEach((t, k) => lines.push(`  uit${k}: ${TYPE_WORD[t]}${plan.defaults[k] !== undefined ? ` standaard ${plan.defaults[k]}` : ""}`));
  plan.rules.forEach((r, i) => {
    const exc = r.exceptionTo !== undefined ? ` uitzondering op r${r.exceptionTo}` : "";
    lines.push("", `regel r${i} (artikel ${i + 10})${exc}:`);
    for (const c of r.clauses) {
      const assigns = r.outputs.map((k, j) => `uit${k} ${c.values[j]}`).join(", ");
      lines.push(c.anders ? `  anders ${assigns}` : c.cond !== undefined ? `  indien ${c.cond} dan ${assigns}` : `  ${assigns}`);
    }
  });
  return { source: lines.join("\n") + "\n", outputs: outs.map((type, k) => ({ name: `uit${k}`, type })) };
}

// ── Cases ──────────────────────────────────────────────────────────────────

const isoDate = fc
  .tuple(fc.integer({ min: 1995, max: 2025 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
  .map(([y, m, d]) => `${y}-${String(m).padStart(2, "0")}-${String(Math.min(d, new Date(Date.UTC(y, m, 0)).getUTCDate())).padStart(2, "0")}`);

const centsText = (min: number) => fc.integer({ min, max: 1_000_000 }).map((c) => `${c < 0 ? "-" : ""}${Math.floor(Math.abs(c) / 100)}.${String(Math.abs(c) % 100).padStart(2, "0")}`);

/** A case file for the inputs (always valid: beperkingen and the voorwaarde hold). */
export const caseArbitrary: fc.Arbitrary<Record<string, unknown>> = fc
  .record({
    kosten: centsText(0),
    tegoed: centsText(-100_000),
    factor: fc.oneof(fc.integer({ min: -50, max: 50 }).map(String), fc.tuple(fc.integer({ min: -99, max: 99 }), fc.integer({ min: 0, max: 9999 })).map(([w, f]) => `${w}.${String(f).padStart(4, "0")}`)),
    sessies: fc.oneof(fc.constantFrom(0, 1, 400), fc.integer({ min: 0, max: 400 })),
    leeftijd: fc.oneof(fc.integer({ min: 0, max: 100 }), fc.constant("123456789012345678")),
    korting: fc.oneof(fc.integer({ min: 0, max: 100 }), fc.constantFrom("12.5", "33.3333", "0.01")),
    spoed: fc.boolean(),
    dates: fc.tuple(isoDate, isoDate).map(([a, b]) => (a <= b ? [a, b] : [b, a])),
    naam: fc.constantFrom("a", "b", "é", ""),
    kleur: fc.constantFrom(...KLEUREN),
    posten: fc.array(
      fc.record({ bedrag: centsText(-5_000), stuks: fc.integer({ min: 0, max: 20 }), tint: fc.constantFrom(...KLEUREN), dringend: fc.boolean(), datum: isoDate }),
      { maxLength: 4 },
    ),
  })
  .map(({ dates, ...rest }) => {
    const c: Record<string, unknown> = {};
    for (const i of INPUTS) {
      if (i.name === "start") c.start = dates[0];
      else if (i.name === "eind") c.eind = dates[1];
      else c[i.name] = (rest as Record<string, unknown>)[i.name];
    }
    return c;
  });
