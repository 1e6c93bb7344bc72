// One analysis of one policy text: the compiler's diagnostics, the AST and
// the symbol index of lsp/symbols.ts. Everything the server answers is read
// from here. In: text and a file name. Out: an Analysis; never throws for a
// bad policy (the pipeline turns a too-deep file into a diagnostic).

import type { IToken } from "chevrotain";
import type { Diagnostic } from "../runtime/diagnostic.js";
import type { Program } from "../compiler/syntax/ast.js";
import type { LoweredPolicy } from "../compiler/ir/ir.js";
import { compile, hasErrors } from "../compiler/pipeline.js";
import { resolve } from "../compiler/resolve/resolve.js";
import { lex } from "../grammar/lexer.js";
import { load } from "../compiler/emit/load.js";
import { runExamples } from "../compiler/cases/examples.js";
import { ParseCache, compileIncremental } from "./incremental.js";
import { buildIndex, type SymbolIndex } from "./symbols.js";

export interface Analysis {
  file: string;
  text: string;
  diagnostics: Diagnostic[];
  program?: Program;
  policy?: LoweredPolicy;
  index?: SymbolIndex;
  /** Comments, lexed on first use (hover). */
  comments(): IToken[];
}

/** With a cache, only the declarations that changed since the last call are parsed again (lsp/incremental.ts). */
export function analyze(text: string, file: string, cache?: ParseCache): Analysis {
  const result = cache ? compileIncremental(text, file, cache) : compile(text, file);
  let comments: IToken[] | undefined;
  const analysis: Analysis = {
    file,
    text,
    diagnostics: result.diagnostics,
    comments: () => (comments ??= lex(text, file).comments),
  };
  if (result.program) {
    analysis.program = result.program;
    try {
      analysis.index = buildIndex(result.program, resolve(result.program).symbols);
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
    }
  }
  if (result.policy && !hasErrors(result.diagnostics)) analysis.policy = result.policy;
  return analysis;
}

export interface ExampleOutcome {
  name: string;
  passed: boolean;
  /** 0-based offset of the `voorbeeld`. */
  start: number;
  diagnostics: Diagnostic[];
}

/** Runs the voorbeelden of a policy without errors; undefined when it has errors. */
export function runAnalysisExamples(a: Analysis): ExampleOutcome[] | undefined {
  if (!a.policy || !a.program) return undefined;
  const results = runExamples(a.policy, load(a.policy));
  const decls = a.program.declarations.filter((d) => d.kind === "Voorbeeld");
  return results.map((r, i) => ({ name: r.name, passed: r.passed, start: decls[i]?.span.start ?? 0, diagnostics: r.diagnostics }));
}
