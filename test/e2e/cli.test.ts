// The `polis` command end to end (LANGUAGE.md §10, STYLE.md "Diagnostics"):
// exit codes 0 ok, 1 policy errors / evaluation errors / failing tests,
// 2 a bad case file or bad usage; what goes to stdout and to stderr; no stack
// traces. `polis build` has its own file (build.test.ts).
//
// Starting node costs about half a second, so the many variations of one
// command (every kind of bad case input, every evaluation error) call the
// command's function in-process, with stdout and stderr captured; a real
// `polis` process checks each command's exit code and streams once.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ROOT, assertBuilt, polis, type CliResult } from "./cli.js";
import { runCommand, type RunOptions } from "../../cli/run.js";
import { checkCommand } from "../../cli/check.js";
import { buildCommand } from "../../cli/build.js";
import { UsageError } from "../../cli/io.js";

const RUN = "test/golden/run";
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "polis-cli-"));

beforeAll(assertBuilt);
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, text);
  return file;
}

/** A command's function, with what it writes to stdout and stderr captured. */
async function inProcess(command: () => number | Promise<number>): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const out = vi.spyOn(process.stdout, "write").mockImplementation((s: string | Uint8Array) => ((stdout += String(s)), true));
  const err = vi.spyOn(process.stderr, "write").mockImplementation((s: string | Uint8Array) => ((stderr += String(s)), true));
  try {
    const status = await command();
    return { status, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

const run = (file: string, options: RunOptions) => inProcess(() => runCommand(file, options));

/** No JavaScript stack trace and no internal error, on either stream. */
function expectNoStackTrace(r: CliResult): void {
  for (const out of [r.stdout, r.stderr]) {
    expect(out).not.toMatch(/^\s+at .+[:(]\d+/m);
    expect(out).not.toMatch(/interne fout/);
  }
}

describe("polis check", () => {
  it("exits 0 for a correct policy and says so on stdout", async () => {
    const r = await polis(["check", "test/spec/minimaal.polis"]);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("test/spec/minimaal.polis: in orde\n  bewezen: eigen_risico\n1 bestand gecontroleerd: 0 fouten, 0 waarschuwingen\n");
    expect(r.status).toBe(0);
  });

  it("exits 1 for errors, with `file:line:col: fout P…` and a code frame on stderr", async () => {
    const r = await polis(["check", "test/golden/check/names/bad/unknown-name.polis"]);
    expect(r.stderr).toMatch(/^test\/golden\/check\/names\/bad\/unknown-name\.polis:16:10: fout P0301: onbekende naam `leeftyd`$/m);
    expect(r.stderr).toContain("16 |   indien leeftyd >= 18 dan verplicht naar_rato(verplicht_per_jaar)\n   |          ^^^^^^^\n");
    expect(r.stderr).toContain("   = hint: bedoelde u `leeftijd`?\n");
    expect(r.stdout).toMatch(/1 bestand gecontroleerd: 3 fouten, 0 waarschuwingen/);
    expectNoStackTrace(r);
    expect(r.status).toBe(1);
  });

  it("exits 0 when there are only warnings; they go to stderr", async () => {
    const r = await inProcess(() => checkCommand(["test/golden/check/rules/good/warnings.polis"]));
    expect(r.stderr).toMatch(/: waarschuwing P0506: /);
    expect(r.stdout).toMatch(/0 fouten, 5 waarschuwingen/);
    expect(r.status).toBe(0);
  });

  it("checks every .polis file in a folder; a syntax error in one makes it exit 1", async () => {
    const r = await inProcess(() => checkCommand(["test/spec", "test/golden/check/syntax/bad/recovery.polis"]));
    expect(r.stderr).toMatch(/^test\/golden\/check\/syntax\/bad\/recovery\.polis:6:3: fout P0203: /m);
    expect(r.stdout).toMatch(/^5 bestanden gecontroleerd: 4 fouten, 0 waarschuwingen$/m);
    expectNoStackTrace(r);
    expect(r.status).toBe(1);
  });
});

describe("polis run, one case", () => {
  it("prints the outputs as JSON on stdout and exits 0", async () => {
    const r = await polis(["run", `${RUN}/eigen-risico.polis`, "--input", `${RUN}/eigen-risico.case.json`]);
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toEqual({
      verplicht: "18.00",
      vrijwillig: "8.00",
      totaal: "26.00",
      ten_laste_verzekerde: "26.00",
      vergoeding: "24.00",
    });
    expect(r.stdout).toBe(fs.readFileSync(path.join(ROOT, RUN, "eigen-risico.output.json"), "utf8"));
    expect(r.status).toBe(0);
  });

  it("explains the decision in Dutch with --explain", async () => {
    const r = await polis(["run", `${RUN}/eigen-risico.polis`, "--input", `${RUN}/eigen-risico.case.json`, "--explain"]);
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/^Beslissing vgz_eigen_risico: /);
    expect(r.stdout).toContain("verplicht = € 18\n  volgens regel verplicht_eigen_risico (artikel 7.1, 7.4)\n    omdat leeftijd >= 18\n");
    expect(r.stdout).toBe(fs.readFileSync(path.join(ROOT, RUN, "eigen-risico.explain.txt"), "utf8"));
    expect(r.status).toBe(0);
  });

  it("rejects a bad case: `{\"fout\": …}` on stdout, the diagnostic on stderr, exit 2", async () => {
    const r = await polis(["run", `${RUN}/invoer.polis`, "--input", `${RUN}/invoer.onbekend.case.json`]);
    expect(r.stdout).toBe('{"fout":{"code":"P0703","bericht":"onbekend veld `leeftyd`","veld":"leeftyd"}}\n');
    expect(r.stderr).toBe("fout P0703: onbekend veld `leeftyd`\n  = hint: bedoelde u `leeftijd`?\n");
    expect(r.status).toBe(2);
  });

  it("stops on an evaluation error with exit 1, naming both rules of a conflict and their articles", async () => {
    const r = await polis(["run", `${RUN}/uitzonderingen.polis`, "--input", `${RUN}/uitzonderingen.conflict.case.json`]);
    const out = JSON.parse(r.stdout) as { fout: Record<string, unknown> };
    expect(out.fout.code).toBe("P0801");
    expect(out.fout.bericht).toMatch(/`korting_laag` \(artikel 10\) en `korting_hoog` \(artikel 11\)/);
    expect(r.stderr).toMatch(/fout P0801: regels `korting_laag` \(artikel 10\) en `korting_hoog` \(artikel 11\)/);
    expectNoStackTrace(r);
    expect(r.status).toBe(1);
  });

  // Each kind of bad case input (LANGUAGE.md §10): `{"fout": …}` on stdout,
  // the diagnostic on stderr, exit 2, nothing computed.
  const badInputs: { kind: string; file: string; code: string; veld?: string; stderr: RegExp }[] = [
    { kind: "not an object", file: "invoer.geen-object", code: "P0702", stderr: /JSON-object/ },
    { kind: "a missing field", file: "invoer.ontbreekt", code: "P0704", veld: "ontslag", stderr: /veld `ontslag` ontbreekt/ },
    { kind: "an unknown field, with a suggestion", file: "invoer.onbekend", code: "P0703", veld: "leeftyd", stderr: /hint: bedoelde u `leeftijd`\?/ },
    { kind: "a wrong type", file: "invoer.type", code: "P0705", veld: "kosten", stderr: /`kosten` moet een bedrag zijn/ },
    { kind: "a soort value that does not exist", file: "invoer.soort", code: "P0709", veld: "zorgsoort", stderr: /hint: bedoelde u `huisarts`\?/ },
    { kind: "a bedrag with more than two decimals", file: "invoer.centen", code: "P0710", veld: "kosten", stderr: /12\.505/ },
    { kind: "an aantal that is not whole", file: "invoer.geheel", code: "P0711", veld: "leeftijd", stderr: /30\.5/ },
    { kind: "an impossible date", file: "invoer.datum", code: "P0707", veld: "opname", stderr: /2012-02-30/ },
    { kind: "NaN (not JSON)", file: "invoer.nan", code: "P0701", stderr: /ongeldige JSON/ },
    { kind: "the text NaN", file: "invoer.nan-tekst", code: "P0706", veld: "kosten", stderr: /NaN/ },
    { kind: "an exponent", file: "invoer.exponent", code: "P0706", veld: "kosten", stderr: /1e2/ },
    { kind: "a value outside its beperking", file: "invoer.beperking", code: "P0708", veld: "leeftijd", stderr: /tot en met 120/ },
    { kind: "a value not in `uit {…}`", file: "invoer.uit", code: "P0708", veld: "vrijwillig", stderr: /uit \{0, 100, 200\}/ },
    { kind: "a violated voorwaarde", file: "invoer.voorwaarde", code: "P0714", veld: "ontslag", stderr: /voorwaarde `ontslag >= opname` geldt niet/ },
  ];
  for (const bad of badInputs) {
    it(`rejects ${bad.kind} with exit 2`, async () => {
      const r = await run(`${RUN}/invoer.polis`, { input: `${RUN}/${bad.file}.case.json` });
      const out = JSON.parse(r.stdout) as { fout: Record<string, unknown> };
      expect(Object.keys(out)).toEqual(["fout"]);
      expect(out.fout.code).toBe(bad.code);
      expect(typeof out.fout.bericht).toBe("string");
      expect(out.fout.veld).toBe(bad.veld);
      expect(out.fout.lijn).toBeUndefined();
      expect(r.stderr).toMatch(new RegExp(`^(\\S+: )?fout ${bad.code}: `));
      expect(r.stderr).toMatch(bad.stderr);
      expectNoStackTrace(r);
      expect(r.status).toBe(2);
    });
  }

  it("rejects a bad case with --explain too, without explaining", async () => {
    const r = await run(`${RUN}/invoer.polis`, { input: `${RUN}/invoer.ontbreekt.case.json`, explain: true });
    expect(JSON.parse(r.stdout)).toMatchObject({ fout: { code: "P0704", veld: "ontslag" } });
    expect(r.status).toBe(2);
  });

  // Evaluation errors (LANGUAGE.md §5, §6): exit 1.
  const evalErrors: { kind: string; program: string; file: string; code: string; message: RegExp }[] = [
    { kind: "division by zero at run time", program: "delen", file: "delen.nul", code: "P0803", message: /deling door nul in regel `per_sessie` \(artikel 3\.2\)/ },
    { kind: "an aantal below zero", program: "delen", file: "delen.negatief", code: "P0804", message: /`resterend`/ },
    {
      kind: "a conflict between two rules",
      program: "uitzonderingen",
      file: "uitzonderingen.conflict",
      code: "P0801",
      message: /`korting_laag` \(artikel 10\) en `korting_hoog` \(artikel 11\)/,
    },
    { kind: "no rule defines an output", program: "uitzonderingen", file: "uitzonderingen.geen-regel", code: "P0802", message: /geen regel bepaalt `korting`/ },
  ];
  for (const err of evalErrors) {
    for (const explain of [false, true]) {
      it(`stops on ${err.kind} with exit 1${explain ? " (--explain)" : ""}`, async () => {
        const r = await run(`${RUN}/${err.program}.polis`, { input: `${RUN}/${err.file}.case.json`, explain });
        const out = JSON.parse(r.stdout) as { fout: Record<string, unknown> };
        expect(out.fout.code).toBe(err.code);
        expect(out.fout.bericht).toMatch(err.message);
        expect(r.stderr).toMatch(new RegExp(`fout ${err.code}: `));
        expect(r.stderr).toMatch(err.message);
        expectNoStackTrace(r);
        expect(r.status).toBe(1);
      });
    }
  }

  it("exits 1 for a policy with errors, before reading the case", async () => {
    const r = await run("test/golden/check/rules/bad/cycle.polis", { input: "bestaat-niet.json" });
    expect(r.stderr).toMatch(/fout P0501: kringverwijzing/);
    expect(r.stdout).toBe("");
    expect(r.status).toBe(1);
  });
});

describe("polis run, a .jsonl stream", () => {
  const good = '{"leeftijd": 30, "kosten": "12.50", "vrijwillig": 100, "opname": "2012-01-01", "ontslag": "2012-01-10", "zorgsoort": "huisarts", "spoed": false}';

  it("gives one line per case, `lijn` on a failure, and exits with the highest code", async () => {
    const lines = [
      good,
      good.replace('"kosten": "12.50"', '"kosten": "-1"'),
      "",
      "[]",
      good.replace('"opname": "2012-01-01"', '"opname": "2012-01-02"'),
      good.replace('"leeftijd": 30', '"leeftyd": 30'),
      good.replace('"opname": "2012-01-01"', '"opname": "2012-01-11"'),
    ];
    const file = write("gemengd.jsonl", lines.join("\n") + "\n");
    const r = await polis(["run", `${RUN}/invoer.polis`, "--input", file]);
    const out = r.stdout.trimEnd().split("\n").map((l) => JSON.parse(l) as Record<string, { lijn?: number; code?: string; veld?: string }>);
    // Every input line gets exactly one output line: an empty line is a bad line (issue 12, finding 8).
    expect(out).toHaveLength(7);
    expect(out[0]).toEqual({ dagen_opgenomen: 10 });
    expect(out[1]!.fout).toMatchObject({ code: "P0708", veld: "kosten", lijn: 2 });
    expect(out[2]!.fout).toMatchObject({ code: "P0701", lijn: 3 });
    expect(out[3]!.fout).toMatchObject({ code: "P0702", lijn: 4 });
    expect(out[4]).toEqual({ dagen_opgenomen: 9 });
    expect(out[5]!.fout).toMatchObject({ code: "P0703", veld: "leeftyd", lijn: 6 });
    expect(out[6]!.fout).toMatchObject({ code: "P0714", veld: "ontslag", lijn: 7 });
    expect(r.stderr).toMatch(/^regel 2: fout P0708: /m);
    expectNoStackTrace(r);
    expect(r.status).toBe(2);
  });

  it("exits 1 when the worst line is an evaluation error", async () => {
    const file = write("delen.jsonl", ['{"kosten": 100, "sessies": 4, "gebruikt": 1}', '{"kosten": 100, "sessies": 0, "gebruikt": 1}'].join("\n"));
    const r = await run(`${RUN}/delen.polis`, { input: file });
    const out = r.stdout.trimEnd().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out[0]).toEqual({ per_sessie: "25.00", over: 4 });
    expect(out[1]).toEqual({ fout: { code: "P0803", bericht: "deling door nul in regel `per_sessie` (artikel 3.2)", lijn: 2 } });
    expect(r.status).toBe(1);
  });

  it("exits 0 when every line is good", async () => {
    const file = write("goed.jsonl", `${good}\n${good}\n`);
    const r = await run(`${RUN}/invoer.polis`, { input: file });
    expect(r.stdout).toBe('{"dagen_opgenomen":10}\n{"dagen_opgenomen":10}\n');
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });
});

describe("bad usage and missing files exit 2", () => {
  const cases: { what: string; args: string[]; stderr: RegExp }[] = [
    { what: "a policy file that does not exist", args: ["check", "bestaat-niet.polis"], stderr: /^polis: `bestaat-niet\.polis` bestaat niet$/m },
    { what: "run without --input", args: ["run", `${RUN}/invoer.polis`], stderr: /--input/ },
    { what: "an unknown command", args: ["controleer", "x.polis"], stderr: /controleer/ },
    { what: "no command at all", args: [], stderr: /Gebruik: polis/ },
  ];
  for (const c of cases) {
    it(c.what, async () => {
      const r = await polis(c.args);
      expect(r.stderr).toMatch(c.stderr);
      expectNoStackTrace(r);
      expect(r.status).toBe(2);
    });
  }

  // The CLI prints a UsageError as `polis: …` and exits with its code.
  const usageErrors: { what: string; command: () => Promise<number>; message: RegExp }[] = [
    { what: "a case file that does not exist", command: () => runCommand(`${RUN}/invoer.polis`, { input: "bestaat-niet.json" }), message: /case-bestand `bestaat-niet\.json` bestaat niet/ },
    { what: "a .jsonl file that does not exist", command: () => runCommand(`${RUN}/invoer.polis`, { input: "bestaat-niet.jsonl" }), message: /bestaat-niet\.jsonl/ },
    { what: "a policy to run that does not exist", command: () => runCommand("bestaat-niet.polis", { input: `${RUN}/invoer.case.json` }), message: /bestaat-niet\.polis/ },
    { what: "a folder to build that does not exist", command: () => buildCommand("bestaat-niet", { out: path.join(tmp, "nergens") }), message: /bestaat-niet/ },
  ];
  for (const u of usageErrors) {
    it(u.what, async () => {
      const error = await inProcess(u.command).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(UsageError);
      expect((error as UsageError).message).toMatch(u.message);
      expect((error as UsageError).exitCode).toBe(2);
    });
  }

  it("but asking for help is no error", async () => {
    const r = await polis(["--help"]);
    expect(r.stdout).toMatch(/Gebruik: polis/);
    expect(r.status).toBe(0);
  });
});

describe("polis test", () => {
  it("exits 1 when a voorbeeld fails", async () => {
    const file = write(
      "faalt.polis",
      [
        'polis faalt "Een voorbeeld dat faalt"',
        "invoer",
        "  leeftijd: aantal",
        "uitvoer",
        "  eigen_risico: bedrag",
        "regel eigen_risico (artikel 7.1):",
        "  eigen_risico 220",
        'voorbeeld "verkeerd verwacht":',
        "  gegeven leeftijd 30",
        "  verwacht eigen_risico € 221",
        "",
      ].join("\n"),
    );
    const r = await polis(["test", file]);
    expect(r.stdout).toMatch(/✗ .*faalt\.polis: voorbeeld "verkeerd verwacht"/);
    expect(r.stderr).toMatch(/fout P0602: voorbeeld "verkeerd verwacht": `eigen_risico` is € 220, verwacht € 221/);
    expect(r.status).toBe(1);
  });
});
