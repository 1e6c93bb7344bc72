// Compiling a policy file for a command: its own module, so that importing
// io.ts (what every command shares) does not load the compiler — `polis run`
// with a cached module (policy-cache.ts) and `polis --version` never do.

import { compile, type CompileResult } from "../compiler/pipeline.js";
import { displayPath, readText, rememberSource } from "./io.js";

export function compileFile(file: string): CompileResult & { file: string } {
  const shown = displayPath(file);
  const text = readText(file, "polis-bestand");
  rememberSource(shown, text);
  return { ...compile(text, shown), file: shown };
}
