// The VS Code extension's declarative parts: the TextMate grammar checked with
// vscode-tmgrammar-test on sample files (test/vscode/*.test.polis, scope
// assertions under each line), and the manifest's contributions exist.

import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const EXT = path.join(ROOT, "editors/vscode");
const GRAMMAR = path.join(EXT, "syntaxes/polis.tmLanguage.json");
const TOOL = path.join(ROOT, "node_modules/vscode-tmgrammar-test/dist/unit.js");

function runTool(files: string[]) {
  return spawnSync(process.execPath, [TOOL, "-g", GRAMMAR, ...files], { encoding: "utf8" });
}

describe("the TextMate grammar", () => {
  it("gives the expected scopes on the sample files", () => {
    const samples = fs.readdirSync(import.meta.dirname).filter((f) => f.endsWith(".test.polis")).map((f) => path.join(import.meta.dirname, f));
    expect(samples.length).toBeGreaterThan(0);
    const r = runTool(samples);
    expect(r.stdout + r.stderr).not.toContain("failed");
    expect(r.status).toBe(0);
  });

  it("fails on a wrong assertion (the check can fail)", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "polis-grammar-"));
    const file = path.join(dir, "fout.test.polis");
    fs.writeFileSync(file, '# SYNTAX TEST "source.polis" "wrong on purpose"\nregel x (artikel 1):\n# <----- string.quoted.double.polis\n');
    try {
      const r = runTool([file]);
      expect(r.status).not.toBe(0);
      expect(r.stdout + r.stderr).toContain("keyword.other.declaration.polis");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the extension manifest", () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(EXT, "package.json"), "utf8"));

  it("contributes the language, grammar and snippets from files that exist", () => {
    const c = manifest.contributes;
    expect(c.languages[0].extensions).toEqual([".polis"]);
    for (const p of [c.languages[0].configuration, c.grammars[0].path, c.snippets[0].path, manifest.main.replace("./out/", "./src/").replace(/\.js$/, ".ts")]) {
      expect(fs.existsSync(path.join(EXT, p)), p).toBe(true);
    }
    expect(manifest.devDependencies["@vscode/vsce"]).toMatch(/^\^3\./);
    expect(manifest.dependencies["vscode-languageclient"]).toBeDefined();
  });

  it("has snippets for a policy, a rule, a voorbeeld and an eigenschap that polis accepts", () => {
    const snippets = JSON.parse(fs.readFileSync(path.join(EXT, "snippets/polis.code-snippets"), "utf8"));
    const prefixes = Object.values(snippets).map((s: any) => s.prefix);
    for (const p of ["polis", "regel", "voorbeeld", "eigenschap"]) expect(prefixes).toContain(p);
    // The policy skeleton, with each placeholder's default, is a valid policy whose voorbeeld passes.
    const skeleton = (Object.values(snippets).find((s: any) => s.prefix === "polis") as any).body.join("\n");
    const text = skeleton.replace(/\$\{\d+:((?:[^{}]|\{[^}]*\})*)\}/g, (_: string, d: string) => d.replace(/\$\{\d+:([^}]*)\}/g, "$1")).replace(/\$0/g, "");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "polis-snippet-"));
    try {
      fs.writeFileSync(path.join(dir, "skelet.polis"), text);
      const out = execFileSync(process.execPath, [path.join(ROOT, "bin/polis.js"), "test", dir], { encoding: "utf8" });
      expect(out).toContain("1 voorbeelden geslaagd, 0 mislukt");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("has a language configuration with # comments and brackets", () => {
    const config = JSON.parse(fs.readFileSync(path.join(EXT, "language-configuration.json"), "utf8"));
    expect(config.comments.lineComment).toBe("#");
    expect(config.brackets).toContainEqual(["(", ")"]);
  });
});
