// Decision tables and values by date (issue 18), end to end: a table and a
// dated value evaluate the same in JavaScript and in SQL (DuckDB), the
// explanation shows the row that applied as a table row, `polis fmt` prints
// them back to the same AST and is stable, `polis doc` renders them as tables,
// `polis diff` reports a dated change as a change of value from a date, and a
// built library picks the version of a policy in force on a date (and refuses
// versions whose `geldig` periods overlap).

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { compile } from "../../compiler/pipeline.js";
import { load } from "../../compiler/emit/load.js";
import { parse } from "../../compiler/syntax/parse.js";
import { printProgram } from "../../compiler/format/print.js";
import { formatSource } from "../../compiler/format/format.js";
import { renderSite } from "../../compiler/doc/site.js";
import { structuralDiff } from "../../compiler/diff/structural.js";
import { semanticDiff } from "../../compiler/diff/semantic.js";
import { inputsArbitrary, caseFileOf } from "../../compiler/cases/generators.js";
import { decideLinesInDuckDb } from "../../cli/engine.js";
import { PolisError } from "../../runtime/diagnostic.js";
import { ROOT, assertBuilt, polis } from "../e2e/cli.js";

const read = (rel: string) => fs.readFileSync(path.join(ROOT, rel), "utf8");
const TABLE = "test/golden/run/tabel.polis";
const FYSIO = "policies/vgz/2012/fysiotherapie.polis";

function compiled(rel: string) {
  const r = compile(read(rel), rel);
  expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return { program: r.program!, policy: r.policy!, module: load(r.policy!) };
}

/** The AST without spans and texts, to compare a printed and re-parsed file. */
function strip(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(strip);
  if (x === null || typeof x !== "object") return x;
  if ("bd" in (x as object)) return String(x);
  return Object.fromEntries(Object.entries(x).filter(([k]) => !k.toLowerCase().endsWith("span") && k !== "text" && k !== "file").map(([k, v]) => [k, strip(v)]));
}

describe("a table is lowered to an ordinary rule", () => {
  it("whose clauses are the rows, keeping the table beside it", () => {
    const { policy } = compiled(FYSIO);
    const rule = policy.rules.find((r) => r.name === "schema")!;
    expect(rule.table?.hitPolicy).toBe("uniek");
    expect(rule.table?.columns).toEqual(["aandoening", "leeftijd", "volgnummer", "nog_last_na_negen"]);
    expect(rule.clauses.map((c) => c.row)).toEqual(rule.table!.rows.map((_, k) => k));
    // The exception names the table like a rule, and the decision data has no table-specific part.
    const exception = policy.rules.find((r) => r.name === "plaats_van_behandeling")!;
    expect(exception.exceptionTo).toEqual([policy.rules.indexOf(rule)]);
    const d = policy.decisions.outputs.find((o) => o.name === "recht_op_vergoeding")!;
    expect(d.candidates.filter((c) => policy.rules[c.rule] === rule)).toHaveLength(rule.clauses.length);
  });

  it("and --explain shows the row that applied as a table row", () => {
    const { module } = compiled(FYSIO);
    const text = module.explain({
      geboortedatum: "2000-05-01", behandeldatum: "2012-05-01", aandoening: "niet_op_chronische_lijst",
      volgnummer: 12, nog_last_na_negen: true, plaats: "praktijkruimte", medisch_voorschrift_thuis: false,
    }).text;
    expect(text).toContain("volgens tabel schema (uniek), rij 4 (artikel 24)");
    expect(text).toMatch(/\| niet_op_chronische_lijst +\| < volwassen +\| vanaf eerste_reeks \+ 1 tot en met eerste_reeks \+ verlenging \| ja +\|\| ja +\|/);
  });
});

describe("JavaScript and SQL agree on a table and a value by date", () => {
  it(`on generated cases of ${TABLE}`, async () => {
    const { policy, module } = compiled(TABLE);
    const cases = fc.sample(inputsArbitrary(policy), { numRuns: 150, seed: 18 }).map((v) => JSON.stringify(caseFileOf(policy.inputs, v)));
    // Also both sides of every period boundary.
    for (const d of ["2011-12-31", "2012-01-01", "2012-12-31", "2013-01-01"]) cases.push(JSON.stringify({ zorg: "thuis", medische_noodzaak: false, uren: 9, datum_zorg: d }));
    const js = cases.map((c, i) => {
      try {
        return JSON.stringify(module.evaluateJson(c, i + 1));
      } catch (e) {
        if (!(e instanceof PolisError)) throw e;
        const d = e.diagnostic;
        return JSON.stringify({ fout: { code: d.code, bericht: d.message, ...(d.field !== undefined ? { veld: d.field } : {}), lijn: d.line ?? i + 1 } });
      }
    });
    expect(js.slice(-4).map((l) => JSON.parse(l) as Record<string, unknown>)).toEqual([
      expect.objectContaining({ fout: expect.objectContaining({ code: "P0714", veld: "datum_zorg" }) }),
      { opgenomen: true, eigen_bijdrage: "32.00" },
      { opgenomen: true, eigen_bijdrage: "32.00" },
      { opgenomen: true, eigen_bijdrage: "33.60" },
    ]);
    expect(await decideLinesInDuckDb(policy, TABLE, cases)).toEqual(js);
  }, 120_000);
});

describe("polis fmt", () => {
  for (const rel of [FYSIO, TABLE, "test/golden/parse/tables/cells.polis", "test/golden/check/dated/good/eigen-risico.polis"]) {
    it(`prints ${rel} back to the same AST, and is stable`, () => {
      const first = parse(read(rel), "a.polis");
      const printed = printProgram(first.program!);
      const again = parse(printed, "a.polis");
      expect(again.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      expect(strip(again.program)).toEqual(strip(first.program));
      const formatted = formatSource(read(rel), "a.polis").text!;
      expect(formatSource(formatted, "a.polis").text).toBe(formatted);
    });
  }

  it("aligns the columns of a table", () => {
    const formatted = formatSource(read(TABLE), "a.polis").text!;
    expect(formatted).toContain(
      [
        "tabel opgenomen (artikel 13.1) uniek:",
        "  | zorg                | medische_noodzaak || opgenomen |",
        "  | {thuis, kraamhotel} | -                 || ja        |",
        "  | ziekenhuis          | ja                || ja        |",
        "  | ziekenhuis          | nee               || nee       | (artikel 13.1 lid 2)",
      ].join("\n"),
    );
  });
});

describe("polis doc", () => {
  it("renders a table as a table and a value by date per period", () => {
    const { policy } = compiled(TABLE);
    const site = renderSite([{ path: "tabel.polis", source: read(TABLE), policy, diagnostics: [], examples: [], properties: [] }], [], { playground: "speelplaats/index.html" });
    const page = site.get("tabel.html")!;
    const table = /<table data-testid="beslistabel">.*?<\/table>/s.exec(page)?.[0] ?? "";
    expect(table).toContain("<th>zorg</th><th>medische_noodzaak</th><th>→ opgenomen</th><th>artikel</th>");
    expect(table).toContain("<td data-kop=\"zorg\">ziekenhuis</td><td data-kop=\"medische_noodzaak\">nee</td><td data-kop=\"→ opgenomen\"><code>nee</code></td><td data-kop=\"artikel\">13.1 lid 2</td>");
    const dated = /<table data-testid="waarden-per-datum">.*?<\/table>/s.exec(page)?.[0] ?? "";
    expect(dated).toContain("1 januari 2013");
    expect(dated).toContain("<code>€ 4,20</code>");
  });
});

describe("polis diff of a value by date", () => {
  it("reports the change as a change of value from a date, and finds exactly the cases from that date", () => {
    const a = compiled("test/diff/dated-oud.polis");
    const b = compiled("test/diff/dated-nieuw.polis");
    const change = structuralDiff(a.program, b.program).find((c) => c.name === "verplicht_eigen_risico")!;
    expect(change.details).toEqual(["vóór 1 januari 2012: € 220 → (geen waarde)", "vanaf 1 januari 2013: € 220 → € 350", "volgens (geen datum) → behandeldatum"]);
    const s = semanticDiff(a, b, { samples: 300 });
    expect(s.witnesses.length).toBeGreaterThan(0);
    for (const w of s.witnesses) expect(String((w.input as Record<string, unknown>)["behandeldatum"]) >= "2013-01-01").toBe(true);
  });
});

describe("polis build: versions of one policy", { timeout: 300_000 }, () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "polis-versies-"));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
  const source = (version: string, geldig: string, amount: string) =>
    `polis eigen_risico "Eigen risico"\n  versie ${version}\n  geldig ${geldig}\n\ninvoer\n  kosten: bedrag vanaf 0\n\nuitvoer\n  eigen_risico: bedrag\n\nregel r (artikel 7.1):\n  eigen_risico min(kosten, ${amount})\n`;

  it("exports a picker that gives the version in force on a date", async () => {
    assertBuilt();
    const dir = path.join(tmp, "goed");
    fs.mkdirSync(path.join(dir, "2012"), { recursive: true });
    fs.mkdirSync(path.join(dir, "2013"), { recursive: true });
    fs.writeFileSync(path.join(dir, "2012", "eigen-risico.polis"), source("2012", "van 1 januari 2012 tot en met 31 december 2012", "€ 220"));
    fs.writeFileSync(path.join(dir, "2013", "eigen-risico.polis"), source("2013", "vanaf 1 januari 2013", "€ 350"));
    const out = path.join(tmp, "out");
    const r = await polis(["build", dir, "--out", out]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const lib = (await import(pathToFileURL(path.join(out, "index.js")).href)) as Record<string, unknown>;
    type Module = { metadata: { version: string }; evaluate(i: unknown): Record<string, unknown> };
    const versieOp = lib["versieOp"] as (n: string, d: string) => Module;
    const pick = lib["eigen_risico_op"] as (d: string) => Module;
    expect(versieOp("eigen_risico", "2012-12-31").metadata.version).toBe("2012");
    expect(versieOp("eigen_risico", "2013-01-01").metadata.version).toBe("2013");
    expect(pick("2030-06-01").evaluate({ kosten: "1000" })).toEqual({ eigen_risico: "350.00" });
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as PolisError).diagnostic.code;
      }
      return undefined;
    };
    expect(code(() => pick("2011-12-31"))).toBe("P0720");
    expect(code(() => versieOp("onbekend", "2012-01-01"))).toBe("P0720");
    expect(code(() => pick("2012-02-30"))).toBe("P0707");
    expect(fs.readFileSync(path.join(out, "index.d.ts"), "utf8")).toContain("export declare function eigen_risico_op(datum: string): typeof _2012_eigen_risico | typeof _2013_eigen_risico;");
  });

  it("refuses versions whose geldig periods overlap, naming both", async () => {
    const dir = path.join(tmp, "overlap");
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "a.polis"), source("2012", "van 1 januari 2012 tot en met 31 december 2012", "€ 220"));
    fs.writeFileSync(path.join(dir, "b.polis"), source("2013", "vanaf 1 juli 2012", "€ 350"));
    const r = await polis(["build", dir, "--out", path.join(tmp, "out2")]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("b.polis:3:3: fout P0529: de versies `a.polis` (versie 2012) en `b.polis` (versie 2013) van `eigen_risico` gelden allebei op 1 juli 2012");
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(fs.existsSync(path.join(tmp, "out2"))).toBe(false);
  });
});
