// `polis lsp` driven headless over stdio, as an editor drives it: initialize,
// open, change, diagnostics, hover, definition, references, rename,
// completion, symbols, formatting, code actions, code lenses, the voorbeelden
// command, a workspace folder, shutdown.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LspClient, positionOf } from "../../lsp/client.js";

const FIXTURE = path.resolve(import.meta.dirname, "fixtures/zorg.polis");
const TEXT = fs.readFileSync(FIXTURE, "utf8");
const URI = pathToFileURL(FIXTURE).href;

describe("polis lsp over stdio", () => {
  let client: LspClient;
  let capabilities: any;

  beforeAll(async () => {
    client = new LspClient();
    capabilities = (await client.initialize()).capabilities;
    const diagnostics = client.diagnostics(URI);
    client.open(URI, TEXT);
    expect(await diagnostics).toEqual([]);
  });

  afterAll(async () => {
    if (client.child.exitCode === null) client.child.kill();
  });

  it("announces what it can do", () => {
    for (const c of ["hoverProvider", "definitionProvider", "referencesProvider", "renameProvider", "completionProvider", "documentSymbolProvider", "documentFormattingProvider", "codeActionProvider", "codeLensProvider", "executeCommandProvider"]) {
      expect(capabilities[c], c).toBeTruthy();
    }
  });

  it("hover shows the type, the article, the value and the comment of a parameter", async () => {
    const hover = await client.request("textDocument/hover", { textDocument: { uri: URI }, position: positionOf(TEXT, "max_per_zitting", 1, 2) });
    const md: string = hover.contents.value;
    expect(md).toContain("parameter max_per_zitting: bedrag = € 35");
    expect(md).toContain("artikel 12.3");
    expect(md).toContain("Het maximum per zitting dat de verzekeraar vergoedt.");
  });

  it("hover on a stdlib call shows its signature", async () => {
    const hover = await client.request("textDocument/hover", { textDocument: { uri: URI }, position: positionOf(TEXT, "leeftijd_op", 0, 3) });
    expect(hover.contents.value).toContain("leeftijd_op(geboortedatum: datum, d: datum): aantal");
  });

  it("hover on a record field and on an aggregation variable", async () => {
    const field = await client.request("textDocument/hover", { textDocument: { uri: URI }, position: positionOf(TEXT, "z.kosten", 0, 3) });
    expect(field.contents.value).toContain("Zitting.kosten: bedrag");
    const variable = await client.request("textDocument/hover", { textDocument: { uri: URI }, position: positionOf(TEXT, "voor z in", 0, 5) });
    expect(variable.contents.value).toContain("variabele z: Zitting");
  });

  it("goes to the definition of an input, a soort value, a field and a type", async () => {
    const cases: [string, number, string, number][] = [
      ["geboortedatum", 1, "geboortedatum", 0],
      ["aanvullend", 1, "aanvullend", 0],
      ["z.kosten", 0, "kosten: bedrag", 0],
      ["lijst van Zitting", 0, "Zitting:", 0],
    ];
    for (const [use, n, def, m] of cases) {
      const delta = use === "z.kosten" ? 3 : use === "lijst van Zitting" ? 11 : 1;
      const loc = await client.request("textDocument/definition", { textDocument: { uri: URI }, position: positionOf(TEXT, use, n, delta) });
      expect(loc.uri).toBe(URI);
      expect(loc.range.start, use).toEqual(positionOf(TEXT, def, m));
    }
  });

  it("finds every reference of a name", async () => {
    const refs = await client.request("textDocument/references", { textDocument: { uri: URI }, position: positionOf(TEXT, "verzekering:"), context: { includeDeclaration: true } });
    const lines = refs.map((r: any) => r.range.start.line).sort((a: number, b: number) => a - b);
    expect(lines).toEqual([positionOf(TEXT, "verzekering:").line, positionOf(TEXT, "verzekering =").line, positionOf(TEXT, "verzekering aanvullend").line, positionOf(TEXT, "verzekering basis").line]);
  });

  it("renames a name everywhere, and refuses a reserved word", async () => {
    const edit = await client.request("textDocument/rename", { textDocument: { uri: URI }, position: positionOf(TEXT, "vergoed(z", 0, 2), newName: "vergoed_zitting" });
    const edits = edit.changes[URI];
    expect(edits).toHaveLength(2);
    for (const e of edits) expect(e.newText).toBe("vergoed_zitting");
    await expect(client.request("textDocument/rename", { textDocument: { uri: URI }, position: positionOf(TEXT, "vergoed(z", 0, 2), newName: "regel" })).rejects.toThrow(/gereserveerd woord/);
  });

  it("completes names, soort values, stdlib functions and keywords, and fields after a dot", async () => {
    const items = await client.request("textDocument/completion", { textDocument: { uri: URI }, position: positionOf(TEXT, "anders vergoeding 0") });
    const labels = items.map((i: any) => i.label);
    for (const l of ["max_per_zitting", "aanvullend", "leeftijd_op", "indien", "vergoed", "Zitting"]) expect(labels).toContain(l);
    const fields = await client.request("textDocument/completion", { textDocument: { uri: URI }, position: positionOf(TEXT, "z.kosten", 0, 2) });
    expect(fields.map((i: any) => i.label).sort()).toEqual(["behandeldatum", "kosten"]);
  });

  it("outlines the document by article", async () => {
    const symbols = await client.request("textDocument/documentSymbol", { textDocument: { uri: URI } });
    const names = symbols.map((s: any) => s.name);
    expect(names).toContain("artikel 12");
    const art = symbols.find((s: any) => s.name === "artikel 12");
    expect(art.children.map((c: any) => c.name)).toEqual(["max_per_zitting", "fysio"]);
    expect(names).toContain("Zitting");
  });

  it("formats through polis fmt", async () => {
    const messy = TEXT.replace("parameter max_per_zitting: bedrag = € 35", "parameter   max_per_zitting :bedrag=€ 35");
    const uri = URI.replace("zorg.polis", "rommelig.polis");
    const diagnostics = client.diagnostics(uri);
    client.open(uri, messy);
    await diagnostics;
    const edits = await client.request("textDocument/formatting", { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
    expect(edits).toHaveLength(1);
    expect(edits[0].newText).toContain("parameter max_per_zitting: bedrag = € 35 (artikel 12.3)");
  });

  it("reports diagnostics as you type, with code, hint and a quick fix", async () => {
    const at = positionOf(TEXT, "leeftijd >= 18");
    const diagnostics = client.diagnostics(URI, undefined, 2);
    client.change(URI, 2, [{ range: { start: at, end: { line: at.line, character: at.character + "leeftijd".length } }, text: "leeftyd" }]);
    const ds = await diagnostics;
    expect(ds).toHaveLength(1);
    expect(ds[0].code).toBe("P0301");
    expect(ds[0].message).toContain("onbekende naam `leeftyd`");
    expect(ds[0].message).toContain("bedoelde u `leeftijd`?");
    expect(ds[0].range.start).toEqual(at);
    const actions = await client.request("textDocument/codeAction", { textDocument: { uri: URI }, range: ds[0].range, context: { diagnostics: ds } });
    expect(actions[0].kind).toBe("quickfix");
    const edit = actions[0].edit.changes[URI][0];
    expect(edit).toEqual({ range: ds[0].range, newText: "leeftijd" });
    // Undo: clean again.
    const clean = client.diagnostics(URI, undefined, 3);
    client.change(URI, 3, [{ text: TEXT }]);
    expect(await clean).toEqual([]);
  });

  it("offers the fix for a misspelt keyword and for a percentage written as a fraction", async () => {
    const uri = URI.replace("zorg.polis", "slordig.polis");
    const text = TEXT.replace("regel fysio", "regle fysio").replace("€ 35 (artikel 12.3)", "€ 35 (artikel 12.3)\nparameter deel: percentage = 0,2 (artikel 12.4)");
    const diagnostics = client.diagnostics(uri);
    client.open(uri, text);
    const [syntax] = await diagnostics;
    expect(syntax.code).toBe("P0203");
    const actions = await client.request("textDocument/codeAction", { textDocument: { uri }, range: syntax.range, context: { diagnostics: [syntax] } });
    const edit = actions[0].edit.changes[uri][0];
    expect(edit.newText).toBe("regel");
    expect(edit.range.start).toEqual(positionOf(text, "regle fysio"));
    // Fixed: now the percentage warning shows, with its own fix.
    const fixedText = text.replace("regle fysio", "regel fysio");
    const next = client.diagnostics(uri, undefined, 2);
    client.change(uri, 2, [{ text: fixedText }]);
    const [warning] = await next;
    expect(warning.code).toBe("P0417");
    expect(warning.severity).toBe(2);
    const fixes = await client.request("textDocument/codeAction", { textDocument: { uri }, range: warning.range, context: { diagnostics: [warning] } });
    expect(fixes[0].edit.changes[uri][0]).toEqual({ range: warning.range, newText: "20 %" });
  });

  it("shows related locations: where a name was declared first", async () => {
    const uri = URI.replace("zorg.polis", "dubbel.polis");
    const diagnostics = client.diagnostics(uri);
    client.open(uri, TEXT.replace("begrip leeftijd", "begrip max_per_zitting"));
    const ds = await diagnostics;
    const dup = ds.find((d: any) => d.code === "P0302");
    expect(dup.relatedInformation[0].location.uri).toBe(uri);
    expect(dup.relatedInformation[0].location.range.start).toEqual(positionOf(TEXT, "max_per_zitting"));
  });

  it("warns about conflicting rules once the author pauses, with both rules", async () => {
    const uri = URI.replace("zorg.polis", "conflict.polis");
    const text = [
      'polis conflict "Twee regels"',
      "invoer",
      "  leeftijd: aantal tussen 0 en 120",
      "  kosten: bedrag vanaf 0",
      "uitvoer",
      "  eigen_risico: bedrag",
      "regel volwassenen (artikel 7.1):",
      "  indien leeftijd >= 18 dan eigen_risico 220",
      "regel hoge_kosten (artikel 7.2):",
      "  indien kosten > 1000 dan eigen_risico 0",
      "regel kinderen (artikel 7.3):",
      "  indien leeftijd < 18 dan eigen_risico 0",
      "",
    ].join("\n");
    const from = client.notifications.length;
    client.open(uri, text);
    const found = await client.waitFor((m) => m.method === "textDocument/publishDiagnostics" && m.params.uri === uri && m.params.diagnostics.length > 0, from);
    const [d] = found.params.diagnostics;
    expect(d.code).toBe("P0511");
    expect(d.severity).toBe(2);
    expect(d.range.start.line).toBe(8);
    expect(d.relatedInformation[0].location.range.start.line).toBe(6);
    expect(d.relatedInformation[0].message).toContain("volwassenen");
  });

  it("runs the voorbeelden: a code lens per voorbeeld with pass or fail, and a command", async () => {
    const lenses = await client.request("textDocument/codeLens", { textDocument: { uri: URI } });
    expect(lenses.map((l: any) => l.command.title)).toEqual(["✓ voorbeeld geslaagd", "✗ voorbeeld mislukt: voorbeeld \"bewust mislukt\": `vergoeding` is € 0, verwacht € 1"]);
    expect(lenses[1].range.start.line).toBe(positionOf(TEXT, 'voorbeeld "bewust mislukt"').line);
    const from = client.notifications.length;
    const result = await client.request("workspace/executeCommand", { command: lenses[0].command.command, arguments: lenses[0].command.arguments });
    expect(result).toMatchObject({ ok: false, passed: 1, failed: 1 });
    const published = await client.waitFor((m) => m.method === "textDocument/publishDiagnostics" && m.params.uri === URI && m.params.diagnostics.length > 0, from);
    expect(published.params.diagnostics.map((d: any) => d.code)).toEqual(["P0602"]);
  });

  it("shuts down cleanly", async () => {
    expect(await client.shutdown()).toBe(0);
  });
});

describe("polis lsp in a workspace folder", () => {
  it("publishes the diagnostics of every policy in the folder, opened or not", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "polis-lsp-"));
    fs.mkdirSync(path.join(dir, "vgz"));
    fs.writeFileSync(path.join(dir, "vgz/goed.polis"), TEXT);
    fs.writeFileSync(path.join(dir, "vgz/fout.polis"), TEXT.replace("leeftijd >= 18", "leeftijd >= ja"));
    const client = new LspClient(dir);
    try {
      await client.initialize(dir);
      const good = await client.diagnostics(pathToFileURL(path.join(dir, "vgz/goed.polis")).href, 0);
      const bad = await client.diagnostics(pathToFileURL(path.join(dir, "vgz/fout.polis")).href, 0);
      expect(good).toEqual([]);
      expect(bad.map((d: any) => d.code)).toEqual(["P0402"]);
      expect(await client.shutdown()).toBe(0);
    } finally {
      if (client.child.exitCode === null) client.child.kill();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
