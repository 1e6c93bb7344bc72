// The machine interfaces of the CLI (issue 15 §3): `polis check --format
// json`, `polis test --reporter json|junit`, checked against their schemas in
// docs/schemas/; `polis run --explain --format json`; `-` for standard input
// and output; `polis --version`; commander's own texts in Dutch; NO_COLOR and
// FORCE_COLOR.

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, assertBuilt, polis } from "./cli.js";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "polis-machine-"));
beforeAll(assertBuilt);
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const BIN = path.join(ROOT, "bin", "polis.js");
const schema = (name: string) => JSON.parse(fs.readFileSync(path.join(ROOT, "docs", "schemas", name), "utf8")) as Record<string, unknown>;
const ajv = new Ajv2020({ allErrors: true, strict: false });
ajv.addSchema(schema("diagnostic.schema.json"));
const validCheck = ajv.compile(schema("check.schema.json"));
const validTest = ajv.compile(schema("test.schema.json"));
const validJunit = ajv.compile(schema("junit.schema.json"));

function write(name: string, text: string): string {
  const file = path.join(tmp, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

const FAILING = [
  'polis faalt "Een voorbeeld dat faalt"',
  "invoer",
  "  leeftijd: aantal",
  "uitvoer",
  "  eigen_risico: bedrag",
  "regel eigen_risico (artikel 7.1):",
  "  eigen_risico 220",
  'voorbeeld "goed":',
  "  gegeven leeftijd 30",
  "  verwacht eigen_risico € 220",
  'voorbeeld "verkeerd <verwacht> & \\"zo\\"":',
  "  gegeven leeftijd 30",
  "  verwacht eigen_risico € 221",
  "",
].join("\n");

describe("polis check --format json", () => {
  it("gives every diagnostic with code, severity, params, file and span, valid against its schema", async () => {
    const r = await polis(["check", "--format", "json", "test/golden/check/rules/bad/cycle.polis", "test/spec/minimaal.polis"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe("");
    const doc = JSON.parse(r.stdout) as { files: { file: string; ok: boolean; diagnostics: { code: string; file: string; span: { line: number } }[] }[]; errors: number };
    expect(validCheck(doc), JSON.stringify(validCheck.errors)).toBe(true);
    expect(doc.files.map((f) => [f.file, f.ok])).toEqual([["test/golden/check/rules/bad/cycle.polis", false], ["test/spec/minimaal.polis", true]]);
    const d = doc.files[0]!.diagnostics[0]!;
    expect(d).toMatchObject({ code: "P0501", severity: "error", file: "test/golden/check/rules/bad/cycle.polis" });
    expect(d.span.line).toBeGreaterThan(1);
    expect(doc.errors).toBeGreaterThan(0);
  });
});

describe("polis test --reporter", () => {
  const dir = path.join(tmp, "tests");
  beforeAll(() => {
    write("tests/faalt.polis", FAILING);
    write("tests/kapot.polis", "polis kapot\ninvoer\n  x: onbekend_type\n");
    fs.copyFileSync(path.join(ROOT, "test/spec/minimaal.polis"), path.join(dir, "minimaal.polis"));
  });

  it("json: the results per file and case, valid against its schema", async () => {
    const r = await polis(["test", dir, "--reporter", "json"]);
    expect(r.status).toBe(1);
    const doc = JSON.parse(r.stdout) as { files: { file: string; broken: boolean; cases: { name: string; passed: boolean; diagnostics: { code: string }[] }[] }[]; summary: Record<string, unknown> };
    expect(validTest(doc), JSON.stringify(validTest.errors)).toBe(true);
    const faalt = doc.files.find((f) => f.file.endsWith("faalt.polis"))!;
    expect(faalt.cases.map((c) => [c.name, c.passed])).toEqual([["goed", true], ['verkeerd <verwacht> & "zo"', false]]);
    expect(faalt.cases[1]!.diagnostics[0]!.code).toBe("P0602");
    expect(doc.files.find((f) => f.file.endsWith("kapot.polis"))!.broken).toBe(true);
    expect(doc.summary).toMatchObject({ examples: { failed: 1 }, brokenFiles: 1, ok: false });
  });

  it("junit: well-formed XML in the JUnit shape, failures and errors counted", async () => {
    const r = await polis(["test", dir, "--reporter", "junit"]);
    expect(r.status).toBe(1);
    expect(XMLValidator.validate(r.stdout)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, isArray: (_name: string, _path: unknown, _leaf: boolean, attribute: boolean) => !attribute, ignoreDeclaration: true }).parse(r.stdout) as Record<string, unknown>;
    expect(validJunit(parsed), JSON.stringify(validJunit.errors)).toBe(true);
    expect(r.stdout).toMatch(/<testsuites name="polis test \(seed \d+\)" tests="\d+" failures="1" errors="1"/);
    expect(r.stdout).toContain('name="voorbeeld verkeerd &lt;verwacht&gt; &amp; &quot;zo&quot;"');
    expect(r.stdout).toMatch(/<failure message="P0602: [^"]*" type="P0602">/);
    expect(r.stdout).toMatch(/<error message="P02\d{2}: [^"]*" type="P02\d{2}">/);
  });
});

describe("polis run as a filter", () => {
  const caseText = fs.readFileSync(path.join(ROOT, "test/golden/run/eigen-risico.case.json"), "utf8");
  const policy = "test/golden/run/eigen-risico.polis";

  it("reads one case from standard input with --input - (json by default)", () => {
    const r = spawnSync(process.execPath, [BIN, "run", policy, "--input", "-"], { input: caseText, encoding: "utf8", cwd: ROOT });
    expect(r.stdout).toBe(fs.readFileSync(path.join(ROOT, "test/golden/run/eigen-risico.output.json"), "utf8"));
    expect(r.status).toBe(0);
  });

  it("reads a stream from standard input with --format jsonl and writes to --output", () => {
    const outFile = path.join(tmp, "uit.jsonl");
    const line = caseText.replace(/[\r\n]+/g, " ").trim();
    const r = spawnSync(process.execPath, [BIN, "run", policy, "--input", "-", "--format", "jsonl", "--output", outFile], { input: `${line}\n${line}\n`, encoding: "utf8", cwd: ROOT });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe("");
    const expected = JSON.stringify(JSON.parse(fs.readFileSync(path.join(ROOT, "test/golden/run/eigen-risico.output.json"), "utf8")));
    expect(fs.readFileSync(outFile, "utf8")).toBe(`${expected}\n${expected}\n`);
  });

  it("explains as JSON with --explain --format json", async () => {
    const r = await polis(["run", policy, "--input", "test/golden/run/eigen-risico.case.json", "--explain", "--format", "json"]);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout) as { uitvoer: Record<string, unknown>; uitleg: { policy: string; steps: { output: string; rules: { articles: string[] }[] }[] } };
    expect(doc.uitvoer).toEqual(JSON.parse(fs.readFileSync(path.join(ROOT, "test/golden/run/eigen-risico.output.json"), "utf8")));
    expect(doc.uitleg.policy).toBe("vgz_eigen_risico");
    expect(doc.uitleg.steps.length).toBeGreaterThan(0);
  });
});

describe("the command itself", () => {
  it("polis --version prints the package version", async () => {
    const r = await polis(["--version"]);
    const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string };
    expect(r.stdout).toBe(`${version}\n`);
    expect(r.status).toBe(0);
  });

  it("speaks Dutch in commander's own help and errors", async () => {
    const help = await polis(["run", "--help"]);
    expect(help.stdout).toMatch(/^Gebruik: polis run \[opties\] <bestand>/);
    expect(help.stdout).toMatch(/^Opties:/m);
    expect(help.stdout).not.toMatch(/Usage|Options:|display help/);
    const unknown = await polis(["run", "x.polis", "--input", "a.json", "--invoer", "b.json"]);
    expect(unknown.stderr).toMatch(/^polis: onbekende optie '--invoer'/);
    expect(unknown.status).toBe(2);
    const missing = await polis(["run", "x.polis"]);
    expect(missing.stderr).toMatch(/^polis: verplichte optie '-i, --input <case>' ontbreekt/);
    const badJobs = await polis(["run", "x.polis", "--input", "a.jsonl", "--jobs", "0"]);
    expect(badJobs.stderr).toMatch(/^polis: optie '-j, --jobs <n>': ongeldige waarde '0'/);
    expect(badJobs.status).toBe(2);
    const command = await polis(["controleer"]);
    expect(command.stderr).toMatch(/^polis: onbekende opdracht 'controleer'/);
  });

  it("colours diagnostics only when asked: FORCE_COLOR forces, NO_COLOR turns off", () => {
    const bad = "test/golden/check/rules/bad/cycle.polis";
    const env = (extra: Record<string, string>) => {
      const e: Record<string, string | undefined> = { ...process.env, ...extra };
      for (const k of ["NO_COLOR", "FORCE_COLOR"]) if (!(k in extra)) delete e[k];
      return e;
    };
    const forced = spawnSync(process.execPath, [BIN, "check", bad], { cwd: ROOT, encoding: "utf8", env: env({ FORCE_COLOR: "1" }) });
    expect(forced.stderr).toContain("\u001b[");
    const plain = spawnSync(process.execPath, [BIN, "check", bad], { cwd: ROOT, encoding: "utf8", env: env({ NO_COLOR: "1" }) });
    expect(plain.stderr).not.toContain("\u001b[");
    expect(plain.stderr).toMatch(/fout P0501/);
  });
});
