// Regression tests for the findings of the adversarial review (issue 12) that
// this branch fixes: 2 (aantal beyond 2^53), 4 (usage errors, not stack
// traces), 9 (duration overflow), 10 (fmt and years before 1000),
// 11 (encodings and leading zeros), 13 (nesting depth at the right place).
// Each test failed before its fix.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { compile, tooDeep } from "../../compiler/pipeline.js";
import { policyToSql } from "../../compiler/sql/query.js";
import { load } from "../../compiler/emit/load.js";
import { formatSource } from "../../compiler/format/format.js";
import { decodeCase, decodeCaseBytes, encodeValue } from "../../runtime/case.js";
import { PolisError } from "../../runtime/diagnostic.js";
import { MAX_NESTING, MAX_RECORD_NESTING } from "../../grammar/nesting.js";
import { MAX_EXPRESSION_DEPTH } from "../../compiler/syntax/parse.js";
import { ratInt } from "../../runtime/rational.js";
import { assertBuilt, polis } from "../e2e/cli.js";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "polis-reliability-"));

const POLICY = `polis groot "Grote aantallen"

invoer
  n: aantal
  d: duur

uitvoer
  kwadraat: aantal
  dubbel: duur

regel r (artikel 1):
  kwadraat n * n
  dubbel d + d
`;

function moduleOf(source: string) {
  const r = compile(source, "groot.polis");
  expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return load(r.policy!);
}

function errorOf(f: () => unknown): PolisError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(PolisError);
    return e as PolisError;
  }
  throw new Error("expected a PolisError");
}

beforeAll(() => assertBuilt());

describe("finding 2: aantal outputs are exact at every size", () => {
  const m = moduleOf(POLICY);
  it("stays a JSON number up to 2^53 - 1 and becomes exact decimal text above", () => {
    expect(m.evaluate({ n: 3, d: { dagen: 1 } }).kwadraat).toBe(9);
    // 94906267² = 9007199515875289 > 2^53: a float would print …288.
    expect(m.evaluate({ n: 94906267, d: { dagen: 1 } }).kwadraat).toBe("9007199515875289");
    expect(m.evaluate({ n: "4294967296", d: { dagen: 1 } }).kwadraat).toBe("18446744073709551616");
    expect(encodeValue(ratInt(Number.MAX_SAFE_INTEGER), { k: "aantal" })).toBe(Number.MAX_SAFE_INTEGER);
    expect(encodeValue(ratInt(2n ** 53n), { k: "aantal" })).toBe("9007199254740992");
  });
  it("reads back what it writes, through JSON text", () => {
    const out = m.evaluate({ n: "100000000000", d: { dagen: 1 } });
    const back = decodeCase(JSON.parse(JSON.stringify({ n: out.kwadraat, d: { dagen: 1 } })), m.inputFields);
    expect(encodeValue(back.n, { k: "aantal" })).toBe("10000000000000000000000");
  });
  it("prints the exact value from the CLI", async () => {
    const policy = path.join(tmp, "groot.polis");
    const input = path.join(tmp, "groot.json");
    fs.writeFileSync(policy, POLICY);
    fs.writeFileSync(input, '{"n": 9007199254740993, "d": {"dagen": 1}}');
    const r = await polis(["run", policy, "--input", input]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`"kwadraat": "${(9007199254740993n ** 2n).toString()}"`);
  });
});

describe("finding 9: duration arithmetic never passes 2^53 silently", () => {
  const m = moduleOf(POLICY);
  it("is an evaluation error that speaks of a duration, not a date", () => {
    const e = errorOf(() => m.evaluate({ n: 1, d: { dagen: Number.MAX_SAFE_INTEGER } }));
    expect(e.diagnostic.code).toBe("P0811");
    expect(e.diagnostic.message).toMatch(/duur/);
    expect(e.diagnostic.message).not.toMatch(/datum/);
    expect(m.evaluate({ n: 1, d: { dagen: 2 ** 51 } }).dubbel).toEqual({ dagen: 2 ** 52 });
  });
  it("`n dagen` beyond what any date needs says duur too", () => {
    const src = `polis g "G"\n\ninvoer\n  n: aantal\n\nuitvoer\n  d: duur\n\nregel r (artikel 1):\n  d n dagen\n`;
    const e = errorOf(() => moduleOf(src).evaluate({ n: 5_000_000 }));
    expect(e.diagnostic.code).toBe("P0811");
    expect(e.diagnostic.message).toContain("duur");
  });
});

describe("finding 10: fmt keeps dates before the year 1000", () => {
  it("writes four-digit years, so the result parses again", () => {
    const src = `polis oud "Oud"\n  geldig van 1 januari 0999 tot en met 31 december 0999\n\ninvoer\n  d: datum\n\nuitvoer\n  vroeg: janee\n\nregel r (artikel 1):\n  vroeg d < 2 februari 0050\n`;
    const once = formatSource(src, "oud.polis");
    expect(once.text).toBeDefined();
    expect(once.text).toContain("1 januari 0999");
    expect(once.text).toContain("2 februari 0050");
    expect(formatSource(once.text!, "oud.polis").text).toBe(once.text);
    expect(compile(once.text!, "oud.polis").policy).toBeDefined();
  });
});

describe("finding 11: case files are valid UTF-8 JSON", () => {
  const enc = (s: string) => new TextEncoder().encode(s);
  it("accepts a UTF-8 byte order mark (documented)", () => {
    expect(decodeCaseBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...enc('{"a": 1}')]))).toBe('{"a": 1}');
  });
  it("rejects UTF-16, with a message that says so", () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...'{"a":1}'].flatMap((c) => [c.charCodeAt(0), 0])]);
    const e = errorOf(() => decodeCaseBytes(utf16));
    expect(e.diagnostic.code).toBe("P0701");
    expect(e.diagnostic.message).toContain("UTF-16");
    const noBom = new Uint8Array([...[...'{"a":1}'].flatMap((c) => [c.charCodeAt(0), 0])]);
    expect(errorOf(() => decodeCaseBytes(noBom)).diagnostic.message).toContain("UTF-16");
  });
  it("rejects Latin-1 and stray bytes instead of replacing them with U+FFFD", () => {
    const latin1 = new Uint8Array([...enc('{"naam": "caf'), 0xe9, ...enc('"}')]);
    const e = errorOf(() => decodeCaseBytes(latin1));
    expect(e.diagnostic.message).toContain("UTF-8");
    expect(e.diagnostic.message).toContain("byte 14");
    expect(e.diagnostic.hint).toContain("Latin-1");
    // An overlong encoding and a lone surrogate are not UTF-8 either.
    expect(() => decodeCaseBytes(new Uint8Array([0x22, 0xc0, 0xaf, 0x22]))).toThrow(PolisError);
    expect(() => decodeCaseBytes(new Uint8Array([0x22, 0xed, 0xa0, 0x80, 0x22]))).toThrow(PolisError);
    expect(decodeCaseBytes(enc('"één €"'))).toBe('"één €"');
  });
  it("rejects numbers with leading zeros, in strings too", () => {
    const m = moduleOf(POLICY);
    for (const n of ["00012", "012", "-01.5"]) {
      const e = errorOf(() => m.evaluate({ n, d: { dagen: 1 } }));
      expect(e.diagnostic.code).toBe("P0706");
      expect(e.diagnostic.field).toBe("n");
      expect(e.diagnostic.hint).toContain("voorloopnullen");
    }
    // The compiled decoder (used from the eighth case on) agrees.
    for (let i = 0; i < 12; i++) expect(m.evaluate({ n: "0", d: { dagen: 1 } }).kwadraat).toBe(0);
    expect(errorOf(() => m.evaluate({ n: "00012", d: { dagen: 1 } })).diagnostic.code).toBe("P0706");
  });
  it("the CLI prints {\"fout\": …} and exits 2 for a Latin-1 or UTF-16 case file", async () => {
    const policy = path.join(tmp, "groot.polis");
    fs.writeFileSync(policy, POLICY);
    for (const [name, bytes] of [
      ["latin1.json", Buffer.from('{"n": 1, "d": {"dagen": 1}, "x": "caf\xe9"}', "latin1")],
      ["utf16.json", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"n": 1}', "utf16le")])],
    ] as const) {
      fs.writeFileSync(path.join(tmp, name), bytes);
      const r = await polis(["run", policy, "--input", path.join(tmp, name)]);
      expect(r.status, name).toBe(2);
      expect(JSON.parse(r.stdout).fout.code).toBe("P0701");
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });
});

describe("finding 4: usage errors exit 2 with a Dutch message, never a stack trace", () => {
  const policy = path.join(tmp, "groot.polis");
  beforeAll(() => fs.writeFileSync(policy, POLICY));
  const expectUsage = (r: { status: number | null; stderr: string }, pattern: RegExp) => {
    expect(r.stderr).toMatch(pattern);
    expect(r.stderr).not.toMatch(/interne fout|\n\s+at /);
    expect(r.status).toBe(2);
  };
  it("a broken symbolic link in a policy folder (check, test, fmt, build)", async () => {
    const dir = path.join(tmp, "kapot");
    fs.mkdirSync(dir);
    fs.copyFileSync(policy, path.join(dir, "goed.polis"));
    fs.symlinkSync("bestaat-niet.polis", path.join(dir, "kapot.polis"));
    for (const args of [["check", dir], ["test", dir], ["fmt", dir], ["build", dir, "--out", path.join(tmp, "uit-kapot")]]) {
      expectUsage(await polis(args), /symbolische koppeling/);
    }
  });
  it("a symbolic link loop in a policy folder", async () => {
    const dir = path.join(tmp, "lus");
    fs.mkdirSync(path.join(dir, "sub"), { recursive: true });
    fs.copyFileSync(policy, path.join(dir, "goed.polis"));
    fs.symlinkSync("..", path.join(dir, "sub", "terug"));
    expectUsage(await polis(["check", dir]), /kring/);
    const dir2 = path.join(tmp, "lus2");
    fs.mkdirSync(dir2);
    fs.symlinkSync("b.polis", path.join(dir2, "a.polis"));
    fs.symlinkSync("a.polis", path.join(dir2, "b.polis"));
    for (const c of ["check", "test", "fmt"]) expectUsage(await polis([c, dir2]), /kring/);
  });
  it("a .jsonl input that is a directory, `--input .` and an empty name", async () => {
    const dir = path.join(tmp, "cases.jsonl");
    fs.mkdirSync(dir);
    expectUsage(await polis(["run", policy, "--input", dir]), /is een map/);
    expectUsage(await polis(["run", policy, "--input", "."]), /`\.` is een map/);
    expectUsage(await polis(["run", policy, "--input", ""]), /bestandsnaam is leeg/);
  });
});

describe("finding 13: the depth limit is generous and points at the expression", () => {
  const wrap = (body: string) => `polis diep "Diep"\n\ninvoer\n  x: getal\n\nuitvoer\n  y: getal\n\nregel r (artikel 1):\n  y ${body}\n`;
  /** `(x + (x + … (x) …))`: n brackets, each one more operation deep. */
  const rightNested = (n: number) => "(x + ".repeat(n) + "x" + ")".repeat(n);

  it(`${MAX_NESTING} nested parentheses compile and run; one more is P0204 at the bracket`, () => {
    expect(MAX_NESTING).toBeGreaterThanOrEqual(1000);
    const ok = compile(wrap("(".repeat(MAX_NESTING) + "x" + ")".repeat(MAX_NESTING)), "diep.polis");
    expect(ok.diagnostics).toEqual([]);
    expect(load(ok.policy!).evaluate({ x: "2" })).toEqual({ y: "2" });
    const n = MAX_NESTING + 1;
    const bad = compile(wrap("(".repeat(n) + "x" + ")".repeat(n)), "diep.polis");
    expect(bad.diagnostics.map((d) => [d.code, d.span?.line, d.span?.column])).toEqual([["P0204", 10, 4 + MAX_NESTING + 1]]);
  });

  it("1000 brackets each one operation deeper compile, run and translate to SQL", () => {
    const ok = compile(wrap(rightNested(1000)), "diep.polis");
    expect(ok.diagnostics).toEqual([]);
    expect(load(ok.policy!).evaluate({ x: "1" })).toEqual({ y: "1001" });
    expect(policyToSql(ok.policy!, { dialect: "duckdb", table: "t" })).toMatch(/^SELECT /);
  });

  it("deep calls and lists are read in pieces too, with their syntax errors at the right place", () => {
    const calls = compile(wrap("abs(".repeat(600) + "x" + ")".repeat(600)), "diep.polis");
    expect(calls.diagnostics).toEqual([]);
    expect(load(calls.policy!).evaluate({ x: "-3" })).toEqual({ y: "3" });
    // A missing operand 500 brackets deep: reported at the `)` after `+`, as without pieces.
    const body = "(".repeat(500) + "x +" + ")".repeat(500);
    const bad = compile(wrap(body), "diep.polis");
    expect(bad.diagnostics.map((d) => [d.code, d.span?.line, d.span?.column])).toEqual([["P0203", 10, 4 + 500 + 3 + 1]]);
  });

  it("records nest up to MAX_RECORD_NESTING, then P0204 at the `{`", () => {
    const src = (n: number) =>
      `polis diep "Diep"\n\ninvoer\n  x: getal\n\nuitvoer\n  y: getal\n\nregel r (artikel 1):\n  y x\n\nvoorbeeld "v":\n  gegeven x ${"{a ".repeat(n)}1${"}".repeat(n)}\n  verwacht y 1\n`;
    // At the limit the file parses (the checker then says a getal is no record).
    expect(compile(src(MAX_RECORD_NESTING), "diep.polis").diagnostics.map((d) => d.code)).not.toContain("P0204");
    const bad = compile(src(MAX_RECORD_NESTING + 1), "diep.polis");
    expect(bad.diagnostics.map((d) => [d.code, d.span?.line, d.span?.column])).toEqual([["P0204", 13, 13 + 3 * MAX_RECORD_NESTING]]);
    expect(bad.diagnostics[0]!.message).toContain(`meer dan ${MAX_RECORD_NESTING} gegevens`);
  });

  it("long chains of operators are fine up to the limit, then P0204 inside the expression", () => {
    const sum = (n: number) => Array.from({ length: n }, () => "x").join(" + ");
    const ok = compile(wrap(sum(MAX_EXPRESSION_DEPTH - 20)), "diep.polis");
    expect(load(ok.policy!).evaluate({ x: "1" })).toEqual({ y: String(MAX_EXPRESSION_DEPTH - 20) });
    const bad = compile(wrap(sum(3 * MAX_EXPRESSION_DEPTH)), "diep.polis");
    expect(bad.diagnostics).toHaveLength(1);
    expect(bad.diagnostics[0]!.code).toBe("P0204");
    expect(bad.diagnostics[0]!.span?.line).toBe(10);
    const neg = compile(wrap("- ".repeat(3000) + "x"), "diep.polis");
    expect(neg.diagnostics.map((d) => [d.code, d.span?.line])).toEqual([["P0204", 10]]);
    const not = compile(wrap("indien " + "niet ".repeat(3000) + "x > 0 dan 1 anders 0"), "diep.polis");
    expect(not.diagnostics.map((d) => [d.code, d.span?.line])).toEqual([["P0204", 10]]);
  });

  it("polis build takes the deepest expressions too: deep parts become methods of their own, with their locals", async () => {
    const sum = (term: string, n: number) => Array.from({ length: n }, () => term).join(" + ");
    const dir = path.join(tmp, "diep-bouw");
    fs.mkdirSync(dir, { recursive: true });
    const depth = MAX_EXPRESSION_DEPTH - 20;
    fs.writeFileSync(
      path.join(dir, "diep.polis"),
      `polis diep "Diep"\n\ngegevens Post:\n  k: getal\n\ninvoer\n  x: getal\n  posten: lijst van Post\n\nuitvoer\n  y: getal\n  z: getal\n  s: getal\n\n` +
        `functie f(a: getal): getal = ${sum("a", depth)}\n\n` +
        `regel r (artikel 1):\n  y ${sum("x", depth)}\n  z f(x)\n  s som van ${sum("p.k", 300)} voor p in posten\n`,
    );
    const out = path.join(tmp, "diep-bouw-uit");
    const r = await polis(["build", dir, "--out", out]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const lib = (await import(pathToFileURL(path.join(out, "index.js")).href)) as Record<string, { evaluate(i: unknown): unknown }>;
    expect(lib["diep"]!.evaluate({ x: "2", posten: [{ k: "1" }, { k: "3" }] })).toEqual({ y: String(2 * depth), z: String(2 * depth), s: "1200" });
    // The in-process module is generated by the same printer and agrees.
    const compiled = compile(fs.readFileSync(path.join(dir, "diep.polis"), "utf8"), "diep.polis");
    expect(load(compiled.policy!).evaluate({ x: "2", posten: [{ k: "1" }, { k: "3" }] })).toEqual({ y: String(2 * depth), z: String(2 * depth), s: "1200" });
  });

  it("a stack overflow that gets past the limits still names the deepest place, not line 1 column 1", () => {
    const overflow = new RangeError("Maximum call stack size exceeded");
    const source = wrap("x + (x * [x, (x)])");
    const [fromTokens] = tooDeep(overflow, "diep.polis", source);
    expect([fromTokens!.code, fromTokens!.span?.line, fromTokens!.span?.column]).toEqual(["P0204", 10, 18]);
    const program = compile(source, "diep.polis").program!;
    const [fromAst] = tooDeep(overflow, "diep.polis", source, program);
    expect([fromAst!.code, fromAst!.span?.line]).toEqual(["P0204", 10]);
    expect(fromAst!.span?.column).toBeGreaterThan(4);
    expect(() => tooDeep(new Error("iets anders"), "diep.polis", source)).toThrow("iets anders");
  });
});
