// The import graph of the source folders (STYLE.md, "Data flow: one
// direction"): a folder imports only from folders of earlier stages, so there
// is no circle and no import from a later stage. The stages, earliest first;
// a file in `compiler/` itself (pipeline.ts) is the stage "compiler".

import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../../e2e/cli.js";

const STAGES = [
  "runtime", // exact numbers, dates, the diagnostic type and its one catalog, evaluation support
  "stdlib", // a leaf over runtime/
  "grammar", // tokens, lexer, parser
  "compiler/diagnostics", // rendering diagnostics for a terminal
  "compiler/syntax", // CST → AST
  "compiler/resolve", // names, declaration tables, the dependency graph
  "compiler/ir", // the representation the checker lowers to
  "compiler/check", // AST → IR
  "compiler/emit", // IR → JS/TS module
  "compiler/cases", // running a policy on cases
  "compiler/proofs", // the IR as SMT (z3): proofs for check and diff
  "compiler", // pipeline.ts: the whole chain
  "compiler/format",
  "compiler/diff",
  "lsp", // the language server, on the public pipeline and the AST
  "cli",
  "tools", // generators of documentation
  "bench",
  "test", // test harnesses that the fuzzers run at length (random policies, reference evaluator)
  "fuzz",
];

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...sourceFiles(rel));
    else if (e.name.endsWith(".ts")) out.push(rel);
  }
  return out;
}

/** The stage a repository-relative file belongs to: the longest matching folder. */
function stageOf(file: string): string | undefined {
  const dir = path.dirname(file).split(path.sep).join("/");
  return [...STAGES].sort((a, b) => b.length - a.length).find((s) => dir === s || dir.startsWith(`${s}/`));
}

/** Relative imports and re-exports of a file (static and dynamic), as repository-relative paths. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(path.join(ROOT, file), "utf8");
  const specs = [...text.matchAll(/(?:from|import)\s*\(?\s*"(\.{1,2}\/[^"]+)"/g)].map((m) => m[1]!);
  return specs.map((s) => path.relative(ROOT, path.resolve(ROOT, path.dirname(file), s)));
}

const TOP = ["runtime", "stdlib", "grammar", "compiler", "lsp", "cli", "tools", "bench", "fuzz"];
const edges = TOP.filter((d) => fs.existsSync(path.join(ROOT, d)))
  .flatMap(sourceFiles)
  .flatMap((file) => importsOf(file).map((target) => ({ file, target, from: stageOf(file), to: stageOf(target) })));

describe("the import graph of the source folders", () => {
  it("places every source file in a known stage", () => {
    const unplaced = edges.filter((e) => e.from === undefined || e.to === undefined).map((e) => `${e.file} → ${e.target}`);
    expect(unplaced).toEqual([]);
  });

  it("imports only from the same or an earlier stage (so no folder is in a circle)", () => {
    const backwards = edges
      .filter((e) => e.from !== undefined && e.to !== undefined && STAGES.indexOf(e.to) > STAGES.indexOf(e.from))
      .map((e) => `${e.file} → ${e.target} (${e.from} imports the later ${e.to})`);
    expect(backwards).toEqual([]);
  });

  it("keeps runtime/ a leaf, stdlib/ over runtime/ only, and grammar/ out of compiler/", () => {
    const allowed: Record<string, string[]> = { runtime: ["runtime"], stdlib: ["stdlib", "runtime"], grammar: ["grammar", "runtime"] };
    const wrong = edges
      .filter((e) => e.from !== undefined && allowed[e.from] && !allowed[e.from]!.includes(e.to ?? ""))
      .map((e) => `${e.file} → ${e.target}`);
    expect(wrong).toEqual([]);
  });

  it("finds the imports it checks", () => {
    // Guards the scanner itself: these edges exist and must be seen.
    expect(edges.some((e) => e.from === "stdlib" && e.to === "runtime")).toBe(true);
    expect(edges.some((e) => e.from === "compiler/check" && e.to === "compiler/ir")).toBe(true);
  });
});
