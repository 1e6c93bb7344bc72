// The fast paths of the runtime against plain reference implementations:
// table-driven calendar arithmetic, charCode parsing of dates and decimals,
// formatting of cents, leeftijd_op, and the compiled case decoders/encoders
// (keys in field order, after a few uses of a fields array) against the
// general path (any other key order).

import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { PolisError } from "../../runtime/diagnostic.js";
import { decodeCase, encodeOutputs } from "../../runtime/case.js";
import type { FieldDesc, TypeDesc } from "../../runtime/types.js";
import { formatFixed, parseDecimal, ratFrac, ratInt, type Rat } from "../../runtime/rational.js";
import {
  addDuration,
  dayFromYmd,
  isLeapYear,
  parseIsoDate,
  yearOfDay,
  ymdNumberOf,
  ymdOf,
} from "../../runtime/calendar.js";
import { ageOn } from "../../stdlib/index.js";

// ── References ───────────────────────────────────────────────────────────────

/** H. Hinnant's civil_from_days, in plain floating-point-free integer steps. */
function refYmd(day: number): { y: number; m: number; d: number } {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

function refParseIsoDate(s: string): number | null {
  const m = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(s);
  return m === null ? null : dayFromYmd(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** n / d as exact decimal text parts, by BigInt. */
function refParseDecimal(text: string): { n: bigint; d: bigint } | null {
  const m = /^(-?)([0-9]+)(?:\.([0-9]+))?$/.exec(text);
  if (m === null) return null;
  const frac = m[3] ?? "";
  let n = BigInt(m[2]! + frac) * (m[1] === "-" ? -1n : 1n);
  let d = 10n ** BigInt(frac.length);
  const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));
  const g = gcd(n, d);
  if (g > 1n) {
    n /= g;
    d /= g;
  }
  return { n: n === 0n ? 0n : n, d: n === 0n ? 1n : d };
}

function parts(x: Rat): { n: bigint; d: bigint } {
  return x.bn === null ? { n: BigInt(x.n), d: BigInt(x.d) } : { n: x.bn, d: x.bd! };
}

/** Half away from zero to `k` places, by BigInt. */
function refFormatFixed(x: Rat, k: number): string {
  const { n, d } = parts(x);
  const s = 10n ** BigInt(k);
  const num = n * s;
  const neg = num < 0n;
  const a = neg ? -num : num;
  let q = a / d;
  if (2n * (a % d) >= d) q += 1n;
  const digits = q.toString().padStart(k + 1, "0");
  const body = k === 0 ? digits : `${digits.slice(0, digits.length - k)}.${digits.slice(digits.length - k)}`;
  return neg && q !== 0n ? `-${body}` : body;
}

/** leeftijd_op by its definition: the largest n with verjaardag(g, n) <= d. */
function refAgeOn(g: number, d: number): number {
  let years = ymdOf(d).y - ymdOf(g).y;
  if (addDuration(g, { unit: "maanden", n: 12 * years }, 1) > d) years -= 1;
  return years;
}

// ── Calendar ─────────────────────────────────────────────────────────────────

const DAY_0001 = -719162; // 0001-01-01
const DAY_10000 = 2932897; // 10000-01-01

describe("calendar tables", () => {
  it("agree with civil_from_days on every day of the years 1..9999 and around them", () => {
    for (let day = DAY_0001 - 1000; day < DAY_10000 + 1000; day++) {
      const r = refYmd(day);
      const o = ymdOf(day);
      if (o.y !== r.y || o.m !== r.m || o.d !== r.d) expect([day, o]).toEqual([day, r]);
      if (yearOfDay(day) !== r.y) expect([day, yearOfDay(day)]).toEqual([day, r.y]);
      if (ymdNumberOf(day) !== r.y * 10000 + r.m * 100 + r.d) expect([day, ymdNumberOf(day)]).toEqual([day, r]);
    }
  });

  it("agree with civil_from_days far outside the tables", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (day) => {
        const r = refYmd(day);
        expect(ymdOf(day)).toEqual(r);
        expect(yearOfDay(day)).toBe(r.y);
      }),
      { numRuns: 2000, seed: 20120101 },
    );
  });

  it("isLeapYear agrees with the Gregorian rule, also beyond 32-bit years", () => {
    const rule = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
    for (let y = -2000; y <= 12000; y++) expect(isLeapYear(y)).toBe(rule(y));
    for (const y of [2 ** 31, 2 ** 31 + 400, -(2 ** 31) - 4, 2 ** 40, 2 ** 52, -(2 ** 52)]) expect(isLeapYear(y)).toBe(rule(y));
  });
});

describe("parseIsoDate", () => {
  const isoOf = (day: number): string => {
    const { y, m, d } = refYmd(day);
    return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  };
  const mutated = fc
    .tuple(fc.integer({ min: DAY_0001, max: DAY_10000 - 1 }), fc.nat(9), fc.integer({ min: 0, max: 127 }))
    .map(([day, at, code]) => {
      const s = isoOf(day);
      return s.slice(0, at) + String.fromCharCode(code) + s.slice(at + 1);
    });
  const text = fc.oneof(
    fc.integer({ min: DAY_0001, max: DAY_10000 - 1 }).map(isoOf),
    mutated,
    fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 })).map(
      ([y, m, d]) => `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`,
    ),
    fc.string({ maxLength: 12 }),
  );

  it("takes exactly what `^[0-9]{4}-[0-9]{2}-[0-9]{2}$` and a real date take", () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(parseIsoDate(s)).toBe(refParseIsoDate(s));
      }),
      { numRuns: 20000, seed: 20120101 },
    );
    for (const s of ["0000-01-01", "0001-01-01", "9999-12-31", "2011-02-29", "2012-02-29", "2100-02-29", "2000-02-29", "２０１２-01-01"]) {
      expect(parseIsoDate(s)).toBe(refParseIsoDate(s));
    }
  });
});

describe("leeftijd_op", () => {
  it("is the largest n with verjaardag(g, n) <= d, also for 29 februari and the first and last years", () => {
    // Polis dates lie in the years 1–9999 (a computed date outside them is P0810).
    const day = fc.oneof(
      fc.integer({ min: -30000, max: 40000 }),
      fc.integer({ min: DAY_0001, max: DAY_0001 + 5000 }),
      fc.integer({ min: DAY_10000 - 5000, max: DAY_10000 - 1 }),
      fc.integer({ min: DAY_0001, max: DAY_10000 - 1 }),
    );
    fc.assert(
      fc.property(day, day, (a, b) => {
        const [g, d] = a <= b ? [a, b] : [b, a];
        expect(ageOn(g, d)).toEqual(ratInt(refAgeOn(g, d)));
      }),
      { numRuns: 5000, seed: 20120101 },
    );
    const leapBirth = dayFromYmd(2012, 2, 29)!;
    for (let d = leapBirth; d < leapBirth + 3000; d++) expect(ageOn(leapBirth, d)).toEqual(ratInt(refAgeOn(leapBirth, d)));
  });
});

// ── Numbers ──────────────────────────────────────────────────────────────────

describe("parseDecimal", () => {
  const digits = (max: number): fc.Arbitrary<string> =>
    fc.array(fc.constantFrom(..."0123456789"), { minLength: 1, maxLength: max }).map((a) => a.join(""));
  const decimal = fc
    .tuple(fc.boolean(), digits(17), fc.option(digits(8), { nil: undefined }))
    .map(([neg, int, frac]) => `${neg ? "-" : ""}${int}${frac === undefined ? "" : `.${frac}`}`);
  const text = fc.oneof(decimal, fc.string({ maxLength: 10 }), decimal.map((s) => `${s}0`), decimal.map((s) => ` ${s}`));

  it("reads exactly the decimal text, normalized, in the small form whenever it fits", () => {
    fc.assert(
      fc.property(text, (s) => {
        const got = parseDecimal(s);
        const want = refParseDecimal(s);
        if (want === null) {
          expect(got).toBeNull();
          return;
        }
        expect(got).not.toBeNull();
        expect(parts(got!)).toEqual(want);
        const fits = (v: bigint): boolean => v <= 2n ** 53n - 1n && v >= -(2n ** 53n - 1n);
        expect(got!.bn === null).toBe(fits(want.n) && fits(want.d));
        if (got!.bn === null) expect(Object.is(got!.n, -0)).toBe(false);
      }),
      { numRuns: 20000, seed: 20120101 },
    );
  });
});

describe("formatFixed", () => {
  const rat = fc.oneof(
    fc.tuple(fc.integer({ min: -1e9, max: 1e9 }), fc.constantFrom(1, 2, 4, 5, 10, 20, 25, 50, 100, 3, 7, 366, 1000)),
    fc.tuple(fc.integer({ min: -1e15, max: 1e15 }), fc.integer({ min: 1, max: 1e6 })),
  );
  it("rounds half away from zero to exactly k places, never `-0.00`", () => {
    fc.assert(
      fc.property(rat, fc.integer({ min: 0, max: 4 }), ([n, d], k) => {
        const x = ratFrac(n, d);
        expect(formatFixed(x, k)).toBe(refFormatFixed(x, k));
      }),
      { numRuns: 20000, seed: 20120101 },
    );
    expect(formatFixed(ratFrac(-1, 1000), 2)).toBe("0.00");
    expect(formatFixed(ratFrac(-5, 1000), 2)).toBe("-0.01");
    expect(formatFixed(ratFrac(2n ** 80n + 1n, 3n), 2)).toBe(refFormatFixed(ratFrac(2n ** 80n + 1n, 3n), 2));
  });
});

// ── Compiled decoders and encoders ───────────────────────────────────────────

const Soort: TypeDesc = { k: "soort", name: "Soort", values: ["a", "bb", "ccc"] };
const BigSoort: TypeDesc = { k: "soort", name: "Groot", values: Array.from({ length: 20 }, (_, i) => `w${i}`) };
const Regel: TypeDesc = {
  k: "record",
  name: "Regel",
  fields: [
    { name: "op", type: { k: "datum" }, restriction: { min: 15340, text: "vanaf 1 januari 2012" } },
    { name: "bedrag", type: { k: "bedrag" } },
  ],
};

const FIELDS: readonly FieldDesc[] = [
  { name: "geboren", type: { k: "datum" }, restriction: { min: -25567, max: 20000, text: "tussen … en …" } },
  { name: "start", type: { k: "datum" } },
  { name: "eigen", type: { k: "bedrag" }, restriction: { oneOf: [0, 100, 200].map((n) => ratInt(n)), text: "uit {0, 100, 200}" } },
  { name: "kosten", type: { k: "bedrag" }, restriction: { min: ratInt(0), max: ratInt(10000), text: "tussen 0 en 10000" } },
  { name: "factor", type: { k: "getal" }, restriction: { oneOf: [ratFrac(1, 2), ratInt(2)], text: "uit {0,5, 2}" } },
  { name: "keren", type: { k: "aantal" } },
  { name: "deel", type: { k: "percentage" } },
  { name: "soort", type: Soort },
  { name: "groot", type: BigSoort },
  { name: "naam", type: { k: "tekst" } },
  { name: "ja", type: { k: "janee" } },
  { name: "regel", type: Regel },
  { name: "misschien", type: { k: "datum" }, optional: true },
];

const anyValue = fc.oneof(
  fc.constantFrom(
    "2012-01-31",
    "2012-02-30",
    "1899-12-31",
    "2024-02-29",
    "0",
    "100",
    "150",
    "12.50",
    "12.505",
    "-1",
    "10000.01",
    "0.5",
    "0.50",
    "2",
    "3",
    "1e2",
    "a",
    "ccc",
    "w19",
    "w20",
    "",
    " 1",
  ),
  fc.constantFrom(null, true, false, 0, 12.5, -1, 2, 100),
  fc.constant(undefined),
  fc.record({ op: fc.constantFrom("2012-05-01", "2011-05-01", "x"), bedrag: fc.constantFrom("1.00", "1.001", 3) }),
  fc.string({ maxLength: 6 }),
);

function outcome(f: () => unknown): unknown {
  try {
    return { value: f() };
  } catch (e) {
    if (e instanceof PolisError) return { code: e.diagnostic.code, message: e.diagnostic.message, hint: e.diagnostic.hint };
    return { thrown: String(e) };
  }
}

describe("compiled case decoding", () => {
  it("decodes (and rejects) in field order exactly as the general path does", () => {
    fc.assert(
      fc.property(fc.array(anyValue, { minLength: FIELDS.length, maxLength: FIELDS.length }), (values) => {
        const inOrder: Record<string, unknown> = {};
        FIELDS.forEach((f, i) => {
          if (values[i] !== undefined || f.name !== "misschien") inOrder[f.name] = values[i];
        });
        // The same fields in reverse order take the general path.
        const reversed: Record<string, unknown> = {};
        for (const k of Object.keys(inOrder).reverse()) reversed[k] = inOrder[k];
        const a = outcome(() => decodeCase(inOrder, FIELDS));
        const b = outcome(() => decodeCase(reversed, FIELDS));
        expect(a).toEqual(b);
        if ("value" in (a as object)) {
          expect(Object.keys((a as { value: object }).value)).toEqual(FIELDS.map((f) => f.name));
          expect(Object.getPrototypeOf((a as { value: object }).value)).toBe(Object.prototype);
        }
      }),
      { numRuns: 3000, seed: 20120101 },
    );
  });

  it("decodes a valid case through the compiled decoder", () => {
    const good = {
      geboren: "1980-02-29",
      start: "2012-01-01",
      eigen: "100",
      kosten: "12.50",
      factor: "0.5",
      keren: "3",
      deel: "25",
      soort: "bb",
      groot: "w7",
      naam: "x",
      ja: true,
      regel: { op: "2012-05-01", bedrag: "1.00" },
    };
    // Decoders are compiled after a few uses of the same fields array.
    for (let i = 0; i < 10; i++) expect(decodeCase(good, FIELDS)).toEqual(decodeCase({ ...good }, FIELDS));
    const v = decodeCase(good, FIELDS);
    expect(Object.keys(v)).toEqual(FIELDS.map((f) => f.name));
    expect(v.eigen).toEqual(ratInt(100));
    expect(v.kosten).toEqual(ratFrac(25, 2));
    expect(v.factor).toEqual(ratFrac(1, 2));
    expect(v.deel).toEqual(ratFrac(1, 4));
    expect(v.misschien).toBeUndefined();
    expect(v.regel).toEqual({ op: parseIsoDate("2012-05-01"), bedrag: ratInt(1) });
  });

  it("keeps reporting unknown fields first", () => {
    const e = outcome(() => decodeCase({ geboren: "x", onbekend: 1 }, FIELDS)) as { code: string };
    expect(e.code).toBe("P0703");
  });
});

describe("compiled output encoding", () => {
  const OUT: readonly FieldDesc[] = [
    { name: "bedrag", type: { k: "bedrag" } },
    { name: "getal", type: { k: "getal" } },
    { name: "datum", type: { k: "datum" } },
  ];
  it("encodes in field order exactly as the general path does", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 1, max: 1000 }), fc.integer({ min: -1e5, max: 1e5 }), (n, d, day) => {
        const values = { bedrag: ratFrac(n, d), getal: ratFrac(d, n === 0 ? 1 : n), datum: day };
        const reversed = { datum: day, getal: values.getal, bedrag: values.bedrag };
        const a = encodeOutputs(values, OUT);
        expect(a).toEqual(encodeOutputs(reversed, OUT));
        expect(Object.keys(a)).toEqual(["bedrag", "getal", "datum"]);
      }),
      { numRuns: 2000, seed: 20120101 },
    );
    expect(outcome(() => encodeOutputs({ bedrag: ratInt(1), getal: ratInt(1) }, OUT))).toMatchObject({ code: "P0809" });
  });
});
