// The hand-written §9.1 baseline of `npm run bench` (bench/handwritten.ts)
// and its case generator (bench/cases.ts): the three voorbeelden of
// LANGUAGE.md §9.1, rounding, age, validation, and an independent oracle
// (Date.UTC + decimal.js) on generated cases.

import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { generateCases } from "../../../bench/cases.js";
import { evaluateHandwritten, naarRatoCenten } from "../../../bench/handwritten.js";

const base = {
  geboortedatum: "1970-03-12",
  polis_start: "2012-01-01",
  polis_eind: "2012-01-30",
  vrijwillig_eigen_risico: "100",
  kosten: "50",
  zorgsoort: "ziekenhuis",
};

function withCase(over: Record<string, unknown>): Record<string, unknown> {
  return { ...base, ...over };
}

describe("§9.1 voorbeelden", () => {
  it("artikel 7.4: verzekerd van 1 tot en met 30 januari 2012", () => {
    expect(evaluateHandwritten(base)).toEqual({
      verplicht: "18.00",
      vrijwillig: "8.00",
      totaal: "26.00",
      ten_laste_verzekerde: "26.00",
      vergoeding: "24.00",
    });
  });

  it("artikel 7.2: de huisarts valt buiten het eigen risico", () => {
    expect(
      evaluateHandwritten({
        geboortedatum: "1980-01-01",
        polis_start: "2012-01-01",
        polis_eind: "2012-12-31",
        vrijwillig_eigen_risico: "0",
        kosten: "80",
        zorgsoort: "huisarts",
      }),
    ).toEqual({
      verplicht: "220.00",
      vrijwillig: "0.00",
      totaal: "220.00",
      ten_laste_verzekerde: "0.00",
      vergoeding: "80.00",
    });
  });

  it("een polis die eindigt voor hij begint", () => {
    expect(() =>
      evaluateHandwritten({
        geboortedatum: "1980-01-01",
        polis_start: "2012-02-01",
        polis_eind: "2012-01-31",
        vrijwillig_eigen_risico: "0",
        kosten: "80",
        zorgsoort: "huisarts",
      }),
    ).toThrow(/polis_eind/);
  });
});

describe("pro rata, afgerond op hele euro (half away from zero)", () => {
  it("rounds exact halves away from zero", () => {
    // With the policy's own amounts an exact half cannot occur: every jaarbedrag
    // is an even number of euros and 365 is odd, 366 = 2 × 183 with 183 odd. So
    // the half cases are checked on the helper directly.
    expect(naarRatoCenten(100, 1, 2)).toBe(100); // € 0,50 → € 1
    expect(naarRatoCenten(300, 1, 2)).toBe(200); // € 1,50 → € 2
    expect(naarRatoCenten(500, 1, 2)).toBe(300); // € 2,50 → € 3 (not banker's € 2)
    expect(naarRatoCenten(-500, 1, 2)).toBe(-300); // -€ 2,50 → -€ 3
    expect(naarRatoCenten(5499, 1, 1)).toBe(5500); // € 54,99 → € 55
    expect(naarRatoCenten(5449, 1, 1)).toBe(5400); // € 54,49 → € 54
  });

  it("matches an exact rational reference for every jaarbedrag, day count and year length", () => {
    for (const jaarEuro of [0, 100, 200, 220, 300, 400, 500]) {
      for (const dagenInJaar of [365, 366]) {
        for (let dagen = 1; dagen <= dagenInJaar; dagen++) {
          const exact = new Decimal(jaarEuro).times(dagen).dividedBy(dagenInJaar);
          const expected = exact.toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber() * 100;
          expect(naarRatoCenten(jaarEuro * 100, dagen, dagenInJaar)).toBe(expected);
          // And no exact half exists for these inputs.
          expect(exact.minus(exact.floor()).equals(0.5)).toBe(false);
        }
      }
    }
  });

  it("rounds just below and just above a half correctly end to end", () => {
    // 220 × 89 / 366 = 53,497… → 53; 100 × 89 / 366 = 24,31… → 24.
    expect(evaluateHandwritten(withCase({ polis_eind: "2012-03-29", kosten: "1000" }))).toMatchObject({
      verplicht: "53.00",
      vrijwillig: "24.00",
      totaal: "77.00",
    });
    // 220 × 94 / 366 = 56,502… → 57; 100 × 94 / 366 = 25,68… → 26.
    expect(evaluateHandwritten(withCase({ polis_eind: "2012-04-03", kosten: "1000" }))).toMatchObject({
      verplicht: "57.00",
      vrijwillig: "26.00",
      totaal: "83.00",
      ten_laste_verzekerde: "83.00",
      vergoeding: "917.00",
    });
    // 500 × 56 / 366 = 76,502… → 77; 220 × 56 / 366 = 33,66… → 34.
    expect(
      evaluateHandwritten(withCase({ polis_eind: "2012-02-25", vrijwillig_eigen_risico: "500", kosten: "12.34" })),
    ).toEqual({
      verplicht: "34.00",
      vrijwillig: "77.00",
      totaal: "111.00",
      ten_laste_verzekerde: "12.34",
      vergoeding: "0.00",
    });
  });

  it("uses 365 days in a non-leap year", () => {
    // 220 × 30 / 365 = 18,08 → 18; 100 × 30 / 365 = 8,2 → 8. Full year 2013: 220.
    expect(
      evaluateHandwritten(withCase({ polis_start: "2013-01-01", polis_eind: "2013-12-31", kosten: "1000" })),
    ).toMatchObject({ verplicht: "220.00", vrijwillig: "100.00", totaal: "320.00" });
  });
});

describe("leeftijd", () => {
  it("gives 0 under 18 and the pro-rata amounts from 18", () => {
    const minor = evaluateHandwritten(withCase({ geboortedatum: "1994-01-02" })); // 17 on 2012-01-01
    expect(minor).toEqual({
      verplicht: "0.00",
      vrijwillig: "0.00",
      totaal: "0.00",
      ten_laste_verzekerde: "0.00",
      vergoeding: "50.00",
    });
    const adult = evaluateHandwritten(withCase({ geboortedatum: "1994-01-01" })); // 18 that day
    expect(adult.verplicht).toBe("18.00");
    expect(evaluateHandwritten(withCase({ geboortedatum: "2012-01-01" })).totaal).toBe("0.00"); // born that day
  });

  it("counts a 29 februari birthday as 28 februari in non-leap years", () => {
    // Born 29-02-1992: 18 on 28-02-2010 (2010 is not a leap year).
    const c = { geboortedatum: "1992-02-29", polis_eind: "2010-12-31", vrijwillig_eigen_risico: "0" };
    expect(evaluateHandwritten(withCase({ ...c, polis_start: "2010-02-27" })).verplicht).toBe("0.00");
    expect(evaluateHandwritten(withCase({ ...c, polis_start: "2010-02-28" })).verplicht).toBe("185.00"); // 220 × 307 / 365 = 185,04
    // Born 29-02-1996: 18 on 28-02-2014 as well.
    const d = { geboortedatum: "1996-02-29", polis_eind: "2014-12-31", vrijwillig_eigen_risico: "0" };
    expect(evaluateHandwritten(withCase({ ...d, polis_start: "2014-02-27" })).verplicht).toBe("0.00");
    expect(evaluateHandwritten(withCase({ ...d, polis_start: "2014-02-28" })).verplicht).not.toBe("0.00");
  });

  it("an 18th birthday in a leap year is the day itself", () => {
    // Born 29-02-1994 is impossible; born 28-02-1994 → 18 on 28-02-2012, not before.
    const c = { geboortedatum: "1994-02-28", polis_eind: "2012-12-31" };
    expect(evaluateHandwritten(withCase({ ...c, polis_start: "2012-02-27" })).verplicht).toBe("0.00");
    expect(evaluateHandwritten(withCase({ ...c, polis_start: "2012-02-28" })).verplicht).not.toBe("0.00");
    // Born 01-03-1994 → still 17 on 29-02-2012.
    const d = { geboortedatum: "1994-03-01", polis_eind: "2012-12-31" };
    expect(evaluateHandwritten(withCase({ ...d, polis_start: "2012-02-29" })).verplicht).toBe("0.00");
    expect(evaluateHandwritten(withCase({ ...d, polis_start: "2012-03-01" })).verplicht).not.toBe("0.00");
  });
});

describe("input encoding and validation", () => {
  it("accepts the case-file encodings of a bedrag", () => {
    expect(evaluateHandwritten(withCase({ kosten: 50 })).vergoeding).toBe("24.00");
    expect(evaluateHandwritten(withCase({ kosten: "50.00" })).vergoeding).toBe("24.00");
    expect(evaluateHandwritten(withCase({ kosten: "50.000" })).vergoeding).toBe("24.00");
    expect(evaluateHandwritten(withCase({ kosten: 12.5 })).ten_laste_verzekerde).toBe("12.50");
    expect(evaluateHandwritten(withCase({ kosten: "0.07" })).ten_laste_verzekerde).toBe("0.07");
    expect(evaluateHandwritten(withCase({ kosten: "-0" })).vergoeding).toBe("0.00");
    expect(evaluateHandwritten(withCase({ kosten: 50n })).vergoeding).toBe("24.00");
    expect(evaluateHandwritten(withCase({ vrijwillig_eigen_risico: "100.00" })).vrijwillig).toBe("8.00");
    expect(evaluateHandwritten(withCase({ vrijwillig_eigen_risico: 100 })).vrijwillig).toBe("8.00");
  });

  it("is exact on amounts beyond 2^53 cents", () => {
    expect(evaluateHandwritten(withCase({ kosten: "123456789012345678.99" }))).toMatchObject({
      ten_laste_verzekerde: "26.00",
      vergoeding: "123456789012345652.99",
    });
    expect(evaluateHandwritten(withCase({ kosten: "000000000000000000050.10" })).vergoeding).toBe("24.10");
    expect(evaluateHandwritten(withCase({ kosten: "99999999999999999999.99", zorgsoort: "huisarts" })).vergoeding).toBe(
      "99999999999999999999.99",
    );
  });

  it.each([
    ["an impossible date", { polis_eind: "2012-02-30" }, /polis_eind/],
    ["29 februari in a non-leap year", { geboortedatum: "1971-02-29" }, /geboortedatum/],
    ["month 13", { polis_start: "2012-13-01" }, /polis_start/],
    ["a date with time", { polis_start: "2012-01-01T00:00" }, /polis_start/],
    ["a Dutch date", { polis_start: "1-1-2012" }, /polis_start/],
    ["year 0000", { geboortedatum: "0000-01-01" }, /geboortedatum/],
    ["born before 1900", { geboortedatum: "1899-12-31" }, /geboortedatum/],
    ["a date as a number", { polis_start: 20120101 }, /polis_start/],
    ["vrijwillig outside the set", { vrijwillig_eigen_risico: "150" }, /vrijwillig_eigen_risico/],
    ["vrijwillig with cents", { vrijwillig_eigen_risico: "100.01" }, /vrijwillig_eigen_risico/],
    ["negative kosten", { kosten: "-0.01" }, /kosten/],
    ["three decimals", { kosten: "1.234" }, /kosten/],
    ["a float number", { kosten: 0.1 + 0.2 }, /kosten/],
    ["an exponent", { kosten: "1e2" }, /kosten/],
    ["a plus sign", { kosten: "+5" }, /kosten/],
    ["a decimal comma", { kosten: "5,50" }, /kosten/],
    ["no digits before the point", { kosten: ".5" }, /kosten/],
    ["no digits after the point", { kosten: "5." }, /kosten/],
    ["spaces", { kosten: " 5" }, /kosten/],
    ["NaN", { kosten: Number.NaN }, /kosten/],
    ["null", { kosten: null }, /kosten/],
    ["an unknown zorgsoort", { zorgsoort: "tandarts" }, /zorgsoort/],
    ["a zorgsoort in capitals", { zorgsoort: "Huisarts" }, /zorgsoort/],
    ["an unknown field", { kosten_totaal: "5" }, /kosten_totaal/],
    ["a missing field", { kosten: undefined }, /kosten/],
    ["geboortedatum after polis_start", { geboortedatum: "2012-01-02" }, /geboortedatum/],
    ["a period across years", { polis_eind: "2013-01-01" }, /polis_eind/],
  ])("rejects %s", (_, over, veld) => {
    expect(() => evaluateHandwritten(withCase(over))).toThrow(veld);
  });

  it("rejects a case that is not an object", () => {
    expect(() => evaluateHandwritten(null as unknown as Record<string, unknown>)).toThrow();
    expect(() => evaluateHandwritten([] as unknown as Record<string, unknown>)).toThrow();
  });

  it("reports the first failure in declaration order", () => {
    expect(() => evaluateHandwritten(withCase({ polis_start: "x", kosten: "-1" }))).toThrow(/^polis_start/);
    expect(() => evaluateHandwritten(withCase({ kosten: "-1", polis_eind: "2011-01-01" }))).toThrow(/^kosten/);
  });
});

// ------------------------------------------------------------- the oracle

const MS_PER_DAY = 86_400_000;

function utc(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

/** §9.1 written independently: Date arithmetic for days and age, decimal.js for money. */
function oracle(c: Record<string, string>): Record<string, string> {
  const [gy, gm, gd] = c.geboortedatum!.split("-").map(Number) as [number, number, number];
  const [sy, sm, sd] = c.polis_start!.split("-").map(Number) as [number, number, number];
  // verjaardag in the start year, clamped to the month's last day.
  const lastDay = new Date(Date.UTC(sy, gm, 0)).getUTCDate();
  const birthday = Date.UTC(sy, gm - 1, Math.min(gd, lastDay));
  const leeftijd = sy - gy - (Date.UTC(sy, sm - 1, sd) < birthday ? 1 : 0);
  const dagen = (utc(c.polis_eind!) - utc(c.polis_start!)) / MS_PER_DAY + 1;
  const dagenInJaar = (Date.UTC(sy + 1, 0, 1) - Date.UTC(sy, 0, 1)) / MS_PER_DAY;
  const rato = (j: Decimal.Value) =>
    new Decimal(j).times(dagen).dividedBy(dagenInJaar).toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
  const verplicht = leeftijd >= 18 ? rato(220) : new Decimal(0);
  const vrijwillig = leeftijd >= 18 ? rato(c.vrijwillig_eigen_risico!) : new Decimal(0);
  const totaal = verplicht.plus(vrijwillig);
  const kosten = new Decimal(c.kosten!);
  const tenLaste = ["huisarts", "kraamzorg", "verloskunde", "hulpmiddel_bruikleen"].includes(c.zorgsoort!)
    ? new Decimal(0)
    : Decimal.min(kosten, totaal);
  return {
    verplicht: verplicht.toFixed(2),
    vrijwillig: vrijwillig.toFixed(2),
    totaal: totaal.toFixed(2),
    ten_laste_verzekerde: tenLaste.toFixed(2),
    vergoeding: kosten.minus(tenLaste).toFixed(2),
  };
}

describe("generateCases", () => {
  it("is deterministic per seed", () => {
    expect(generateCases(500, 42)).toEqual(generateCases(500, 42));
    expect(generateCases(500, 42)).not.toEqual(generateCases(500, 43));
    expect(generateCases(0, 1)).toEqual([]);
  });

  it("generates valid §9.1 cases that the hand-written version agrees on with an oracle", () => {
    const cases = generateCases(20_000, 12345);
    expect(cases).toHaveLength(20_000);
    const soorten = new Set<string>();
    let schrikkeldag = 0;
    let maandEinde = 0;
    let minderjarig = 0;
    let heelJaar = 0;
    for (const c of cases) {
      expect(Object.keys(c)).toEqual([
        "geboortedatum",
        "polis_start",
        "polis_eind",
        "vrijwillig_eigen_risico",
        "kosten",
        "zorgsoort",
      ]);
      expect(c.geboortedatum! >= "1930-01-01" && c.geboortedatum! <= c.polis_start!).toBe(true);
      expect(c.polis_start! >= "2012-01-01" && c.polis_start! <= c.polis_eind!).toBe(true);
      expect(c.polis_eind! <= "2012-12-31").toBe(true);
      expect(["0", "100", "200", "300", "400", "500"]).toContain(c.vrijwillig_eigen_risico);
      expect(c.kosten).toMatch(/^(0|[1-9][0-9]*)(\.[0-9]{2})?$/);
      expect(Number(c.kosten)).toBeLessThanOrEqual(5000);
      soorten.add(c.zorgsoort!);

      const out = evaluateHandwritten(c); // never throws on a generated case
      expect(out).toEqual(oracle(c));

      const all = [c.geboortedatum!, c.polis_start!, c.polis_eind!];
      if (all.some((d) => d.endsWith("-02-29"))) schrikkeldag++;
      if (all.some((d) => /-(01-31|04-30|06-30|09-30|11-30)$/.test(d))) maandEinde++;
      if (out.verplicht === "0.00") minderjarig++;
      if (c.polis_start === "2012-01-01" && c.polis_eind === "2012-12-31") heelJaar++;
    }
    expect(soorten.size).toBe(6);
    expect(schrikkeldag).toBeGreaterThan(100);
    expect(maandEinde).toBeGreaterThan(100);
    expect(minderjarig).toBeGreaterThan(100);
    expect(heelJaar).toBeGreaterThan(1000);
  });
});
