// Diagnostics for authors (issue 13): misspelt keywords get a suggestion, no
// internal token name reaches a message, `18 jaar` is not called a duration
// in months, every independent syntax error is reported, and a percentage
// written as a fraction (`0,2`) gets a warning with the fix.

import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compile } from "../../../compiler/pipeline.js";
import { allTokens } from "../../../grammar/tokens.js";
import { keywordFor, typoDistance } from "../../../grammar/typos.js";
import { timesHundred } from "../../../compiler/check/percentages.js";
import { lex } from "../../../grammar/lexer.js";

const ROOT = path.resolve(import.meta.dirname, "../../..");

const HEAD = ['polis t "t"', "invoer", "  leeftijd: aantal", "  kosten: bedrag", "  bijdrage: percentage", "uitvoer", "  x: janee", "  y: bedrag"];
const policy = (...lines: string[]) => [...HEAD, ...lines, ""].join("\n");

describe("misspelt keywords", () => {
  it("counts a swap of neighbours as one typo", () => {
    expect(typoDistance("indein", "indien")).toBe(1);
    expect(typoDistance("regle", "regel")).toBe(1);
    expect(keywordFor("artikle")).toBe("artikel");
    expect(keywordFor("kosten")).toBeUndefined();
    expect(keywordFor("jaartal")).toBeUndefined();
  });

  for (const [typo, keyword, text] of [
    ["indein", "indien", policy("regel r (artikel 1):", "  indein leeftijd >= 18 dan x ja", "  anders x nee")],
    ["regle", "regel", policy("regle r (artikel 1):", "  x ja")],
    ["artikle", "artikel", policy("regel r (artikle 1):", "  x ja")],
    ["uitvore", "uitvoer", policy("uitvore", "  z: bedrag", "regel r (artikel 1):", "  x ja")],
  ] as const) {
    it(`suggests \`${keyword}\` for \`${typo}\`, with the place of the word to replace`, () => {
      const r = compile(text, "t.polis");
      const d = r.diagnostics.find((x) => x.code === "P0203")!;
      expect(d.hint).toBe(`\`${typo}\` is geen sleutelwoord; bedoelde u \`${keyword}\`?`);
      expect(d.params.suggestions).toEqual([keyword]);
      const at = (d.params.wordSpan as { start: number; end: number });
      expect(text.slice(at.start, at.end)).toBe(typo);
      // The fix applied: no syntax error left.
      const fixed = text.slice(0, at.start) + keyword + text.slice(at.end);
      expect(compile(fixed, "t.polis").diagnostics.filter((x) => x.code === "P0203")).toEqual([]);
    });
  }

  it("does not take a declared name for a keyword", () => {
    const r = compile(policy("begrip jaartal: aantal = jaar(1 januari 2012)"), "t.polis");
    expect(r.diagnostics.map((d) => d.hint ?? "")).not.toContainEqual(expect.stringContaining("geen sleutelwoord"));
  });
});

describe("syntax messages", () => {
  const internal = new RegExp(`\\b(${allTokens.map((t) => t.name).concat(["EOF"]).join("|")})\\b`);

  it("never name an internal token, on every policy with tokens taken out", () => {
    const files = ["examples/vgz-eigen-risico.polis", "test/spec/vgz-ggz-verblijf.polis", "test/lsp/fixtures/zorg.polis"];
    let seen = 0;
    for (const f of files) {
      const text = fs.readFileSync(path.join(ROOT, f), "utf8");
      const tokens = lex(text, f).tokens;
      for (let i = 0; i < tokens.length; i += 3) {
        const t = tokens[i]!;
        const broken = text.slice(0, t.startOffset) + text.slice(t.endOffset! + 1);
        for (const d of compile(broken, f).diagnostics) {
          seen++;
          expect(d.message, `${f} without token ${i} \`${t.image}\``).not.toMatch(internal);
          expect(d.hint ?? "", `${f} without token ${i}`).not.toMatch(internal);
        }
      }
    }
    expect(seen).toBeGreaterThan(100);
  });

  it("say `een naam` where a field name is expected", () => {
    const r = compile(policy("begrip b: aantal = leeftijd.3"), "t.polis");
    const d = r.diagnostics.find((x) => x.code === "P0203")!;
    expect(d.message).toMatch(/een naam/);
  });

  it("report every independent syntax error, one per broken declaration", () => {
    const text = policy(
      "functie f(a: aantal: aantal = a",
      "soort S: a b, , c",
      "regel r1 (artikel 1)",
      "  indien leeftijd >= 18 dan x ja",
      "parameter p: bedrag = € 5 +",
      "begrip b: aantal = (3",
      "regel r2 (artikel 2):",
      "  y leeftijd >>= 3",
      'eigenschap "e": leeftijd > 3',
    );
    const lines = compile(text, "t.polis").diagnostics.filter((d) => d.code === "P0203").map((d) => d.span!.line);
    const first = HEAD.length + 1;
    // functie, soort, regel r1 (at `indien`), parameter (at `begrip`), begrip (at `regel`), regel r2, eigenschap.
    expect(lines).toEqual([first, first + 1, first + 3, first + 5, first + 6, first + 7, first + 8]);
  });
});

describe("durations in years", () => {
  it("are not called a duration in months", () => {
    const r = compile(policy("regel r (artikel 1):", "  indien leeftijd >= 18 jaar dan x ja", "  anders x nee"), "t.polis");
    const d = r.diagnostics.find((x) => x.code === "P0402")!;
    expect(d.message).toBe("`>=` kan niet met `aantal` en een `duur` in maanden of jaren");
    expect(d.hint).toContain("`leeftijd >= 18`");
  });
});

describe("a percentage written as a fraction", () => {
  it("shifts the decimal comma exactly", () => {
    expect(["0,2", "0,05", "0,125", "0,001", "0,50"].map(timesHundred)).toEqual(["20", "5", "12,5", "0,1", "50"]);
  });

  const cases: [string, string[]][] = [
    ["parameter", ["parameter deel: percentage = 0,2 (artikel 1)", "regel r (artikel 1):", "  y (kosten * deel) afgerond op centen", "regel s (artikel 2):", "  x ja"]],
    ["comparison", ["regel r (artikel 1):", "  indien bijdrage > 0,25 dan x ja", "  anders x nee", "regel s (artikel 2):", "  y kosten"]],
    ["voorbeeld", ["regel r (artikel 1):", "  x ja", "regel s (artikel 2):", "  y kosten", 'voorbeeld "v":', "  gegeven leeftijd 1, kosten € 1, bijdrage 0,2", "  verwacht x ja"]],
  ];
  for (const [where, lines] of cases) {
    it(`warns in a ${where}, with the fix`, () => {
      const text = policy(...lines);
      const r = compile(text, "t.polis");
      const warnings = r.diagnostics.filter((d) => d.code === "P0417");
      expect(warnings).toHaveLength(1);
      const w = warnings[0]!;
      expect(w.severity).toBe("warning");
      const literal = text.slice(w.span!.start, w.span!.end);
      expect(w.message).toBe(`\`${literal}\` als percentage is ${literal} %`);
      const fix = (w.params.suggestions as string[])[0]!;
      expect(w.hint).toBe(`een percentage schrijft u met %: bedoelde u \`${fix}\`?`);
      const fixed = text.slice(0, w.span!.start) + fix + text.slice(w.span!.end);
      const after = compile(fixed, "t.polis");
      expect(after.diagnostics.filter((d) => d.severity === "error" || d.code === "P0417")).toEqual([]);
    });
  }

  it("leaves 20 %, 0 and numbers that are not percentages alone", () => {
    const r = compile(policy("parameter deel: percentage = 20 % (artikel 1)", "parameter nul: percentage = 0 (artikel 1)", "parameter factor: getal = 0,2 (artikel 1)", "regel r (artikel 1):", "  y kosten * deel * factor"), "t.polis");
    expect(r.diagnostics.filter((d) => d.code === "P0417")).toEqual([]);
  });
});
