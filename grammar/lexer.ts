// Source text → tokens. Lexing errors become diagnostics (P0201); the lexer
// always returns, so the parser can report further errors in the same run.

import { Lexer, type IToken } from "chevrotain";
import type { Diagnostic } from "../runtime/diagnostic.js";
import { lexerDefinition } from "./tokens.js";
import { spanAt } from "./span.js";
import { diagnostic } from "../runtime/messages.js";

const lexer = new Lexer(lexerDefinition, {
  positionTracking: "full",
  ensureOptimizations: false,
  skipValidations: true,
});

export interface LexResult {
  tokens: IToken[];
  /** `# …` comments, in order (the parser never sees them). */
  comments: IToken[];
  diagnostics: Diagnostic[];
}

export function lex(text: string, file: string): LexResult {
  const result = lexer.tokenize(text);
  const diagnostics: Diagnostic[] = [];
  for (const e of result.errors) {
    const ch = text.charAt(e.offset);
    const span = spanAt(file, text, e.offset, Math.max(1, e.length));
    if (ch === '"') {
      diagnostics.push(diagnostic("P0202", span, {}));
    } else {
      const shown = text.substr(e.offset, Math.min(e.length, 20)).split(/[\r\n]/)[0] ?? "";
      diagnostics.push(diagnostic("P0201", span, { text: shown }));
    }
  }
  return { tokens: result.tokens, comments: result.groups.comments ?? [], diagnostics };
}
