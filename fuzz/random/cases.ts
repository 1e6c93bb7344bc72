// The fixed part of every random policy (issue 12): the generated types, the
// inputs with their declarations, the soort and the record type, and the
// case files for them (fast-check arbitraries), always valid: beperkingen and
// the voorwaarde hold; optional inputs and fields are left out (or null) one
// time in four.

import fc from "fast-check";

export type GenType = "bedrag" | "getal" | "aantal" | "percentage" | "janee" | "datum" | "dagen" | "periode" | "tekst" | "kleur" | "bedragen";

/** Output types; `bedragen` (a lijst van bedrag) once in 20 (the SQL back end refuses list outputs). */
export const OUTPUT_TYPES: readonly GenType[] = [
  ...(["bedrag", "getal", "aantal", "percentage", "janee", "datum", "tekst", "kleur", "dagen", "periode"] as const).flatMap((t) => [t, t]),
  "bedragen",
];

/** The inputs every random policy has (names by type). */
export const INPUTS: readonly { name: string; type: GenType | "posten" | "optioneel"; decl: string }[] = [
  { name: "kosten", type: "bedrag", decl: "bedrag vanaf € 0" },
  { name: "tegoed", type: "bedrag", decl: "bedrag" },
  { name: "factor", type: "getal", decl: "getal" },
  { name: "sessies", type: "aantal", decl: "aantal tot en met 400" },
  { name: "leeftijd", type: "aantal", decl: "aantal" },
  { name: "korting", type: "percentage", decl: "percentage tussen 0 en 100" },
  { name: "spoed", type: "janee", decl: "janee" },
  { name: "start", type: "datum", decl: "datum" },
  { name: "eind", type: "datum", decl: "datum" },
  { name: "verblijf", type: "periode", decl: "periode" },
  { name: "wachttijd", type: "dagen", decl: "duur" },
  { name: "naam", type: "tekst", decl: "tekst" },
  { name: "kleur", type: "kleur", decl: "Kleur" },
  { name: "posten", type: "posten", decl: "lijst van Post" },
  { name: "tarieven", type: "bedragen", decl: "lijst van bedrag" },
  { name: "overlijden", type: "optioneel", decl: "datum optioneel" },
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

/** The optional field of a `Post`: an hour of the day (for uren_tussen), read only where known or as a P0715. */
export const POST_OPTIONAL = { name: "uur", decl: "getal optioneel tussen 0 en 24" };

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
    leeftijd: fc.oneof({ arbitrary: fc.integer({ min: 0, max: 100 }), weight: 4 }, { arbitrary: fc.constant("123456789012345678"), weight: 1 }),
    korting: fc.oneof(fc.integer({ min: 0, max: 100 }), fc.constantFrom("12.5", "33.3333", "0.01")),
    spoed: fc.boolean(),
    dates: fc.tuple(isoDate, isoDate).map(([a, b]) => (a <= b ? [a, b] : [b, a])),
    naam: fc.constantFrom("a", "b", "é", ""),
    // A duur in any unit: one in months makes comparisons with days an evaluation error (P0808).
    wachttijd: fc.oneof(
      { arbitrary: fc.integer({ min: 0, max: 400 }).map((n) => ({ dagen: n })), weight: 3 },
      fc.integer({ min: 0, max: 20 }).map((n) => ({ weken: n })),
      fc.integer({ min: 0, max: 24 }).map((n) => ({ maanden: n })),
      fc.integer({ min: 0, max: 3 }).map((n) => ({ jaren: n })),
    ),
    verblijf: fc.option(fc.tuple(isoDate, isoDate).map(([a, b]) => (a <= b ? { van: a, tot_en_met: b } : { van: b, tot_en_met: a })), { nil: null }),
    kleur: fc.constantFrom(...KLEUREN),
    posten: fc.array(
      fc
        .tuple(
          fc.record({ bedrag: centsText(-5_000), stuks: fc.integer({ min: 0, max: 20 }), tint: fc.constantFrom(...KLEUREN), dringend: fc.boolean(), datum: isoDate }),
          // The optional field: given three times in four (an hour of the day), else missing or null.
          fc.oneof({ arbitrary: fc.tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom("", ".5", ".25")).map(([h, f]) => `${h}${f}`), weight: 3 }, fc.constantFrom(undefined, null)),
        )
        .map(([post, uur]) => (uur === undefined ? post : { ...post, uur })),
      { maxLength: 4 },
    ),
    tarieven: fc.array(centsText(-10_000), { maxLength: 4 }),
    // An optional input: given three times in four, else missing or null.
    overlijden: fc.oneof({ arbitrary: isoDate, weight: 3 }, fc.constantFrom(undefined, null)),
  })
  .map(({ dates, ...rest }) => {
    const c: Record<string, unknown> = {};
    for (const i of INPUTS) {
      if (i.name === "start") c.start = dates[0];
      else if (i.name === "eind") c.eind = dates[1];
      else if ((rest as Record<string, unknown>)[i.name] !== undefined) c[i.name] = (rest as Record<string, unknown>)[i.name];
    }
    return c;
  });
