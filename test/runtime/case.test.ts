// Case-file decoding and output encoding (LANGUAGE.md §10): a table of good
// and bad cases, exact number reading, and a property that junk input only
// ever produces PolisErrors.

import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { LosslessNumber } from "lossless-json";
import { PolisError } from "../../runtime/diagnostic.js";
import {
  decodeCase,
  decodeCaseBytes,
  encodeOutputs,
  formatValueDutch,
  MAX_DEPTH,
  parseCaseText,
  voorwaardeError,
} from "../../runtime/case.js";
import { MESSAGES, runtimeError, wording, type Code } from "../../runtime/messages.js";
import { compareValues, valueEquals, type FieldDesc, type TypeDesc } from "../../runtime/types.js";
import { eq, formatDecimal, parseDecimal, ratFrac, ratInt, type Rat } from "../../runtime/rational.js";
import { EMPTY_PERIOD, parseIsoDate, periodFromThrough } from "../../runtime/calendar.js";

const dec = (s: string): Rat => parseDecimal(s)!;
const day = (s: string): number => parseIsoDate(s)!;

const Zorgsoort: TypeDesc = { k: "soort", name: "Zorgsoort", values: ["huisarts", "ziekenhuis", "kraamzorg"] };
const Zitting: TypeDesc = {
  k: "record",
  name: "Zitting",
  fields: [
    { name: "datum", type: { k: "datum" } },
    { name: "kosten", type: { k: "bedrag" } },
  ],
};

// The schema of the tests: one input of every type.
const FIELDS: readonly FieldDesc[] = [
  { name: "kosten", type: { k: "bedrag" }, restriction: { min: ratInt(0), text: "vanaf € 0" } },
  {
    name: "vrijwillig",
    type: { k: "bedrag" },
    restriction: { oneOf: [0, 100, 200].map((n) => ratInt(n)), text: "uit {0, 100, 200}" },
  },
  { name: "visus", type: { k: "getal" }, restriction: { min: ratInt(0), max: ratInt(2), text: "tussen 0 en 2" } },
  { name: "zittingen_aantal", type: { k: "aantal" } },
  { name: "korting", type: { k: "percentage" } },
  { name: "opname", type: { k: "datum" } },
  { name: "vrije_dagen", type: { k: "duur" } },
  { name: "looptijd", type: { k: "periode" } },
  { name: "rolstoel", type: { k: "janee" } },
  { name: "naam", type: { k: "tekst" } },
  { name: "zorgsoort", type: Zorgsoort },
  { name: "zittingen", type: { k: "lijst", elem: Zitting } },
];

const GOOD: Record<string, unknown> = {
  kosten: "112.50",
  vrijwillig: 100,
  visus: 0.8,
  zittingen_aantal: 3,
  korting: 25,
  opname: "2012-04-15",
  vrije_dagen: { dagen: 31 },
  looptijd: { van: "2012-01-01", tot_en_met: "2012-06-30" },
  rolstoel: false,
  naam: "Jan",
  zorgsoort: "huisarts",
  zittingen: [
    { datum: "2012-01-02", kosten: "40" },
    { datum: "2012-01-09", kosten: "40.5" },
  ],
};

/** The good case with some fields replaced (undefined removes a field), as JSON text. */
function caseText(patch: Record<string, unknown>): string {
  const c: Record<string, unknown> = { ...GOOD, ...patch };
  for (const k of Object.keys(patch)) if (patch[k] === undefined) delete c[k];
  return JSON.stringify(c);
}

function decodeText(text: string, line?: number): Record<string, unknown> {
  return decodeCase(parseCaseText(text, line), FIELDS, line);
}

function errorOf(f: () => unknown): PolisError {
  try {
    f();
  } catch (e) {
    if (e instanceof PolisError) return e;
    throw e;
  }
  throw new Error("expected a PolisError");
}

describe("decodeCase: good cases", () => {
  it("decodes every type to its runtime value", () => {
    const v = decodeText(JSON.stringify(GOOD));
    expect(eq(v.kosten as Rat, dec("112.5"))).toBe(true);
    expect(eq(v.vrijwillig as Rat, ratInt(100))).toBe(true);
    expect(eq(v.visus as Rat, ratFrac(4, 5))).toBe(true);
    expect(eq(v.zittingen_aantal as Rat, ratInt(3))).toBe(true);
    expect(eq(v.korting as Rat, ratFrac(1, 4))).toBe(true);
    expect(v.opname).toBe(day("2012-04-15"));
    expect(v.vrije_dagen).toEqual({ unit: "dagen", n: 31 });
    expect(v.looptijd).toEqual(periodFromThrough(day("2012-01-01"), day("2012-06-30")));
    expect(v.rolstoel).toBe(false);
    expect(v.naam).toBe("Jan");
    expect(v.zorgsoort).toBe("huisarts");
    const z = v.zittingen as Record<string, unknown>[];
    expect(z).toHaveLength(2);
    expect(z[1]!.datum).toBe(day("2012-01-09"));
    expect(eq(z[1]!.kosten as Rat, dec("40.5"))).toBe(true);
  });

  it.each([
    [{ vrije_dagen: { weken: 2 } }, "vrije_dagen", { unit: "dagen", n: 14 }],
    [{ vrije_dagen: { maanden: 4 } }, "vrije_dagen", { unit: "maanden", n: 4 }],
    [{ vrije_dagen: { jaren: 2 } }, "vrije_dagen", { unit: "maanden", n: 24 }],
    [{ vrije_dagen: { dagen: "31" } }, "vrije_dagen", { unit: "dagen", n: 31 }],
    [{ looptijd: null }, "looptijd", EMPTY_PERIOD],
    [{ zittingen: [] }, "zittingen", []],
  ])("accepts %j", (patch, field, expected) => {
    expect(decodeText(caseText(patch))[field]).toEqual(expected);
  });

  it("accepts a one-day period and equal bounds", () => {
    const v = decodeText(caseText({ looptijd: { van: "2012-02-29", tot_en_met: "2012-02-29" } }));
    expect(v.looptijd).toEqual({ start: day("2012-02-29"), end: day("2012-02-29") + 1 });
  });

  it("accepts numbers as decimal strings and as JSON numbers alike", () => {
    for (const k of ["7.5", "\"7.5\"", "7.50", "\"7.50\""]) {
      const v = decodeText(caseText({}).replace('"korting":25', `"korting":${k}`));
      expect(eq(v.korting as Rat, ratFrac(3, 40))).toBe(true);
    }
  });

  it("accepts a whole aantal written as 3.0 and a bedrag written as 12.500", () => {
    const v = decodeText(caseText({}).replace('"zittingen_aantal":3', '"zittingen_aantal":3.0').replace('"kosten":"112.50"', '"kosten":12.500'));
    expect(eq(v.zittingen_aantal as Rat, ratInt(3))).toBe(true);
    expect(eq(v.kosten as Rat, dec("12.5"))).toBe(true);
  });

  it("accepts the restriction's bounds themselves", () => {
    expect(() => decodeText(caseText({ kosten: 0, visus: 2 }))).not.toThrow();
    expect(() => decodeText(caseText({ visus: "0" }))).not.toThrow();
  });
});

describe("decodeCase: exact numbers", () => {
  it("reads 0.1 exactly, from JSON text and from a string", () => {
    for (const text of ['{"x": 0.1}', '{"x": "0.1"}']) {
      const v = decodeCase(parseCaseText(text), [{ name: "x", type: { k: "getal" } }]);
      expect(eq(v.x as Rat, ratFrac(1, 10))).toBe(true);
    }
  });

  it("keeps every digit of 12345678901234567890.12", () => {
    const fields: FieldDesc[] = [{ name: "x", type: { k: "bedrag" } }];
    const viaNumber = decodeCase(parseCaseText('{"x": 12345678901234567890.12}'), fields);
    const viaString = decodeCase(parseCaseText('{"x": "12345678901234567890.12"}'), fields);
    expect(formatDecimal(viaNumber.x as Rat)).toBe("12345678901234567890.12");
    expect(formatDecimal(viaString.x as Rat)).toBe("12345678901234567890.12");
    expect(encodeOutputs(viaNumber, fields)).toEqual({ x: "12345678901234567890.12" });
  });

  it("reads a LosslessNumber by its text, not its float value", () => {
    const v = decodeCase({ x: new LosslessNumber("0.30000000000000000001") }, [{ name: "x", type: { k: "getal" } }]);
    expect(formatDecimal(v.x as Rat)).toBe("0.30000000000000000001");
  });

  it("parseCaseText keeps numbers as LosslessNumbers", () => {
    const j = parseCaseText('{"a": 1.10, "b": [2]}') as Record<string, unknown>;
    expect(j.a).toBeInstanceOf(LosslessNumber);
    expect((j.a as LosslessNumber).value).toBe("1.10");
  });

  it("accepts JS numbers, writing out their shortest form exactly", () => {
    const fields: FieldDesc[] = [{ name: "x", type: { k: "getal" } }];
    expect(formatDecimal(decodeCase({ x: 0.1 }, fields).x as Rat)).toBe("0.1");
    expect(formatDecimal(decodeCase({ x: 1e21 }, fields).x as Rat)).toBe("1000000000000000000000");
    expect(formatDecimal(decodeCase({ x: 1.5e-7 }, fields).x as Rat)).toBe("0.00000015");
    expect(formatDecimal(decodeCase({ x: -0 }, fields).x as Rat)).toBe("0");
  });
});

// [name, case JSON text, code, field (undefined: none), message fragment, hint fragment]
type BadRow = [string, string, string, string | undefined, string, string?];
const BAD: BadRow[] = [
  ["syntax error", '{"kosten": 1,}', "P0701", undefined, "ongeldige JSON: veldnaam tussen aanhalingstekens verwacht op positie 14"],
  ["NaN literal", '{"kosten": NaN}', "P0701", undefined, "ongeldige JSON", "NaN en Infinity zijn geen getallen"],
  ["empty text", "", "P0701", undefined, "de invoer is leeg"],
  ["duplicate key", '{"kosten": 1, "kosten": 2}', "P0701", undefined, 'veld "kosten" komt twee keer voor'],
  ["too deep", "[".repeat(MAX_DEPTH + 1) + "]".repeat(MAX_DEPTH + 1), "P0701", undefined, "niveaus genest"],
  ["array, not an object", "[1, 2]", "P0702", undefined, "maar is een lijst", ".jsonl"],
  ["null, not an object", "null", "P0702", undefined, "maar is null"],
  ["unknown field with suggestion", caseText({ kosten: undefined, kostne: 5 }), "P0703", "kostne", "onbekend veld `kostne`", "bedoelde u `kosten`?"],
  ["unknown field without suggestion", caseText({ zzzzzzzz: 1 }), "P0703", "zzzzzzzz", "`zzzzzzzz`", "verwachte velden"],
  ["missing field", caseText({ opname: undefined }), "P0704", "opname", "veld `opname` ontbreekt", "verwacht een datum"],
  ["wrong type: bedrag as list", caseText({ kosten: [1] }), "P0705", "kosten", "`kosten` moet een bedrag zijn, maar is een lijst"],
  ["wrong type: janee as text", caseText({ rolstoel: "ja" }), "P0705", "rolstoel", "`rolstoel` moet true of false zijn", "gebruik true of false"],
  ["wrong type: tekst as number", caseText({ naam: 5 }), "P0705", "naam", "`naam` moet een tekst zijn, maar is het getal 5"],
  ["wrong type: datum as number", caseText({ opname: 20120415 }), "P0705", "opname", "`opname` moet een datum zijn"],
  ["wrong type: soort as null", caseText({ zorgsoort: null }), "P0705", "zorgsoort", "soort `Zorgsoort`"],
  ["wrong type: list as object", caseText({ zittingen: {} }), "P0705", "zittingen", "`zittingen` moet een lijst zijn"],
  ["wrong type: record as number", caseText({ zittingen: [1] }), "P0705", "zittingen[0]", "`zittingen[0]` moet een object `Zitting` zijn"],
  ["exponent in JSON", caseText({}).replace('"kosten":"112.50"', '"kosten":1e2'), "P0706", "kosten", "`kosten` is geen geldig getal: 1e2", "zonder exponent"],
  ["exponent in a string", caseText({ visus: "1e2" }), "P0706", "visus", '"1e2"', "zonder exponent"],
  ["NaN string", caseText({ visus: "NaN" }), "P0706", "visus", '`visus` is geen geldig getal: "NaN"', "NaN en Infinity"],
  ["Infinity string", caseText({ visus: "-Infinity" }), "P0706", "visus", "geldig getal", "NaN en Infinity"],
  ["decimal comma", caseText({ kosten: "12,50" }), "P0706", "kosten", '"12,50"', "gebruik een punt: 12.50"],
  ["Dutch thousands", caseText({ kosten: "1.200,50" }), "P0706", "kosten", "geldig getal", "gebruik een punt: 1200.50"],
  ["spaces", caseText({ kosten: " 12" }), "P0706", "kosten", "geldig getal", "zonder spaties"],
  ["empty string number", caseText({ kosten: "" }), "P0706", "kosten", "geldig getal"],
  ["impossible date", caseText({ opname: "2012-02-30" }), "P0707", "opname", '`opname` is geen geldige datum: "2012-02-30"', "bestaat niet"],
  ["malformed date", caseText({ opname: "30-01-2012" }), "P0707", "opname", "geldige datum", "2012-01-30"],
  ["date in a list", caseText({ zittingen: [{ datum: "2012-01-02", kosten: 1 }, { datum: "2012-01-03", kosten: 1 }, { datum: "2012-13-01", kosten: 1 }] }), "P0707", "zittingen[2].datum", "`zittingen[2].datum`"],
  ["below minimum", caseText({ kosten: "-5" }), "P0708", "kosten", "`kosten` is € -5, maar moet voldoen aan `vanaf € 0`"],
  ["not one of", caseText({ vrijwillig: 150 }), "P0708", "vrijwillig", "`vrijwillig` is € 150, maar moet voldoen aan `uit {0, 100, 200}`"],
  ["above maximum", caseText({ visus: "2.5" }), "P0708", "visus", "`visus` is 2,5, maar moet voldoen aan `tussen 0 en 2`"],
  ["unknown soort value", caseText({ zorgsoort: "huisars" }), "P0709", "zorgsoort", '`zorgsoort` heeft de onbekende waarde "huisars" voor soort `Zorgsoort`', "bedoelde u `huisarts`?"],
  ["unknown soort value, no suggestion", caseText({ zorgsoort: "tandarts" }), "P0709", "zorgsoort", "`zorgsoort`", "mogelijke waarden: `huisarts`"],
  ["bedrag with 3 decimals", caseText({ kosten: "12.505" }), "P0710", "kosten", "`kosten` is een bedrag met meer dan twee decimalen: \"12.505\""],
  ["bedrag with 3 decimals in a list", caseText({ zittingen: [{ datum: "2012-01-02", kosten: 0.001 }] }), "P0710", "zittingen[0].kosten", "`zittingen[0].kosten`"],
  ["aantal not whole", caseText({ zittingen_aantal: 2.5 }), "P0711", "zittingen_aantal", "`zittingen_aantal` moet een geheel aantal van 0 of meer zijn, maar is 2.5"],
  ["aantal negative", caseText({ zittingen_aantal: -1 }), "P0711", "zittingen_aantal", "maar is -1"],
  ["duur with two units", caseText({ vrije_dagen: { dagen: 1, maanden: 1 } }), "P0712", "vrije_dagen", "`vrije_dagen` is geen geldige duur: precies één eenheid"],
  ["duur without unit", caseText({ vrije_dagen: {} }), "P0712", "vrije_dagen", "maar er zijn er 0"],
  ["duur with unknown unit", caseText({ vrije_dagen: { dag: 3 } }), "P0712", "vrije_dagen", 'onbekende eenheid "dag"', "bedoelde u `dagen`?"],
  ["duur not whole", caseText({ vrije_dagen: { dagen: 1.5 } }), "P0712", "vrije_dagen", "moet geheel zijn"],
  ["duur count not a number", caseText({ vrije_dagen: { dagen: "veel" } }), "P0706", "vrije_dagen.dagen", "`vrije_dagen.dagen`"],
  ["duur as number", caseText({ vrije_dagen: 31 }), "P0705", "vrije_dagen", "`vrije_dagen` moet een duur zijn", '{"dagen": 31}'],
  ["periode backwards", caseText({ looptijd: { van: "2012-02-01", tot_en_met: "2012-01-31" } }), "P0713", "looptijd", "`looptijd` is geen geldige periode: `tot_en_met` (2012-01-31) ligt voor `van` (2012-02-01)", "null"],
  ["periode missing bound", caseText({ looptijd: { van: "2012-02-01" } }), "P0713", "looptijd", "`tot_en_met` ontbreekt"],
  ["periode unknown key", caseText({ looptijd: { van: "2012-02-01", tot: "2012-03-01" } }), "P0713", "looptijd", 'onbekende sleutel "tot"', "`tot_en_met`"],
  ["periode bad date", caseText({ looptijd: { van: "2012-02-30", tot_en_met: "2012-03-01" } }), "P0707", "looptijd.van", "`looptijd.van`"],
  ["record missing field", caseText({ zittingen: [{ datum: "2012-01-02" }] }), "P0704", "zittingen[0].kosten", "veld `zittingen[0].kosten` ontbreekt"],
  ["record unknown field", caseText({ zittingen: [{ datum: "2012-01-02", kosten: 1, kosen: 2 }] }), "P0703", "zittingen[0].kosen", "onbekend veld `zittingen[0].kosen`", "bedoelde u `kosten`?"],
];

describe("decodeCase: bad cases", () => {
  it.each(BAD)("%s", (_name, text, code, field, message, hint) => {
    const err = errorOf(() => decodeText(text, 17));
    const d = err.diagnostic;
    expect(d.code).toBe(code);
    expect(d.severity).toBe("error");
    expect(d.span).toBeUndefined();
    expect(d.line).toBe(17);
    expect(d.message).toContain(message);
    expect(d.message).not.toMatch(/\.$/);
    if (field !== undefined) {
      expect(d.field).toBe(field);
      expect(d.message).toContain(`\`${field}\``);
    } else {
      expect(d.field).toBeUndefined();
    }
    if (hint !== undefined) expect(d.hint).toContain(hint);
  });

  it("leaves `line` out when none is given", () => {
    const d = errorOf(() => decodeText(caseText({ kosten: undefined }))).diagnostic;
    expect(d.line).toBeUndefined();
    expect(d.code).toBe("P0704");
  });

  it("reports a typo as an unknown field before the field it misses", () => {
    const d = errorOf(() => decodeText(caseText({ opname: undefined, opnam: "2012-01-01" }))).diagnostic;
    expect([d.code, d.field, d.hint]).toEqual(["P0703", "opnam", "bedoelde u `opname`?"]);
  });

  it("checks inputs in declaration order, type before beperking", () => {
    const d = errorOf(() => decodeText(caseText({ kosten: "-1", naam: 3 }))).diagnostic;
    expect([d.code, d.field]).toEqual(["P0708", "kosten"]);
    const d2 = errorOf(() => decodeText(caseText({ visus: "x", naam: 3 }))).diagnostic;
    expect([d2.code, d2.field]).toEqual(["P0706", "visus"]);
  });

  it("rejects JS NaN and Infinity given directly", () => {
    for (const x of [NaN, Infinity, -Infinity]) {
      const d = errorOf(() => decodeCase({ x }, [{ name: "x", type: { k: "getal" } }])).diagnostic;
      expect([d.code, d.field]).toEqual(["P0706", "x"]);
    }
  });

  it("treats __proto__ and constructor as ordinary unknown keys", () => {
    const d = errorOf(() => decodeText('{"__proto__": {"kosten": 1}}')).diagnostic;
    expect([d.code, d.field]).toEqual(["P0703", "__proto__"]);
    const d2 = errorOf(() => decodeText(caseText({ constructor: 1 }))).diagnostic;
    expect([d2.code, d2.field]).toEqual(["P0703", "constructor"]);
  });

  it("does not overflow the stack on 100.000 nested arrays", () => {
    const deep = "[".repeat(100_000) + "]".repeat(100_000);
    expect(errorOf(() => parseCaseText(deep)).diagnostic.code).toBe("P0701");
    const deepObj = '{"kosten":' + '{"a":'.repeat(100_000) + "1" + "}".repeat(100_001);
    expect(errorOf(() => parseCaseText(deepObj)).diagnostic.code).toBe("P0701");
  });

  it("accepts nesting up to the limit", () => {
    const ok = "[".repeat(MAX_DEPTH) + "]".repeat(MAX_DEPTH);
    expect(() => parseCaseText(ok)).not.toThrow();
  });

  it("reports the position in multi-line text as line and column", () => {
    const d = errorOf(() => parseCaseText('{\n  "kosten": 1\n  "naam": "x"\n}')).diagnostic;
    expect(d.message).toBe("ongeldige JSON: komma verwacht na een waarde op regel 3, kolom 3");
  });
});

describe("voorwaardeError", () => {
  it("quotes the condition and names the field", () => {
    const d = voorwaardeError("polis_eind >= polis_start", "polis_eind", 3).diagnostic;
    expect(d).toEqual({
      code: "P0714",
      severity: "error",
      params: { condition: "polis_eind >= polis_start" },
      message: "voorwaarde `polis_eind >= polis_start` geldt niet",
      field: "polis_eind",
      line: 3,
    });
    expect(voorwaardeError("a > b", "a").diagnostic.line).toBeUndefined();
  });
});

describe("messages", () => {
  it("has every P07 and P08 code, all errors, lowercase and without a final period", () => {
    const codes = Object.keys(MESSAGES);
    for (let i = 1; i <= 14; i++) expect(codes).toContain(`P07${String(i).padStart(2, "0")}`);
    for (let i = 1; i <= 9; i++) expect(codes).toContain(`P080${i}`);
    for (const code of codes.filter((c) => /^P0[78]/.test(c)) as Code[]) {
      const { severity, message: text } = wording(code, { field: "f", value: "v", detail: "d", expectedFields: [], values: [], form: { type: "bedrag" } } as never);
      expect(severity, code).toBe("error");
      expect(text, code).not.toMatch(/\.$/);
      expect(text[0], code).toBe(text[0]!.toLowerCase());
    }
  });

  it("fills the evaluation templates", () => {
    const conflict = runtimeError("P0801", {
      a: "verplicht_eigen_risico",
      artA: "artikel 7.1",
      b: "uitzondering",
      artB: "artikel 7.2",
      output: "verplicht",
      va: "€ 220",
      vb: "€ 0",
    });
    expect(conflict.message).toBe(
      "regels `verplicht_eigen_risico` (artikel 7.1) en `uitzondering` (artikel 7.2) geven `verplicht` verschillende waarden: € 220 en € 0",
    );
    expect(runtimeError("P0802", { output: "totaal" }).message).toBe("geen regel bepaalt `totaal`");
    expect(runtimeError("P0803", { where: "regel `a` (artikel 1)" }).message).toBe("deling door nul in regel `a` (artikel 1)");
    expect(runtimeError("P0804", { name: "n", value: "-1" }).message).toBe(
      "`n` moet een geheel aantal van 0 of meer zijn, maar is -1",
    );
  });
});

describe("encodeOutputs", () => {
  it("encodes every type per §10, in declaration order", () => {
    const fields: FieldDesc[] = [
      { name: "verplicht", type: { k: "bedrag" } },
      { name: "min", type: { k: "bedrag" } },
      { name: "half", type: { k: "bedrag" } },
      { name: "g", type: { k: "getal" } },
      { name: "derde", type: { k: "getal" } },
      { name: "n", type: { k: "aantal" } },
      { name: "p", type: { k: "percentage" } },
      { name: "d", type: { k: "datum" } },
      { name: "duur", type: { k: "duur" } },
      { name: "per", type: { k: "periode" } },
      { name: "leeg", type: { k: "periode" } },
      { name: "j", type: { k: "janee" } },
      { name: "s", type: Zorgsoort },
      { name: "zs", type: { k: "lijst", elem: Zitting } },
    ];
    const values: Record<string, unknown> = {
      zs: [{ kosten: dec("40.5"), datum: day("2012-01-02") }],
      verplicht: ratFrac(1803, 100),
      min: ratInt(-5),
      half: dec("-0.125"),
      g: dec("27.760"),
      derde: ratFrac(1, 3),
      n: ratInt(3),
      p: ratFrac(3, 40),
      d: day("2012-01-30"),
      duur: { unit: "maanden", n: 14 },
      per: periodFromThrough(day("2012-01-01"), day("2012-06-30")),
      leeg: EMPTY_PERIOD,
      j: true,
      s: "huisarts",
    };
    const out = encodeOutputs(values, fields);
    expect(JSON.stringify(out)).toBe(
      JSON.stringify({
        verplicht: "18.03",
        min: "-5.00",
        half: "-0.13",
        g: "27.76",
        derde: "0.3333333333",
        n: 3,
        p: "7.5",
        d: "2012-01-30",
        duur: { maanden: 14 },
        per: { van: "2012-01-01", tot_en_met: "2012-06-30" },
        leeg: null,
        j: true,
        s: "huisarts",
        zs: [{ datum: "2012-01-02", kosten: "40.50" }],
      }),
    );
  });

  it("round-trips a decoded case", () => {
    const v = decodeText(JSON.stringify(GOOD));
    expect(encodeOutputs(v, FIELDS)).toEqual({
      ...GOOD,
      kosten: "112.50",
      vrijwillig: "100.00",
      visus: "0.8",
      korting: "25",
      zittingen: [
        { datum: "2012-01-02", kosten: "40.00" },
        { datum: "2012-01-09", kosten: "40.50" },
      ],
    });
  });

  it("is an internal error when an output has no value", () => {
    expect(errorOf(() => encodeOutputs({}, [{ name: "x", type: { k: "janee" } }])).diagnostic.code).toBe("P0809");
  });
});

describe("formatValueDutch", () => {
  it.each<[unknown, TypeDesc, string]>([
    [ratInt(18), { k: "bedrag" }, "€ 18"],
    [dec("112.5"), { k: "bedrag" }, "€ 112,50"],
    [dec("1200.5"), { k: "bedrag" }, "€ 1.200,50"],
    [dec("-5"), { k: "bedrag" }, "€ -5"],
    [dec("18.0327"), { k: "bedrag" }, "€ 18,0327"],
    [dec("7.5"), { k: "getal" }, "7,5"],
    [dec("1200000"), { k: "getal" }, "1.200.000"],
    [ratInt(3), { k: "aantal" }, "3"],
    [ratFrac(1, 4), { k: "percentage" }, "25%"],
    [ratFrac(3, 40), { k: "percentage" }, "7,5%"],
    [day("2012-01-01"), { k: "datum" }, "1 januari 2012"],
    [{ unit: "dagen", n: 31 }, { k: "duur" }, "31 dagen"],
    [{ unit: "dagen", n: 1 }, { k: "duur" }, "1 dag"],
    [{ unit: "maanden", n: 4 }, { k: "duur" }, "4 maanden"],
    [
      periodFromThrough(day("2012-01-01"), day("2012-06-30")),
      { k: "periode" },
      "periode van 1 januari 2012 tot en met 30 juni 2012",
    ],
    [true, { k: "janee" }, "ja"],
    [false, { k: "janee" }, "nee"],
    ['zeg "hoi" \\', { k: "tekst" }, '"zeg \\"hoi\\" \\\\"'],
    ["huisarts", Zorgsoort, "huisarts"],
    [
      [{ datum: day("2012-01-01"), kosten: ratInt(100) }],
      { k: "lijst", elem: Zitting },
      "[{datum 1 januari 2012, kosten € 100}]",
    ],
    [[], { k: "lijst", elem: { k: "getal" } }, "[]"],
  ])("%#: %s", (v, t, expected) => {
    expect(formatValueDutch(v, t)).toBe(expected);
  });

  it("writes an empty period as one that ends where it starts", () => {
    expect(formatValueDutch(EMPTY_PERIOD, { k: "periode" })).toMatch(/^periode van (.+) tot \1$/);
  });
});

describe("types", () => {
  it("valueEquals and compareValues", () => {
    expect(valueEquals(EMPTY_PERIOD, { start: 5, end: 3 }, { k: "periode" })).toBe(true);
    expect(valueEquals(ratFrac(1, 2), dec("0.50"), { k: "getal" })).toBe(true);
    expect(valueEquals([ratInt(1)], [ratInt(1), ratInt(2)], { k: "lijst", elem: { k: "getal" } })).toBe(false);
    expect(compareValues(ratInt(1), ratInt(2), { k: "bedrag" })).toBe(-1);
    expect(compareValues(day("2012-01-02"), day("2012-01-01"), { k: "datum" })).toBe(1);
    expect(compareValues({ unit: "dagen", n: 3 }, { unit: "dagen", n: 3 }, { k: "duur" })).toBe(0);
    const d = errorOf(() => compareValues({ unit: "dagen", n: 3 }, { unit: "maanden", n: 1 }, { k: "duur" })).diagnostic;
    expect(d.code).toBe("P0808");
  });
});

describe("property: junk input only gives PolisErrors", () => {
  const onlyPolisErrors = (f: () => unknown): boolean => {
    try {
      f();
    } catch (e) {
      if (!(e instanceof PolisError)) throw e;
      expect(e.diagnostic.code).toMatch(/^P07\d\d$/);
    }
    return true;
  };

  const weirdString = fc.oneof(
    fc.string({ unit: "grapheme" }),
    fc.constantFrom("NaN", "-Infinity", "1e2", "12,50", "2012-02-30", "2012-01-01", "", " 1", "0.1", "huisarts", "__proto__", "constructor", "toString"),
    fc.string({ unit: "binary", maxLength: 300 }),
  );
  const junkValue = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: "small" },
      fc.jsonValue(),
      weirdString,
      fc.array(tie("value"), { maxLength: 4 }),
      fc.dictionary(fc.oneof(fc.constantFrom(...FIELDS.map((f) => f.name), "van", "tot_en_met", "dagen", "datum", "kosten"), weirdString), tie("value"), { maxKeys: 5 }),
    ),
  })).value;

  it("decodeCase on random values", () => {
    fc.assert(
      fc.property(junkValue, (v) => onlyPolisErrors(() => decodeCase(v, FIELDS))),
      { numRuns: 1000, seed: 20120101 },
    );
  });

  it("decodeCase on the good case with one field replaced by junk", () => {
    const names = FIELDS.map((f) => f.name);
    fc.assert(
      fc.property(fc.constantFrom(...names), junkValue, (name, junk) =>
        onlyPolisErrors(() => decodeText(JSON.stringify({ ...GOOD, [name]: junk }))),
      ),
      { numRuns: 1000, seed: 20120101 },
    );
  });

  it("parseCaseText + decodeCase on random and mutated text", () => {
    const text = fc.oneof(
      fc.json(),
      fc.string(),
      fc.tuple(fc.json(), fc.nat(), fc.string({ maxLength: 3 })).map(([j, i, s]) => j.slice(0, i % (j.length + 1)) + s + j.slice(i % (j.length + 1))),
      fc.tuple(fc.constantFrom("[", "{\"a\":", "[{\"kosten\":"), fc.integer({ min: 990, max: 1100 })).map(([open, n]) => open.repeat(n)),
    );
    fc.assert(
      fc.property(text, (t) => onlyPolisErrors(() => decodeCase(parseCaseText(t), FIELDS))),
      { numRuns: 1000, seed: 20120101 },
    );
  });

  it("deep nesting of every shape", () => {
    for (const open of ["[", '{"a":', '{"zittingen":', '["', "[{}"]) {
      const t = open.repeat(100_000);
      onlyPolisErrors(() => decodeCase(parseCaseText(t), FIELDS));
    }
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    onlyPolisErrors(() => decodeCase({ ...GOOD, zittingen: deep }, FIELDS));
    onlyPolisErrors(() => decodeCase(deep, FIELDS));
  });
});

describe("hints for a rejected case (catalog entries with typed parameters, runtime/messages.ts)", () => {
  /** The diagnostic for a case file's text (the good case patched, or raw text). */
  function rejected(text: string): { code: string; params: Record<string, unknown>; hint?: string } {
    try {
      decodeText(text);
    } catch (e) {
      if (e instanceof PolisError) return e.diagnostic;
      throw e;
    }
    throw new Error(`accepted: ${text}`);
  }
  const patched = (patch: Record<string, unknown>) => rejected(caseText(patch));
  const ex = (t: string) => `schrijf bijvoorbeeld ${t}`;

  it.each([
    ["a NaN in the JSON", '{"kosten": NaN}', "P0701", "NaN en Infinity zijn geen getallen"],
    ["single quotes", "{'kosten': 1}", "P0701", "JSON gebruikt dubbele aanhalingstekens"],
    ["a list of cases in one case", "[{}, {}]", "P0702", "zet in een .jsonl-bestand elke case op een eigen regel"],
  ])("%s", (_, text, code, hint) => {
    expect(rejected(text)).toMatchObject({ code, hint });
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ["a misspelt field", { kostn: "1" }, "P0703", "bedoelde u `kosten`?"],
    ["an unknown field of a record", { zittingen: [{ datum: "2012-01-02", kosten: "1", xyz: 1 }] }, "P0703", "verwachte velden: `datum`, `kosten`"],
    ["a missing field", { kosten: undefined }, "P0704", `verwacht een bedrag, ${ex('"112.50" of 220')}`],
    ["a quoted boolean", { rolstoel: "ja" }, "P0705", "gebruik true of false, zonder aanhalingstekens"],
    ["a text for a list of records", { zittingen: "x" }, "P0705", "schrijf een lijst: [{…}, {…}]"],
    ["a number for a record", { zittingen: [3] }, "P0705", "schrijf een object met de velden `datum`, `kosten`"],
    ["a decimal comma", { visus: "0,8" }, "P0706", "gebruik een punt: 0.8"],
    ["leading zeros", { visus: "01" }, "P0706", "schrijf het getal zonder voorloopnullen"],
    ["a word for a number", { visus: "veel" }, "P0706", 'schrijf een getal met een punt voor decimalen, bijvoorbeeld 12.50 of "12.50"'],
    ["a day that does not exist", { opname: "2012-02-30" }, "P0707", "deze datum bestaat niet"],
    ["a Dutch date", { opname: "30-01-2012" }, "P0707", 'schrijf een datum als "2012-01-30" (jaar-maand-dag)'],
    ["a soort value in capitals", { zorgsoort: "Huisarts" }, "P0709", "bedoelde u `huisarts`?"],
    ["an unknown soort value", { zorgsoort: "tandarts" }, "P0709", "mogelijke waarden: `huisarts`, `ziekenhuis`, `kraamzorg`"],
    ["fractions of cents", { kosten: "1.005" }, "P0710", 'een bedrag is in hele centen, bijvoorbeeld "112.50"'],
    ["a misspelt unit", { vrije_dagen: { dag: 3 } }, "P0712", "bedoelde u `dagen`?"],
    ["two units", { vrije_dagen: { dagen: 3, weken: 1 } }, "P0712", ex('{"dagen": 31} of {"maanden": 4}')],
    ["a period without its end", { looptijd: { van: "2012-01-01" } }, "P0713", ex('{"van": "2012-01-01", "tot_en_met": "2012-06-30"}, of null voor een lege periode')],
    ["a period that ends before it starts", { looptijd: { van: "2012-02-01", tot_en_met: "2012-01-01" } }, "P0713", "gebruik null voor een lege periode"],
  ])("%s", (_, patch, code, hint) => {
    expect(patched(patch)).toMatchObject({ code, hint });
  });

  it("keeps what the hint was made from as parameters, not as text", () => {
    expect(patched({ kostn: "1" }).params).toMatchObject({ field: "kostn", suggestions: ["kosten"], expectedFields: FIELDS.map((f) => f.name) });
    expect(patched({ zorgsoort: "tandarts" }).params).toMatchObject({ values: ["huisarts", "ziekenhuis", "kraamzorg"] });
    expect(patched({ visus: "0,8" }).params).toMatchObject({ advice: "decimalComma", suggestion: "0.8" });
    expect(patched({ kosten: undefined }).params).toMatchObject({ expected: "een bedrag", form: { type: "bedrag" } });
    expect(rejected("[{}]").params).toMatchObject({ list: true });
  });

  it("names the file's encoding", () => {
    const hintOf = (bytes: number[]) => {
      try {
        decodeCaseBytes(Uint8Array.from(bytes));
      } catch (e) {
        if (e instanceof PolisError) return e.diagnostic;
      }
      return undefined;
    };
    expect(hintOf([0x7b, 0x22, 0xe9, 0x22, 0x7d])).toMatchObject({ code: "P0701", params: { advice: "latin1" }, hint: "het bestand is waarschijnlijk Latin-1 of Windows-1252: sla het op als UTF-8" });
    expect(hintOf([0xff, 0xfe, 0x7b, 0x00])).toMatchObject({ code: "P0701", params: { advice: "utf16" }, hint: "sla het bestand op als UTF-8" });
  });
});
