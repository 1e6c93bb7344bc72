// Tokens → concrete syntax tree, for the whole language of LANGUAGE.md.
// Error recovery is on, so one run reports several syntax errors; the CST of a
// file with syntax errors is never lowered to an AST (compiler/pipeline.ts).
//
// The rules live in grammar/rules/, a file per area; this file builds the one
// parser from them. Their order below is the order of the rules in
// docs/grammar.html (`npm run diagrams`):
//
//   program.ts        program, header (versie, geldig, bron), dateLiteral
//   declarations.ts   declaration and the declarations: soort, gegevens, invoer,
//                     uitvoer, fields and types, voorwaarde, parameter, begrip,
//                     functie, article references
//   policy-rules.ts   regel: clauses and assignments
//   tests.ts          voorbeeld, eigenschap
//   expressions.ts    expression down to unary minus (LANGUAGE.md §6)
//   atoms.ts          postfix (field access, units, %) and atom

import type { CstNode, IToken, ParserMethod, TokenType } from "chevrotain";
import * as T from "./tokens.js";
import { dutchErrorMessages } from "./errors.js";
import { GrammarParser } from "./dsl.js";
import { defineProgramRules, type ProgramRules } from "./rules/program.js";
import { defineDeclarationRules, type DeclarationRules } from "./rules/declarations.js";
import { definePolicyRuleRules, type PolicyRuleRules } from "./rules/policy-rules.js";
import { defineTestRules, type TestRules } from "./rules/tests.js";
import { defineExpressionRules, type ExpressionRules } from "./rules/expressions.js";
import { defineAtomRules, type AtomRules } from "./rules/atoms.js";

/** A grammar rule: called while parsing, it returns its CST node. */
export type Rule = ParserMethod<[], CstNode>;

/** The rules each file of grammar/rules/ defines, as members of the parser. */
export interface PolisParser extends ProgramRules, DeclarationRules, PolicyRuleRules, TestRules, ExpressionRules, AtomRules {}

export class PolisParser extends GrammarParser {
  constructor() {
    super(T.allTokens, {
      recoveryEnabled: true,
      maxLookahead: 3,
      // The grammar checks (ambiguities, left recursion) cost ~100 ms at every
      // start; they run under the test suite (vitest.config.ts sets
      // POLIS_GRAMMAR_CHECKS), which is where a grammar change meets them.
      // `globalThis.process` because the parser also runs in the browser (playground).
      skipValidations: (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env["POLIS_GRAMMAR_CHECKS"] !== "1",
      errorMessageProvider: dutchErrorMessages,
      nodeLocationTracking: "full",
    });
    // INVARIANT: every rule is defined before performSelfAnalysis (Chevrotain
    // records the grammar there); a rule may refer to one defined later.
    defineProgramRules(this);
    defineDeclarationRules(this);
    definePolicyRuleRules(this);
    defineTestRules(this);
    defineExpressionRules(this);
    defineAtomRules(this);
    this.performSelfAnalysis();
  }
}

/** One parser instance, reused (Chevrotain parsers are stateful but resettable). */
export const parser = new PolisParser();

export interface ParseOutput {
  cst: CstNode;
  errors: typeof parser.errors;
}

export function parseTokens(tokens: IToken[]): ParseOutput {
  parser.input = tokens;
  const cst = parser.program();
  return { cst, errors: parser.errors };
}

export type { TokenType };
