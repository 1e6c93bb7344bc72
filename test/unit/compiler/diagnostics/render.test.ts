import { describe, expect, it } from "vitest";
import { formatSpan, renderDiagnostic, renderDiagnostics } from "../../../../compiler/diagnostics/render.js";
import type { Diagnostic, Span } from "../../../../runtime/diagnostic.js";
import { spanAt } from "../../../../grammar/span.js";

const FILE = "policies/vgz/2012/eigen-risico.polis";

/** A source whose line 31 is the example line of STYLE.md. */
const exampleSource =
  "\n".repeat(30) + "  indien leeftyd >= 18 dan verplicht naar_rato(verplicht_per_jaar)\n  anders verplicht 0\n";

function spanOf(file: string, text: string, needle: string, length = needle.length, nth = 0): Span {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  if (at < 0) throw new Error(`${needle} not in text`);
  return spanAt(file, text, at, length);
}

function unknownName(span: Span): Diagnostic {
  return { code: "P0301", severity: "error", params: {}, span, message: "onbekende naam `leeftyd`", hint: "bedoelde u `leeftijd`?" };
}

describe("renderDiagnostic", () => {
  it("renders a one-line span exactly as STYLE.md shows", () => {
    const d = unknownName(spanOf(FILE, exampleSource, "leeftyd"));
    expect(renderDiagnostic(d, new Map([[FILE, exampleSource]]))).toBe(
      [
        "policies/vgz/2012/eigen-risico.polis:31:10: fout P0301: onbekende naam `leeftyd`",
        "   |",
        "31 |   indien leeftyd >= 18 dan verplicht naar_rato(verplicht_per_jaar)",
        "   |          ^^^^^^^",
        "   = hint: bedoelde u `leeftijd`?",
      ].join("\n"),
    );
  });

  it("accepts a lookup function for the sources", () => {
    const d = unknownName(spanOf(FILE, exampleSource, "leeftyd"));
    const viaMap = renderDiagnostic(d, new Map([[FILE, exampleSource]]));
    expect(renderDiagnostic(d, (f) => (f === FILE ? exampleSource : undefined))).toBe(viaMap);
  });

  it("underlines a span over several lines to the end of its first line", () => {
    const src = "regel r:\n  indien a en\n    b dan x = 1\n";
    const start = src.indexOf("a en");
    const span = spanAt("r.polis", src, start, src.indexOf("b dan") + 1 - start);
    const d: Diagnostic = { code: "P0401", severity: "error", params: {}, span, message: "verkeerd type" };
    expect(renderDiagnostic(d, new Map([["r.polis", src]]))).toBe(
      ["r.polis:2:10: fout P0401: verkeerd type", "  |", "2 |   indien a en", "  |          ^^^^"].join("\n"),
    );
  });

  it("gives a zero-length span one caret", () => {
    const src = "polis p \"t\"\nregel r:\n";
    const d: Diagnostic = { code: "P0201", severity: "error", params: {}, span: spanAt("p.polis", src, src.length - 1, 0), message: "onverwacht einde" };
    expect(renderDiagnostic(d, new Map([["p.polis", src]])).split("\n").slice(1)).toEqual([
      "  |",
      "2 | regel r:",
      "  |         ^",
    ]);
  });

  it("expands tabs the same way in the line and the underline", () => {
    const src = "regel r:\n\tindien\tleeftyd >= 18\n";
    const d = unknownName(spanOf("t.polis", src, "leeftyd"));
    const lines = renderDiagnostic(d, new Map([["t.polis", src]])).split("\n");
    expect(lines[0]).toBe("t.polis:2:9: fout P0301: onbekende naam `leeftyd`");
    expect(lines[2]).toBe("2 |     indien  leeftyd >= 18");
    expect(lines[3]).toBe("  |             ^^^^^^^");
    expect(lines.join("\n")).not.toContain("\t");
    // The carets sit exactly under the name.
    expect(lines[3]!.indexOf("^")).toBe(lines[2]!.indexOf("leeftyd"));
  });

  it("prints related spans with their own frame after the hint", () => {
    const src = "regel a (artikel 2):\n  x = 1\nregel b (artikel 3):\n  x = 2\n";
    const d: Diagnostic = {
      code: "P0504",
      severity: "error", params: {},
      span: spanOf("c.polis", src, "x", 1, 1),
      message: "`x` wordt door twee regels gezet",
      hint: "maak één regel een uitzondering op de andere",
      related: [{ span: spanOf("c.polis", src, "x", 1, 0), message: "hier zet regel `a` het al" }],
    };
    expect(renderDiagnostic(d, new Map([["c.polis", src]]))).toBe(
      [
        "c.polis:4:3: fout P0504: `x` wordt door twee regels gezet",
        "  |",
        "4 |   x = 2",
        "  |   ^",
        "  = hint: maak één regel een uitzondering op de andere",
        "c.polis:2:3: opmerking: hier zet regel `a` het al",
        "  |",
        "2 |   x = 1",
        "  |   ^",
      ].join("\n"),
    );
  });

  it("prints a diagnostic without a span on one line, with the case line if known", () => {
    const d: Diagnostic = { code: "P0703", severity: "error", params: {}, message: "veld `kosten` ontbreekt", field: "kosten" };
    expect(renderDiagnostic(d, new Map())).toBe("fout P0703: veld `kosten` ontbreekt");
    expect(renderDiagnostic({ ...d, line: 12 }, new Map())).toBe("regel 12: fout P0703: veld `kosten` ontbreekt");
  });

  it("prints warnings as waarschuwing", () => {
    const d: Diagnostic = { ...unknownName(spanOf(FILE, exampleSource, "leeftyd")), severity: "warning" };
    expect(renderDiagnostic(d, new Map([[FILE, exampleSource]])).split("\n")[0]).toBe(
      "policies/vgz/2012/eigen-risico.polis:31:10: waarschuwing P0301: onbekende naam `leeftyd`",
    );
  });

  it("widens the gutter for wide line numbers, shared with related frames", () => {
    const src = "\n".repeat(1233) + "x = 1\n" + "\n".repeat(8) + "y = 2\n";
    const d: Diagnostic = {
      code: "P0504",
      severity: "error", params: {},
      span: spanOf("w.polis", src, "y"),
      message: "m",
      hint: "h",
      related: [{ span: spanOf("w.polis", src, "x"), message: "r" }],
    };
    expect(renderDiagnostic(d, new Map([["w.polis", src]]))).toBe(
      [
        "w.polis:1243:1: fout P0504: m",
        "     |",
        "1243 | y = 2",
        "     | ^",
        "     = hint: h",
        "w.polis:1234:1: opmerking: r",
        "     |",
        "1234 | x = 1",
        "     | ^",
      ].join("\n"),
    );
  });

  it("leaves out the frame when the source is unknown", () => {
    const d = unknownName(spanOf(FILE, exampleSource, "leeftyd"));
    expect(renderDiagnostic(d, new Map())).toBe(
      "policies/vgz/2012/eigen-risico.polis:31:10: fout P0301: onbekende naam `leeftyd`\n   = hint: bedoelde u `leeftijd`?",
    );
  });

  it("uses no colour by default and ANSI colour when asked", () => {
    const d = unknownName(spanOf(FILE, exampleSource, "leeftyd"));
    const sources = new Map([[FILE, exampleSource]]);
    expect(renderDiagnostic(d, sources)).not.toContain("\x1b[");
    const coloured = renderDiagnostic(d, sources, { color: true });
    expect(coloured).toContain("\x1b[31m"); // red
    expect(coloured).toContain("\x1b[1m"); // bold
    expect(coloured).toContain("\x1b[36m"); // cyan gutter
    expect(coloured.replace(/\x1b\[[0-9;]*m/g, "")).toBe(renderDiagnostic(d, sources));
    const warning = renderDiagnostic({ ...d, severity: "warning" }, sources, { color: true });
    expect(warning).toContain("\x1b[33m"); // yellow
  });
});

describe("renderDiagnostics", () => {
  it("sorts by file and offset, stably, with spanless diagnostics last", () => {
    const src = "a b c\n";
    const sources = new Map([
      ["a.polis", src],
      ["b.polis", src],
    ]);
    const at = (file: string, needle: string, message: string): Diagnostic => ({
      code: "P0301",
      severity: "error", params: {},
      span: spanOf(file, src, needle),
      message,
    });
    const ds: Diagnostic[] = [
      { code: "P0703", severity: "error", params: {}, message: "case 2", line: 2 },
      at("b.polis", "a", "b-a"),
      at("a.polis", "c", "a-c"),
      { code: "P0703", severity: "error", params: {}, message: "case 1", line: 1 },
      at("a.polis", "a", "a-a first"),
      at("a.polis", "a", "a-a second"),
    ];
    const out = renderDiagnostics(ds, sources);
    const headers = out.split("\n").filter((l) => l.includes("fout"));
    expect(headers).toEqual([
      "a.polis:1:1: fout P0301: a-a first",
      "a.polis:1:1: fout P0301: a-a second",
      "a.polis:1:5: fout P0301: a-c",
      "b.polis:1:1: fout P0301: b-a",
      "regel 1: fout P0703: case 1",
      "regel 2: fout P0703: case 2",
    ]);
    // Framed diagnostics are separated by a blank line, one-liners are not.
    expect(out).toContain("  |     ^\n\nb.polis:1:1");
    expect(out.endsWith("regel 1: fout P0703: case 1\nregel 2: fout P0703: case 2")).toBe(true);
    expect(ds[0]!.message).toBe("case 2"); // input not reordered
  });

  it("renders nothing for no diagnostics", () => {
    expect(renderDiagnostics([], new Map())).toBe("");
  });
});

describe("formatSpan", () => {
  it("is file:line:col", () => {
    expect(formatSpan(spanOf(FILE, exampleSource, "leeftyd"))).toBe(`${FILE}:31:10`);
  });
});
