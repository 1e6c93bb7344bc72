// Explanations for members (issue 16): every repository policy's voorbeelden,
// run through the policy's module as a case, give a member text without
// internal names (no snake_case identifier, no `{…}`), and a rule's own `lid`
// sentence is filled in with Dutch values and its articles.

import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compile, hasErrors } from "../../../compiler/pipeline.js";
import { load } from "../../../compiler/emit/load.js";
import { encodeExact } from "../../../compiler/cases/examples.js";
import { evalConstant } from "../../../compiler/ir/constant.js";
import { fillSentence, renderMemberExplanation, words, type Explanation } from "../../../runtime/explain.js";

const ROOT = path.resolve(__dirname, "../../../policies");

function policyFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    return d.isDirectory() ? policyFiles(p) : d.name.endsWith(".polis") ? [p] : [];
  });
}

/** An identifier in snake_case, as a policy names things internally. */
const SNAKE = /[A-Za-z0-9]_[A-Za-z0-9]/;

describe("member explanations of the repository policies", () => {
  const files = policyFiles(ROOT);
  it("finds the repository policies", () => expect(files.length).toBeGreaterThan(20));
  for (const file of files) {
    it(path.relative(ROOT, file), () => {
      const r = compile(fs.readFileSync(file, "utf8"), file);
      expect(hasErrors(r.diagnostics)).toBe(false);
      const policy = r.policy!;
      const module = load(policy);
      let explained = 0;
      // Bounded: at most 12 voorbeelden per policy keep the suite fast.
      for (const ex of policy.examples.filter((x) => x.expectedError === undefined).slice(0, 12)) {
        const json: Record<string, unknown> = {};
        for (const g of ex.given) json[g.name] = encodeExact(evalConstant(g.value), policy.inputs.find((i) => i.name === g.name)!.desc.type);
        const text = module.explain(json, { voor: "lid" }).text;
        expect(text, `${ex.name}:\n${text}`).not.toMatch(SNAKE);
        expect(text, `${ex.name}:\n${text}`).not.toContain("{");
        expect(text.split("\n").length, ex.name).toBeGreaterThan(2);
        explained++;
      }
      expect(explained).toBeGreaterThan(0);
    });
  }
});

describe("member sentences", () => {
  it("fills placeholders with Dutch values and writes unknown names as words", () => {
    const values = new Map([["verplicht", "€ 1.234,56"], ["eind", "30 januari 2012"], ["kalenderjaar", "2.012"], ["soort", "medisch_specialistische_zorg"]]);
    expect(fillSentence("U betaalt {verplicht} tot {eind} in {kalenderjaar} voor {soort} en {onbekend_ding}.", values)).toBe(
      "U betaalt € 1.234,56 tot 30 januari 2012 in 2012 voor medisch specialistische zorg en onbekend ding.",
    );
    expect(words("eigen_risico_verbruikt")).toBe("eigen risico verbruikt");
  });

  it("uses a rule's lid sentence and cites its articles", () => {
    const file = path.join(ROOT, "vgz/2012/eigen-risico.polis");
    const r = compile(fs.readFileSync(file, "utf8"), file);
    const module = load(r.policy!);
    const text = module.explain(
      { geboortedatum: "1970-03-12", polis_start: "2012-01-01", polis_eind: "2012-01-30", vrijwillig_eigen_risico: "100", eerdere_verzekeringen: [], zorgkosten: [] },
      { voor: "lid" },
    ).text;
    expect(text).toContain("U betaalt € 18 verplicht eigen risico");
    expect(text).toContain("(artikel 7.1, 7.4).");
    expect(text).toContain("tot en met 30 januari 2012");
    expect(text).toContain("Uw eigen risico is in totaal € 26 (artikel 8.3.1).");
  });

  it("reports an unknown placeholder as an unknown name", () => {
    const src = `polis p "P"\n\ninvoer\n  a: bedrag\n\nuitvoer\n  b: bedrag\n\nregel r (artikel 1):\n  lid "U krijgt {b}, want {onbekend}."\n  b a\n`;
    const r = compile(src, "p.polis");
    expect(r.diagnostics.filter((d) => d.severity === "error").map((d) => d.message).join("\n")).toContain("onbekend");
  });
});

describe("generated member sentences read as a letter", () => {
  const explanation = (steps: Explanation["steps"]): Explanation => ({ policy: "p", title: "Infuuspompen", inputs: [], steps });
  const rule = (articles: string[], reads: { name: string; value: string }[] = []) => ({ name: "r", articles, head: "altijd" as const, reads });

  it("cites a heading of the conditions as a heading, not as an article number", () => {
    const text = renderMemberExplanation(explanation([{ output: "toestemming_nodig", value: "nee", byDefault: false, rules: [rule(["Heeft u toestemming nodig"])] }]));
    expect(text).toContain("U hebt geen toestemming nodig (zie „Heeft u toestemming nodig\").");
    expect(text).not.toContain("artikel Heeft");
    const mixed = renderMemberExplanation(explanation([{ output: "vergoeding", value: "€ 1.290", byDefault: false, rules: [rule(["7.1", "Batterijen", "Vergoeding"])] }]));
    expect(mixed).toContain("Vergoeding: € 1.290 (artikel 7.1; zie „Batterijen\" en „Vergoeding\").");
  });

  it("says in the second person whether the member has a right or needs something", () => {
    const step = (output: string, value: string) => ({ output, value, byDefault: false, rules: [rule(["9"])] });
    const text = renderMemberExplanation(explanation([step("recht_op_vergoeding", "ja"), step("recht_op_verblijf", "nee"), step("verwijsbrief_nodig", "ja"), step("handicap_voldoet", "nee")]));
    expect(text).toContain("U hebt recht op vergoeding (artikel 9).");
    expect(text).toContain("U hebt geen recht op verblijf (artikel 9).");
    expect(text).toContain("U hebt verwijsbrief nodig (artikel 9).");
    expect(text).toContain("Dit geldt niet voor u: handicap voldoet (artikel 9).");
  });

  it("labels a value with the output's name, which fits every name", () => {
    const text = renderMemberExplanation(explanation([{ output: "zelf_te_betalen", value: "€ 40", byDefault: false, rules: [rule(["3"])] }]));
    expect(text).toContain("Zelf te betalen: € 40 (artikel 3).");
    expect(text).not.toContain("Uw zelf");
  });

  it("writes a list of plain values as an enumeration and never points to nothing", () => {
    const text = renderMemberExplanation(
      explanation([
        { output: "zittingen", value: "[1, 2, 4,25]", byDefault: false, rules: [rule(["22"])] },
        { output: "perioden", value: "[{van 1 januari 2012}]", byDefault: false, rules: [rule(["23"])] },
        { output: "premie_periode", value: "periode van 1 juli 2012 tot en met 31 december 2012", byDefault: false, rules: [rule(["3.3"])] },
      ]),
    );
    expect(text).toContain("Zittingen: 1; 2 en 4,25 (artikel 22).");
    expect(text).toContain("Perioden is voor u berekend (artikel 23).");
    expect(text).toContain("Premie periode: van 1 juli 2012 tot en met 31 december 2012 (artikel 3.3).");
    expect(text).not.toContain("zie hierboven");
  });
});
