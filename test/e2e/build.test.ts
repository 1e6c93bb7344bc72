// `polis build` end to end (issue 15, and issue 12 findings 1, 4, 6, 12): the
// package it writes installs into a fresh consumer project with
// `npm install ../OUT`, compiles there under `tsc --strict` with the strict
// options claim systems use, and runs; its JSON Schemas accept what Polis
// accepts and produces; names, paths, the working directory and symlinks
// cannot make it write wrong code or write outside its folder.

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, assertBuilt, polis, type CliResult } from "./cli.js";
import { generateCases } from "../../bench/cases.js";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "polis-build-"));
const out = path.join(tmp, "vgz-beslissingen");
const TSC = path.join(ROOT, "node_modules", ".bin", "tsc");
const version = (JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string }).version;
let built: CliResult;

beforeAll(async () => {
  assertBuilt();
  built = await polis(["build", "test/spec", "--out", out, "--version", "2.1.0"]);
}, 300_000);
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function expectUsageError(r: CliResult, message: RegExp): void {
  expect(r.stderr).toMatch(message);
  expect(r.stderr).not.toMatch(/^\s+at .+[:(]\d+/m);
  expect(r.stderr).not.toMatch(/interne fout/);
  expect(r.status).toBe(2);
}

/** Every file below dir, relative, with its bytes. */
function tree(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = path.join(rel, e.name);
      if (e.isDirectory()) walk(r);
      else files.set(r, fs.readFileSync(path.join(dir, r), "latin1"));
    }
  };
  walk("");
  return files;
}

describe("polis build writes an npm package", { timeout: 300_000 }, () => {
  it("with package.json, compiled modules, declarations, an index and schemas", () => {
    expect(built.stderr).toBe("");
    expect(built.stdout).toMatch(/^4 modules gebouwd in .*\(pakket vgz-beslissingen@2\.1\.0\)/);
    expect(built.status).toBe(0);
    const pkg = JSON.parse(fs.readFileSync(path.join(out, "package.json"), "utf8")) as Record<string, unknown>;
    expect(pkg).toMatchObject({
      name: "vgz-beslissingen",
      version: "2.1.0",
      type: "module",
      types: "./index.d.ts",
      engines: { node: ">=20" },
      exports: { ".": { types: "./index.d.ts", default: "./index.js" }, "./vgz-eigen-risico": { types: "./vgz-eigen-risico.d.ts", default: "./vgz-eigen-risico.js" } },
      dependencies: { "polis-runtime": version },
      polis: { toolchain: version, runtime: version },
    });
    for (const f of ["index.js", "index.d.ts", "minimaal.js", "vgz-eigen-risico.js", "vgz-eigen-risico.d.ts", "schema/vgz-eigen-risico.input.schema.json", "schema/vgz-eigen-risico.output.schema.json", "node_modules/polis-runtime/package.json"]) {
      expect(fs.existsSync(path.join(out, f)), f).toBe(true);
    }
    // The runtime is a versioned package, not sources copied in.
    expect(JSON.parse(fs.readFileSync(path.join(out, "node_modules/polis-runtime/package.json"), "utf8"))).toMatchObject({ name: "polis-runtime", version });
    expect(fs.existsSync(path.join(out, "runtime"))).toBe(false);
    // Per-field JSDoc: type, beperking, article.
    const dts = fs.readFileSync(path.join(out, "vgz-eigen-risico.d.ts"), "utf8");
    expect(dts).toContain("/** Invoer `kosten`: `bedrag`; beperking: vanaf 0. */");
    expect(dts).toMatch(/\/\*\* Uitvoer `verplicht`: `bedrag`; regel `verplicht_eigen_risico`; artikelen 7\.1/);
  });

  it("that a consumer installs with npm, compiles under strict options and runs", () => {
    const consumer = path.join(tmp, "consumer");
    fs.mkdirSync(consumer);
    fs.writeFileSync(path.join(consumer, "package.json"), JSON.stringify({ name: "consumer", version: "1.0.0", type: "module", private: true }));
    const install = spawnSync("npm", ["install", "--offline", "--no-audit", "--no-fund", out], { cwd: consumer, encoding: "utf8" });
    expect(install.status, install.stderr).toBe(0);
    fs.writeFileSync(
      path.join(consumer, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          strict: true, noUnusedLocals: true, exactOptionalPropertyTypes: true, noPropertyAccessFromIndexSignature: true,
          target: "ES2022", lib: ["ES2022"], module: "NodeNext", moduleResolution: "NodeNext", types: [], outDir: "out",
        },
        include: ["main.ts"],
      }),
    );
    fs.writeFileSync(
      path.join(consumer, "main.ts"),
      [
        'import { vgz_eigen_risico, minimaal, PolisError } from "vgz-beslissingen";',
        'import type { Input, Output } from "vgz-beslissingen/vgz-eigen-risico";',
        "declare const console: { log(...values: unknown[]): void };",
        'const input: Input = { geboortedatum: "1980-05-01", polis_start: "2012-01-01", polis_eind: "2012-12-31", vrijwillig_eigen_risico: "100", kosten: "350.00", zorgsoort: "ziekenhuis" };',
        "const output: Output = vgz_eigen_risico.evaluate(input);",
        "console.log(JSON.stringify(output));",
        "console.log(vgz_eigen_risico.metadata.version, minimaal.evaluate({ leeftijd: 17 }).eigen_risico);",
        "try {",
        '  vgz_eigen_risico.evaluate({ ...input, kosten: "-1" });',
        "} catch (e) {",
        "  if (e instanceof PolisError) console.log(e.diagnostic.code, e.diagnostic.field);",
        "}",
        'console.log(vgz_eigen_risico.explain(input).text.split("\\n")[0]);',
      ].join("\n") + "\n",
    );
    const tsc = spawnSync(TSC, ["-p", consumer], { encoding: "utf8" });
    expect(tsc.stdout + tsc.stderr).toBe("");
    expect(tsc.status).toBe(0);
    const run = spawnSync(process.execPath, [path.join(consumer, "out", "main.js")], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.stdout.split("\n")).toEqual([
      '{"verplicht":"220.00","vrijwillig":"100.00","totaal":"320.00","ten_laste_verzekerde":"320.00","vergoeding":"30.00"}',
      "2012 0.00",
      "P0708 kosten",
      "Beslissing vgz_eigen_risico: VGZ Restitutieverzekering — eigen risico (versie 2012)",
      "",
    ]);
    // Small: no compiler in the consumer's node_modules.
    const installed = fs.readdirSync(path.join(consumer, "node_modules"));
    for (const heavy of ["ts-morph", "prettier", "typescript", "chevrotain", "polis"]) expect(installed).not.toContain(heavy);
  });

  it("with JSON Schemas (2020-12) that accept Polis's cases and decisions and reject bad ones", async () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    ajv.addFormat("date", /^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/);
    const inSchema = JSON.parse(fs.readFileSync(path.join(out, "schema/vgz-eigen-risico.input.schema.json"), "utf8")) as Record<string, unknown>;
    const outSchema = JSON.parse(fs.readFileSync(path.join(out, "schema/vgz-eigen-risico.output.schema.json"), "utf8")) as Record<string, unknown>;
    expect(inSchema["$schema"]).toBe("https://json-schema.org/draft/2020-12/schema");
    const validIn = ajv.compile(inSchema);
    const validOut = ajv.compile(outSchema);
    const lib = (await import(pathToFileURL(path.join(out, "vgz-eigen-risico.js")).href)) as { evaluate(i: unknown): unknown };
    for (const c of generateCases(300, 7)) {
      expect(validIn(c), JSON.stringify(validIn.errors)).toBe(true);
      expect(validOut(lib.evaluate(c)), JSON.stringify(validOut.errors)).toBe(true);
    }
    const good = generateCases(1, 8)[0]!;
    expect(validIn({ ...good, kosten: 12.5 })).toBe(true);
    expect(validIn({ ...good, vrijwillig_eigen_risico: 150 })).toBe(false); // beperking uit {0, 100, …}
    expect(validIn({ ...good, kosten: -1 })).toBe(false); // beperking vanaf 0
    expect(validIn({ ...good, zorgsoort: "tandarts" })).toBe(false);
    expect(validIn({ ...good, kosten: "12.345" })).toBe(false); // a bedrag has at most two decimals
    const { kosten: _, ...missing } = good;
    expect(validIn(missing)).toBe(false);
    expect(validIn({ ...good, kostn: "1" })).toBe(false);
  });
});

describe("polis build is safe with any file name and any folder (issue 12)", { timeout: 300_000 }, () => {
  it("escapes a file name with quotes and newlines (finding 1: no code injection)", async () => {
    const dir = path.join(tmp, "injectie");
    fs.mkdirSync(dir);
    const evil = 'a";\nglobalThis.__polisPwned = 1;\n"';
    fs.copyFileSync(path.join(ROOT, "test/spec/minimaal.polis"), path.join(dir, `${evil}.polis`));
    const lib = path.join(tmp, "injectie-lib");
    const r = await polis(["build", dir, "--out", lib]);
    expect(r.status, r.stderr).toBe(0);
    const index = fs.readFileSync(path.join(lib, "index.js"), "utf8");
    expect(index).not.toMatch(/^globalThis\.__polisPwned/m);
    const m = (await import(pathToFileURL(path.join(lib, "index.js")).href)) as Record<string, { evaluate(i: unknown): unknown }>;
    expect((globalThis as Record<string, unknown>)["__polisPwned"]).toBeUndefined();
    const [name] = Object.keys(m).filter((k) => k !== "PolisError");
    expect(m[name!]!.evaluate({ leeftijd: 17 })).toEqual({ eigen_risico: "0.00" });
  });

  it("exits 1 and writes nothing when a policy has errors", async () => {
    const bad = path.join(tmp, "kapot");
    const r = await polis(["build", "test/golden/check/rules/bad", "--out", bad]);
    expect(r.stderr).toMatch(/^test\/golden\/check\/rules\/bad\/\S+\.polis:\d+:\d+: fout P05/m);
    expect(r.status).toBe(1);
    expect(fs.existsSync(bad)).toBe(false);
  });

  it("refuses two files that would get the same export name (finding 6)", async () => {
    const dir = path.join(tmp, "botsing");
    fs.mkdirSync(path.join(dir, "a"), { recursive: true });
    for (const f of ["a-b.polis", "a_b.polis", "a/b.polis"]) fs.copyFileSync(path.join(ROOT, "test/spec/minimaal.polis"), path.join(dir, f));
    const r = await polis(["build", dir, "--out", path.join(tmp, "botsing-lib")]);
    expectUsageError(r, /`a\/b\.polis`, `a-b\.polis` en `a_b\.polis` krijgen allemaal de exportnaam `a_b`/);
    expect(fs.existsSync(path.join(tmp, "botsing-lib"))).toBe(false);
  });

  it("answers --out on an existing file, or below one, with a usage error (finding 4)", async () => {
    const file = path.join(tmp, "een-bestand");
    fs.writeFileSync(file, "niet overschrijven\n");
    expectUsageError(await polis(["build", "test/spec", "--out", file]), /uitvoermap `.*een-bestand` is een bestand, geen map/);
    expectUsageError(await polis(["build", "test/spec", "--out", path.join(file, "lib")]), /uitvoermap `.*een-bestand\/lib` ligt onder een bestand/);
    expect(fs.readFileSync(file, "utf8")).toBe("niet overschrijven\n");
    const full = path.join(tmp, "vol");
    fs.mkdirSync(full);
    fs.writeFileSync(path.join(full, "notities.txt"), "van mij\n");
    expectUsageError(await polis(["build", "test/spec", "--out", full]), /is niet leeg en bevat geen eerdere build/);
    expectUsageError(await polis(["build", "test/spec", "--out", out, "--name", "Geen Naam"]), /geen geldige pakketnaam/);
    expectUsageError(await polis(["build", "test/spec", "--out", out, "--version", "1.0"]), /geen geldig versienummer/);
  });

  it("writes the same bytes from any working directory, and never through a symlink (finding 12)", async () => {
    // The same folder and options as `out`, from another working directory.
    const there = path.join(tmp, "vanuit-elders");
    expect((await polis(["build", path.join(ROOT, "test/spec"), "--out", there, "--name", "vgz-beslissingen", "--version", "2.1.0"], { cwd: tmp })).status).toBe(0);
    const a = tree(out);
    const b = tree(there);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [f, text] of a) expect(b.get(f), f).toBe(text);
    expect([...a.values()].join("\n")).not.toContain(tmp);
    expect([...a.values()].join("\n")).not.toContain(ROOT);

    // Symlinks planted in that earlier build are removed, never followed.
    const lib = there;
    const victim = path.join(tmp, "slachtoffer.js");
    fs.writeFileSync(victim, "// van iemand anders\n");
    fs.rmSync(path.join(lib, "index.js"));
    fs.symlinkSync(victim, path.join(lib, "index.js"));
    fs.symlinkSync(tmp, path.join(lib, "schema-link"));
    const r = await polis(["build", "test/spec", "--out", lib]);
    expect(r.status, r.stderr).toBe(0);
    expect(fs.readFileSync(victim, "utf8")).toBe("// van iemand anders\n");
    expect(fs.lstatSync(path.join(lib, "index.js")).isFile()).toBe(true);
    expect(fs.existsSync(path.join(lib, "schema-link"))).toBe(false);
    const linked = path.join(tmp, "gekoppeld");
    fs.symlinkSync(lib, linked);
    expectUsageError(await polis(["build", "test/spec", "--out", linked]), /is een symbolische koppeling/);
  });
});
