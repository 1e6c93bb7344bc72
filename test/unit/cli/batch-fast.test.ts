// The generated fast path of `polis run POLICY --input CASES.jsonl`
// (cli/batch-fast.ts) against the general path (parseCaseLine, decodeCase,
// JSON.stringify): on generated lines, good and bad, both must give the very
// same bytes on stdout, the same diagnostics and the same exit code. Lines
// are the usual case objects and mutations of them: keys missing, extra,
// doubled or out of order, whitespace, numbers bare or with an exponent,
// escapes, non-ASCII, impossible dates, values outside a beperking, trailing
// text, blank lines, CRLF.

import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compile } from "../../../compiler/pipeline.js";
import { load } from "../../../compiler/emit/load.js";
import { LineDecider, type BatchSetup } from "../../../cli/batch-lines.js";
import { generateCases } from "../../../bench/cases.js";
import { compileByteReader } from "../../../cli/batch-bytes.js";
import { compileLineReader } from "../../../cli/batch-fast.js";
import { parseCaseLine } from "../../../cli/fast-json.js";
import { decodeCase } from "../../../runtime/case.js";

const ROOT = path.resolve(import.meta.dirname, "../../..");

const MIXED = `polis mengsel "Elk soort invoer"

soort Kleur: rood, groen, blauw

invoer
  naam: tekst
  is_lid: janee
  kinderen: aantal tot en met 20
  factor: getal
  korting: percentage
  ingang: datum vanaf 1 januari 2000 tot en met 31 december 2030
  kleur: Kleur
  prijs: bedrag vanaf 0
  extra: aantal optioneel

uitvoer
  totaal: bedrag
  kinderen_plus: aantal
  verhouding: getal
  welkom: tekst
  lid_af: janee
  peildatum: datum
  rest: bedrag

regel totaal (artikel 1):
  totaal (prijs * factor - prijs * korting) afgerond op centen

regel kinderen (artikel 2):
  kinderen_plus kinderen + 1

regel verhouding (artikel 3):
  verhouding factor / 3

regel welkom (artikel 4):
  welkom naam

regel lidmaatschap (artikel 5):
  lid_af is_lid

regel peil (artikel 6):
  peildatum ingang

regel rest (artikel 7):
  rest prijs
`;

function deciders(file: string, text: string, setup: Partial<BatchSetup> = {}) {
  const compiled = compile(text, file);
  if (!compiled.policy) throw new Error(`${file} does not compile`);
  const module = load(compiled.policy);
  const full: BatchSetup = { explain: false, color: false, sourceFile: file, sourceText: text, ...setup };
  return { module, fast: new LineDecider(module, full, true), general: new LineDecider(module, full, false) };
}

/** The generated readers take these (good) lines and give what the general path gives. */
function readersTake(d: ReturnType<typeof deciders>, lines: string[], text = true): void {
  const fields = d.module.inputFields;
  const bytes = compileByteReader(fields);
  const reader = compileLineReader(fields);
  expect(bytes).not.toBeNull();
  expect(reader).not.toBeNull();
  for (const line of lines) {
    const json = parseCaseLine(line, 1);
    // The text reader wants every field (it makes the JSON value, where a missing key is no key).
    if (text) expect(reader!(line, 0, line.length), line).toEqual(json);
    const b = new TextEncoder().encode(line);
    expect(bytes!(b, 0, b.length), line).toEqual(decodeCase(json, fields, 1));
  }
}

/** Both paths on the same bytes: identical output, diagnostics and exit code. */
function agree(d: ReturnType<typeof deciders>, lines: string[], firstLine = 1): void {
  const bytes = new TextEncoder().encode(lines.join("\n") + "\n");
  const a = d.fast.decideBytes(bytes.slice(), firstLine);
  const b = d.general.decideBytes(bytes.slice(), firstLine);
  expect(Buffer.from(a.out).toString("utf8")).toBe(Buffer.from(b.out).toString("utf8"));
  expect(a.err).toBe(b.err);
  expect(a.worst).toBe(b.worst);
  expect(a.out.buffer.byteLength).toBe(a.out.byteLength); // a buffer of its own, to move to another thread
}

/** Text-level mutations of one case line (`o`: the case as an object). */
const MUTATIONS: ((o: Record<string, unknown>, line: string, r: () => number) => string)[] = [
  (_o, line) => line,
  (o) => JSON.stringify(Object.fromEntries(Object.entries(o).reverse())),
  (o) => JSON.stringify(Object.fromEntries(Object.entries(o).slice(1))),
  (o) => JSON.stringify(Object.fromEntries(Object.entries(o).slice(0, -1))),
  (o) => JSON.stringify({ ...o, onbekend: 1 }),
  (_o, line) => line.replace("{", '{"kosten": "1", '),
  (_o, line) => line.replace(/,/g, " ,\t").replace(/:/g, " : ").replace("{", " { ").replace(/}$/, " } "),
  (_o, line) => line.replace(/"(-?[0-9]+(?:\.[0-9]+)?)"/g, "$1"),
  (_o, line) => line.replace(/"(-?[0-9]+(?:\.[0-9]+)?)"/, "$1e0"),
  (_o, line) => line.replace(/"(-?[0-9]+)(\.[0-9]+)?"/, "0$1"),
  (_o, line) => line.replace(/"(-?[0-9]+)(\.[0-9]+)?"/, "$1."),
  (_o, line) => line.replace(/"(-?[0-9]+)(\.[0-9]+)?"/, '"-$1$2"'),
  (_o, line) => line.replace(/"(-?[0-9]+)(\.[0-9]+)?"/, '"$1.125"'),
  (_o, line) => line.replace(/"(-?[0-9]+)(\.[0-9]+)?"/, "-0"),
  (_o, line) => line.replace(/"(-?[0-9]+)(\.[0-9]+)?"/, '"12345678901234567890.5"'),
  (_o, line) => line.replace(/"(-?[0-9]+)(\.[0-9]+)?"/, "123456789012345678"),
  (_o, line) => line.replace(/"(-?[0-9]+)(\.[0-9]+)?"/, "150"),
  (_o, line) => line.replace(/"(-?[0-9]+)(\.[0-9]+)?"/, '"1,5"'),
  (_o, line) => line.replace(/"([0-9]{4})-([0-9]{2})-/, '"$1-02-').replace(/-02-[0-9]{2}"/, "-02-30\""),
  (_o, line) => line.replace(/"([0-9]{4})-[0-9]{2}-/, '"$1-13-'),
  (_o, line) => line.replace(/"[0-9]{4}-/, '"1899-'),
  (_o, line) => line.replace(/"[0-9]{4}-/, '"0000-'),
  (_o, line) => line.replace(/"([0-9]{4}-[0-9]{2}-[0-9]{2})"/, '"$1 "'),
  (_o, line) => line.replace(/"([a-z_]+)"(,|})/, '"\\u0041$1"$2'),
  (_o, line) => line.replace(/"([a-z_]+)"(,|})/, '"é$1"$2'),
  (_o, line) => line.replace(/"([a-z_]+)"(,|})/, '"$1\t"$2'),
  (_o, line) => line.replace(/"([a-z_]+)"(,|})/, "true$2"),
  (_o, line) => line.replace(/"([a-z_]+)"(,|})/, "null$2"),
  (_o, line) => line.replace(/"([a-z_]+)"(,|})/, '{"a": 1}$2'),
  (_o, line) => line.replace(/"([a-z_]+)"(,|})/, "[1, 2]$2"),
  (_o, line) => line.replace(/"(-?[0-9]+)(\.[0-9]+)?"/, "true"),
  (_o, line) => line.replace(/"(-?[0-9]+)(\.[0-9]+)?"/, "nul"),
  (_o, line) => line.replace(/"([a-z_]+)":/, '"$1\\u0000":'),
  (_o, line) => line.replace(/"([a-z_]+)":/, '"$1"'),
  (_o, line) => line.replace(/,/, ",,"),
  (_o, line) => line + " x",
  (_o, line) => line + "}",
  (_o, line) => line.slice(0, -1),
  (_o, line, r) => line.slice(0, Math.floor(r() * line.length)),
  (_o, line) => line + "\r",
  () => "",
  () => "   ",
  () => "[]",
  () => "null",
  (_o, line) => `[${line}]`,
  (_o, line) => line.replace(/"/, "'"),
  (_o, line) => line.replace(/"([a-z_]+)":/, '"__proto__":'),
];

function mutatedLines(cases: Record<string, unknown>[], seed: number): string[] {
  return fc.sample(
    fc.tuple(fc.constantFrom(...cases), fc.nat(MUTATIONS.length - 1), fc.nat(MUTATIONS.length - 1), fc.double({ min: 0, max: 1, noNaN: true })),
    { numRuns: 3000, seed },
  ).map(([o, m1, m2, x]) => {
    const r = () => x;
    const once = MUTATIONS[m1]!(o, JSON.stringify(o), r);
    // Now and then two mutations (the second on the text the first made).
    return m2 % 3 === 0 ? MUTATIONS[m2]!(o, once, r) : once;
  });
}

describe("the generated fast path decides .jsonl lines exactly as the general path", () => {
  it("on the golden policies and their cases (outputs of every type, in any order)", () => {
    const dir = path.join(ROOT, "test/golden/run");
    const files = fs.readdirSync(dir);
    let policies = 0;
    for (const name of files.filter((f) => f.endsWith(".polis"))) {
      const base = name.slice(0, -".polis".length);
      const lines = files.filter((f) => f.startsWith(`${base}.`) && f.endsWith(".case.json")).map((f) => fs.readFileSync(path.join(dir, f), "utf8").replace(/[\r\n]+/g, " ").trim());
      if (lines.length === 0) continue;
      policies++;
      const d = deciders(`test/golden/run/${name}`, fs.readFileSync(path.join(dir, name), "utf8"));
      agree(d, lines);
      agree(d, lines.map((l) => l.replace(/\s+/g, "")));
    }
    expect(policies).toBeGreaterThan(5);
  });

  const file = "test/spec/vgz-eigen-risico.polis";
  const spec = deciders(file, fs.readFileSync(path.join(ROOT, file), "utf8"));

  it("on §9.1 cases as the bench writes them", () => {
    const lines = generateCases(5000, 7).map((c) => JSON.stringify(c));
    readersTake(spec, lines.slice(0, 500));
    readersTake(spec, lines.slice(0, 100).map((l) => l.replace(/"(-?[0-9]+(?:\.[0-9]+)?)"/g, "$1").replace(/,/g, " , ")));
    agree(spec, lines);
  });

  it("on mutated §9.1 lines, good and bad", () => {
    const cases = generateCases(200, 11);
    agree(spec, mutatedLines(cases, 1), 1);
    agree(spec, mutatedLines(cases, 2), 123_456);
  });

  it("with a byte order mark, CRLF line ends and no final newline", () => {
    const good = JSON.stringify(generateCases(1, 3)[0]);
    for (const text of [`\uFEFF${good}\n${good}`, `${good}\r\n${good}\r\n`, `${good}\n\n\r\n${good}`]) {
      const bytes = new TextEncoder().encode(text);
      const a = spec.fast.decideBytes(bytes.slice(), 1);
      const b = spec.general.decideBytes(bytes.slice(), 1);
      expect(Buffer.from(a.out).toString()).toBe(Buffer.from(b.out).toString());
      expect(a.err).toBe(b.err);
    }
  });

  it("with explanations (--explain --format jsonl)", () => {
    const explain = deciders(file, fs.readFileSync(path.join(ROOT, file), "utf8"), { explain: true });
    agree(explain, mutatedLines(generateCases(50, 5), 3).slice(0, 400));
  });

  it("on a policy with inputs and outputs of every scalar type", () => {
    const mixed = deciders("mengsel.polis", MIXED);
    const kleur = fc.constantFrom("rood", "groen", "blauw", "paars");
    const number = fc.oneof(
      fc.integer({ min: -30, max: 3000 }).map(String),
      fc.tuple(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 99 })).map(([a, b]) => `${a}.${String(b).padStart(2, "0")}`),
    );
    const date = fc.date({ min: new Date("1990-01-01"), max: new Date("2040-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    const cases = fc.sample(
      fc.record({
        naam: fc.string({ maxLength: 12, unit: fc.constantFrom("a", "b", "é", "€", " ", "Z", "ü", "\u{1F600}") }),
        is_lid: fc.boolean(),
        kinderen: fc.integer({ min: -1, max: 25 }),
        factor: number,
        korting: number,
        ingang: date,
        kleur,
        prijs: number,
      }),
      { numRuns: 200, seed: 4 },
    );
    // The cases that satisfy every beperking: the readers must take them all.
    const valid = cases.filter((c) => c.kinderen >= 0 && c.kinderen <= 20 && c.kleur !== "paars" && !c.prijs.startsWith("-") && c.ingang >= "2000" && c.ingang < "2031");
    expect(valid.length).toBeGreaterThan(20);
    readersTake(mixed, valid.map((c) => JSON.stringify(c)), false);
    readersTake(mixed, valid.map((c) => JSON.stringify({ ...c, extra: 2 })));
    readersTake(mixed, valid.map((c) => JSON.stringify({ ...c, extra: null })));
    agree(mixed, mutatedLines(cases, 5));
    // Bare numbers where the case has numbers (kinderen is one already), and the optional input given.
    agree(mixed, cases.map((c) => JSON.stringify({ ...c, extra: 3 }).replace(/"(-?[0-9]+(?:\.[0-9]+)?)"/g, "$1")));
  });
});
