// Tokens → concrete syntax tree, for the whole language of LANGUAGE.md.
// Error recovery is on, so one run reports several syntax errors; the CST of a
// file with syntax errors is never lowered to an AST (compiler/pipeline.ts).
//
// Line breaks are not syntax: a list of items (fields, assignments, gegeven)
// ends where the next item cannot start. Inside `gegevens`, `invoer` and
// `uitvoer`, `woord:` starts a field whatever the word (LANGUAGE.md §4).

import { CstParser, EOF, tokenMatcher, type IToken, type TokenType } from "chevrotain";
import * as T from "./tokens.js";
import { dutchErrorMessages } from "./errors.js";

export class PolisParser extends CstParser {
  constructor() {
    super(T.allTokens, {
      recoveryEnabled: true,
      maxLookahead: 3,
      // The grammar checks (ambiguities, left recursion) cost ~100 ms at every
      // start; they run under the test suite (vitest.config.ts sets
      // POLIS_GRAMMAR_CHECKS), which is where a grammar change meets them.
      skipValidations: process.env["POLIS_GRAMMAR_CHECKS"] !== "1",
      errorMessageProvider: dutchErrorMessages,
      nodeLocationTracking: "full",
    });
    this.performSelfAnalysis();
  }

  private isFieldStart(): boolean {
    return tokenMatcher(this.LA(1), T.AnyWord) && tokenMatcher(this.LA(2), T.Colon);
  }

  // ---------------------------------------------------------------- file

  public program = this.RULE("program", () => {
    this.CONSUME(T.Polis);
    this.CONSUME(T.Identifier, { LABEL: "name" });
    this.CONSUME(T.StringLiteral, { LABEL: "title" });
    this.MANY(() => this.SUBRULE(this.header));
    this.MANY2(() => this.SUBRULE(this.declaration));
    this.CONSUME(EOF);
  });

  private header = this.RULE("header", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Versie);
          this.OR2([
            { ALT: () => this.CONSUME(T.NumberLiteral, { LABEL: "version" }) },
            { ALT: () => this.CONSUME(T.StringLiteral, { LABEL: "version" }) },
          ]);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Geldig);
          this.OR4([
            {
              // `geldig van A tot en met B` / `geldig van A tot B`
              ALT: () => {
                this.CONSUME(T.Van);
                this.SUBRULE(this.dateLiteral, { LABEL: "from" });
                this.OR3([
                  { ALT: () => this.CONSUME(T.TotEnMet, { LABEL: "through" }) },
                  { ALT: () => this.CONSUME(T.Tot, { LABEL: "until" }) },
                ]);
                this.SUBRULE2(this.dateLiteral, { LABEL: "to" });
              },
            },
            {
              // `geldig vanaf A`: no end yet (an extension of LANGUAGE.md §4).
              ALT: () => {
                this.CONSUME(T.Vanaf);
                this.SUBRULE3(this.dateLiteral, { LABEL: "from" });
              },
            },
          ]);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Bron);
          this.CONSUME2(T.StringLiteral, { LABEL: "source" });
        },
      },
    ]);
  });

  private dateLiteral = this.RULE("dateLiteral", () => {
    this.OR([{ ALT: () => this.CONSUME(T.DutchDate) }, { ALT: () => this.CONSUME(T.IsoDate) }]);
  });

  private declaration = this.RULE("declaration", () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.soortDecl) },
      { ALT: () => this.SUBRULE(this.gegevensDecl) },
      { ALT: () => this.SUBRULE(this.invoerDecl) },
      { ALT: () => this.SUBRULE(this.voorwaardeDecl) },
      { ALT: () => this.SUBRULE(this.parameterDecl) },
      { ALT: () => this.SUBRULE(this.begripDecl) },
      { ALT: () => this.SUBRULE(this.functieDecl) },
      { ALT: () => this.SUBRULE(this.uitvoerDecl) },
      { ALT: () => this.SUBRULE(this.regelDecl) },
      { ALT: () => this.SUBRULE(this.voorbeeldDecl) },
      { ALT: () => this.SUBRULE(this.eigenschapDecl) },
    ]);
  });

  private soortDecl = this.RULE("soortDecl", () => {
    this.CONSUME(T.Soort);
    this.CONSUME(T.Identifier, { LABEL: "name" });
    this.CONSUME(T.Colon);
    this.CONSUME2(T.Identifier, { LABEL: "values" });
    this.MANY(() => {
      this.OPTION(() => this.CONSUME(T.Comma));
      this.CONSUME3(T.Identifier, { LABEL: "values" });
    });
  });

  private gegevensDecl = this.RULE("gegevensDecl", () => {
    this.CONSUME(T.Gegevens);
    this.CONSUME(T.Identifier, { LABEL: "name" });
    this.CONSUME(T.Colon);
    this.MANY({ GATE: () => this.isFieldStart(), DEF: () => this.SUBRULE(this.fieldDecl) });
  });

  private invoerDecl = this.RULE("invoerDecl", () => {
    this.CONSUME(T.Invoer);
    this.MANY({ GATE: () => this.isFieldStart(), DEF: () => this.SUBRULE(this.fieldDecl) });
  });

  private uitvoerDecl = this.RULE("uitvoerDecl", () => {
    this.CONSUME(T.Uitvoer);
    this.MANY({ GATE: () => this.isFieldStart(), DEF: () => this.SUBRULE(this.fieldDecl) });
  });

  /** `naam: type [beperking] [standaard EXPR]`, in gegevens, invoer and uitvoer. */
  private fieldDecl = this.RULE("fieldDecl", () => {
    this.CONSUME(T.AnyWord, { LABEL: "name" });
    this.CONSUME(T.Colon);
    this.SUBRULE(this.typeRef);
    this.OPTION3(() => this.CONSUME(T.Optioneel, { LABEL: "optional" }));
    this.OPTION(() => this.SUBRULE(this.restriction));
    this.OPTION2(() => {
      this.CONSUME(T.Standaard);
      this.SUBRULE(this.expression, { LABEL: "default" });
    });
  });

  private restriction = this.RULE("restriction", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Vanaf);
          this.SUBRULE(this.additive, { LABEL: "min" });
          this.OPTION(() => {
            this.CONSUME(T.TotEnMet);
            this.SUBRULE2(this.additive, { LABEL: "max" });
          });
        },
      },
      {
        ALT: () => {
          this.CONSUME2(T.TotEnMet);
          this.SUBRULE3(this.additive, { LABEL: "max" });
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Tussen);
          this.SUBRULE4(this.additive, { LABEL: "min" });
          this.CONSUME(T.En);
          this.SUBRULE5(this.additive, { LABEL: "max" });
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Uit);
          this.SUBRULE(this.valueSet);
        },
      },
    ]);
  });

  public typeRef = this.RULE("typeRef", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Lijst);
          this.CONSUME(T.Van);
          this.SUBRULE(this.typeRef, { LABEL: "element" });
        },
      },
      { ALT: () => this.CONSUME(T.TypeKeyword, { LABEL: "builtin" }) },
      { ALT: () => this.CONSUME(T.Identifier, { LABEL: "named" }) },
    ]);
  });

  private voorwaardeDecl = this.RULE("voorwaardeDecl", () => {
    this.CONSUME(T.Voorwaarde);
    this.SUBRULE(this.expression);
  });

  private parameterDecl = this.RULE("parameterDecl", () => {
    this.CONSUME(T.Parameter);
    this.CONSUME(T.Identifier, { LABEL: "name" });
    this.CONSUME(T.Colon);
    this.SUBRULE(this.typeRef);
    this.CONSUME(T.Equals);
    this.SUBRULE(this.expression);
    this.OPTION(() => this.SUBRULE(this.articleRef));
  });

  private begripDecl = this.RULE("begripDecl", () => {
    this.CONSUME(T.Begrip);
    this.CONSUME(T.Identifier, { LABEL: "name" });
    this.CONSUME(T.Colon);
    this.SUBRULE(this.typeRef);
    this.CONSUME(T.Equals);
    this.SUBRULE(this.expression);
    this.OPTION(() => this.SUBRULE(this.articleRef));
  });

  private functieDecl = this.RULE("functieDecl", () => {
    this.CONSUME(T.Functie);
    this.CONSUME(T.Identifier, { LABEL: "name" });
    this.CONSUME(T.LParen);
    this.MANY_SEP({
      SEP: T.Comma,
      DEF: () => this.SUBRULE(this.functionParam),
    });
    this.CONSUME(T.RParen);
    this.CONSUME(T.Colon);
    this.SUBRULE(this.typeRef);
    this.CONSUME(T.Equals);
    this.SUBRULE(this.expression);
    this.OPTION(() => this.SUBRULE(this.articleRef));
  });

  private functionParam = this.RULE("functionParam", () => {
    this.CONSUME(T.Identifier, { LABEL: "name" });
    this.CONSUME(T.Colon);
    this.SUBRULE(this.typeRef);
  });

  public articleRef = this.RULE("articleRef", () => {
    this.CONSUME(T.ArticleOpen);
    this.SUBRULE(this.articleLabel);
    this.MANY(() => {
      this.OPTION(() => this.CONSUME(T.ArticleComma));
      this.SUBRULE2(this.articleLabel);
    });
    this.CONSUME(T.ArticleClose);
  });

  private articleLabel = this.RULE("articleLabel", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.ArticleLabel, { LABEL: "label" });
          this.OPTION(() => {
            this.CONSUME(T.ArticleLid);
            this.CONSUME2(T.ArticleLabel, { LABEL: "lid" });
          });
        },
      },
      { ALT: () => this.CONSUME(T.StringLiteral, { LABEL: "quoted" }) },
    ]);
  });

  private regelDecl = this.RULE("regelDecl", () => {
    this.CONSUME(T.Regel);
    this.CONSUME(T.Identifier, { LABEL: "name" });
    this.OPTION(() => this.SUBRULE(this.articleRef));
    this.OPTION2(() => {
      this.CONSUME(T.Uitzondering);
      this.CONSUME(T.Op);
      this.CONSUME2(T.Identifier, { LABEL: "target" });
      // `uitzondering op A, B`: one exception to several rules (issue 19).
      this.MANY(() => {
        this.CONSUME(T.Comma);
        this.CONSUME3(T.Identifier, { LABEL: "target" });
      });
    });
    this.CONSUME(T.Colon);
    this.AT_LEAST_ONE(() => this.SUBRULE(this.clause));
  });

  private clause = this.RULE("clause", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Indien);
          this.SUBRULE(this.expression, { LABEL: "condition" });
          this.CONSUME(T.Dan);
          this.SUBRULE(this.assignments);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Anders);
          this.SUBRULE2(this.assignments);
        },
      },
      { ALT: () => this.SUBRULE3(this.assignments) },
    ]);
  });

  private assignments = this.RULE("assignments", () => {
    this.SUBRULE(this.assignment);
    this.MANY({
      GATE: () =>
        tokenMatcher(this.LA(1), T.Identifier) ||
        (tokenMatcher(this.LA(1), T.Comma) && tokenMatcher(this.LA(2), T.Identifier)),
      DEF: () => {
        this.OPTION(() => this.CONSUME(T.Comma));
        this.SUBRULE2(this.assignment);
      },
    });
  });

  private assignment = this.RULE("assignment", () => {
    this.CONSUME(T.Identifier, { LABEL: "target" });
    this.SUBRULE(this.expression);
  });

  private voorbeeldDecl = this.RULE("voorbeeldDecl", () => {
    this.CONSUME(T.Voorbeeld);
    this.CONSUME(T.StringLiteral, { LABEL: "name" });
    this.CONSUME(T.Colon);
    this.CONSUME(T.Gegeven);
    this.OPTION(() => this.SUBRULE(this.namedValues, { LABEL: "given" }));
    this.CONSUME(T.Verwacht);
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Fout);
          this.CONSUME2(T.StringLiteral, { LABEL: "error" });
        },
      },
      { ALT: () => this.SUBRULE2(this.namedValues, { LABEL: "expected" }) },
    ]);
  });

  private namedValues = this.RULE("namedValues", () => {
    this.SUBRULE(this.namedValue);
    this.MANY({
      GATE: () =>
        tokenMatcher(this.LA(1), T.Identifier) ||
        (tokenMatcher(this.LA(1), T.Comma) && tokenMatcher(this.LA(2), T.Identifier)),
      DEF: () => {
        this.OPTION(() => this.CONSUME(T.Comma));
        this.SUBRULE2(this.namedValue);
      },
    });
  });

  private namedValue = this.RULE("namedValue", () => {
    this.CONSUME(T.Identifier, { LABEL: "name" });
    this.SUBRULE(this.expression);
  });

  private eigenschapDecl = this.RULE("eigenschapDecl", () => {
    this.CONSUME(T.Eigenschap);
    this.CONSUME(T.StringLiteral, { LABEL: "name" });
    this.CONSUME(T.Colon);
    this.CONSUME(T.Altijd);
    this.SUBRULE(this.expression);
  });

  // ---------------------------------------------------------- expressions
  // Levels as in LANGUAGE.md §6, loosest first.

  public expression = this.RULE("expression", () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.ifExpression) },
      { ALT: () => this.SUBRULE(this.aggregation) },
      { ALT: () => this.SUBRULE(this.disjunction) },
    ]);
  });

  private ifExpression = this.RULE("ifExpression", () => {
    this.CONSUME(T.Indien);
    this.SUBRULE(this.expression, { LABEL: "condition" });
    this.CONSUME(T.Dan);
    this.SUBRULE2(this.expression, { LABEL: "then" });
    this.CONSUME(T.Anders);
    this.SUBRULE3(this.expression, { LABEL: "else" });
  });

  private aggregation = this.RULE("aggregation", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Aantal, { LABEL: "count" });
          this.CONSUME(T.Identifier, { LABEL: "variable" });
          this.CONSUME(T.In);
          this.SUBRULE(this.postfix, { LABEL: "list" });
          this.OPTION(() => {
            this.CONSUME(T.Waarvoor);
            this.SUBRULE(this.expression, { LABEL: "filter" });
          });
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Som, { LABEL: "sum" });
          this.CONSUME(T.Van);
          this.SUBRULE2(this.expression, { LABEL: "body" });
          this.CONSUME(T.Voor);
          this.CONSUME2(T.Identifier, { LABEL: "variable" });
          this.CONSUME2(T.In);
          this.SUBRULE2(this.postfix, { LABEL: "list" });
          this.OPTION2(() => {
            this.CONSUME2(T.Waarvoor);
            this.SUBRULE3(this.expression, { LABEL: "filter" });
          });
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.ErIsEen, { LABEL: "exists" });
          this.CONSUME3(T.Identifier, { LABEL: "variable" });
          this.CONSUME3(T.In);
          this.SUBRULE3(this.postfix, { LABEL: "list" });
          this.OPTION3(() => {
            this.CONSUME3(T.Waarvoor);
            this.SUBRULE4(this.expression, { LABEL: "filter" });
          });
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.VoorAlle, { LABEL: "forall" });
          this.CONSUME4(T.Identifier, { LABEL: "variable" });
          this.CONSUME4(T.In);
          this.SUBRULE4(this.postfix, { LABEL: "list" });
          this.CONSUME(T.Geldt);
          this.SUBRULE5(this.expression, { LABEL: "filter" });
        },
      },
    ]);
  });

  private disjunction = this.RULE("disjunction", () => {
    this.SUBRULE(this.conjunction, { LABEL: "operands" });
    this.MANY(() => {
      this.CONSUME(T.Of);
      this.SUBRULE2(this.conjunction, { LABEL: "operands" });
    });
  });

  private conjunction = this.RULE("conjunction", () => {
    this.SUBRULE(this.negation, { LABEL: "operands" });
    this.MANY(() => {
      this.CONSUME(T.En);
      this.SUBRULE2(this.negation, { LABEL: "operands" });
    });
  });

  private negation = this.RULE("negation", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Niet);
          this.SUBRULE(this.negation);
        },
      },
      { ALT: () => this.SUBRULE(this.comparison) },
    ]);
  });

  private comparison = this.RULE("comparison", () => {
    this.SUBRULE(this.rounding, { LABEL: "left" });
    this.OPTION(() => {
      this.OR([
        {
          ALT: () => {
            this.OR2([
              { ALT: () => this.CONSUME(T.Equals, { LABEL: "op" }) },
              { ALT: () => this.CONSUME(T.NotEq, { LABEL: "op" }) },
              { ALT: () => this.CONSUME(T.LessEq, { LABEL: "op" }) },
              { ALT: () => this.CONSUME(T.GreaterEq, { LABEL: "op" }) },
              { ALT: () => this.CONSUME(T.Less, { LABEL: "op" }) },
              { ALT: () => this.CONSUME(T.Greater, { LABEL: "op" }) },
            ]);
            this.SUBRULE2(this.rounding, { LABEL: "right" });
          },
        },
        {
          ALT: () => {
            this.OPTION2(() => this.CONSUME(T.Niet, { LABEL: "not" }));
            this.CONSUME(T.In, { LABEL: "in" });
            this.SUBRULE(this.valueSet);
          },
        },
        {
          // `x is bekend`: whether an optional input was given.
          ALT: () => {
            this.CONSUME(T.Is, { LABEL: "is" });
            this.CONSUME(T.Bekend);
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.Tussen, { LABEL: "between" });
            this.SUBRULE(this.additive, { LABEL: "low" });
            this.CONSUME(T.En);
            this.SUBRULE2(this.additive, { LABEL: "high" });
          },
        },
      ]);
    });
  });

  private valueSet = this.RULE("valueSet", () => {
    this.CONSUME(T.LCurly);
    this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.additive, { LABEL: "values" }) });
    this.CONSUME(T.RCurly);
  });

  private rounding = this.RULE("rounding", () => {
    this.SUBRULE(this.additive, { LABEL: "operand" });
    this.MANY(() => this.SUBRULE(this.roundingSuffix));
  });

  private roundingSuffix = this.RULE("roundingSuffix", () => {
    this.OPTION(() => {
      this.CONSUME(T.Naar);
      this.OR([
        { ALT: () => this.CONSUME(T.Beneden, { LABEL: "down" }) },
        { ALT: () => this.CONSUME(T.Boven, { LABEL: "up" }) },
      ]);
    });
    this.CONSUME(T.Afgerond);
    this.CONSUME(T.Op);
    this.OR2([
      {
        ALT: () => {
          this.CONSUME(T.Hele, { LABEL: "euros" });
          this.CONSUME(T.Euro);
        },
      },
      { ALT: () => this.CONSUME(T.Centen, { LABEL: "cents" }) },
      {
        ALT: () => {
          this.CONSUME(T.NumberLiteral, { LABEL: "decimals" });
          this.CONSUME(T.Decimalen);
        },
      },
    ]);
  });

  private additive = this.RULE("additive", () => {
    this.SUBRULE(this.multiplicative, { LABEL: "operands" });
    this.MANY(() => {
      this.OR([
        { ALT: () => this.CONSUME(T.Plus, { LABEL: "ops" }) },
        { ALT: () => this.CONSUME(T.Minus, { LABEL: "ops" }) },
      ]);
      this.SUBRULE2(this.multiplicative, { LABEL: "operands" });
    });
  });

  private multiplicative = this.RULE("multiplicative", () => {
    this.SUBRULE(this.unary, { LABEL: "operands" });
    this.MANY(() => {
      this.OR([
        { ALT: () => this.CONSUME(T.Star, { LABEL: "ops" }) },
        { ALT: () => this.CONSUME(T.Slash, { LABEL: "ops" }) },
      ]);
      this.SUBRULE2(this.unary, { LABEL: "operands" });
    });
  });

  private unary = this.RULE("unary", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Minus);
          this.SUBRULE(this.unary);
        },
      },
      { ALT: () => this.SUBRULE(this.postfix) },
    ]);
  });

  /** Level 10 and 11: an atom, then field accesses, units and `%`. */
  private postfix = this.RULE("postfix", () => {
    this.SUBRULE(this.atom);
    this.MANY(() => {
      this.OR([
        {
          ALT: () => {
            this.CONSUME(T.Dot, { LABEL: "dot" });
            this.CONSUME(T.AnyWord, { LABEL: "field" });
          },
        },
        { ALT: () => this.CONSUME(T.UnitKeyword, { LABEL: "unit" }) },
        { ALT: () => this.CONSUME(T.PercentSign, { LABEL: "percent" }) },
      ]);
    });
  });

  private atom = this.RULE("atom", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Identifier, { LABEL: "name" });
          this.OPTION(() => {
            this.CONSUME(T.LParen, { LABEL: "call" });
            this.MANY_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.expression, { LABEL: "args" }) });
            this.CONSUME(T.RParen);
          });
        },
      },
      { ALT: () => this.CONSUME(T.NumberLiteral, { LABEL: "number" }) },
      {
        ALT: () => {
          this.CONSUME(T.EuroSign, { LABEL: "euro" });
          this.OPTION2(() => this.CONSUME(T.Minus, { LABEL: "minus" }));
          this.CONSUME2(T.NumberLiteral, { LABEL: "number" });
        },
      },
      { ALT: () => this.CONSUME(T.StringLiteral, { LABEL: "text" }) },
      { ALT: () => this.CONSUME(T.Ja, { LABEL: "yes" }) },
      { ALT: () => this.CONSUME(T.Nee, { LABEL: "no" }) },
      { ALT: () => this.SUBRULE(this.dateLiteral) },
      {
        ALT: () => {
          this.CONSUME2(T.LParen, { LABEL: "paren" });
          this.SUBRULE2(this.expression, { LABEL: "inner" });
          this.CONSUME2(T.RParen);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Periode, { LABEL: "period" });
          this.CONSUME(T.Van);
          this.SUBRULE(this.additive, { LABEL: "from" });
          this.OR2([
            { ALT: () => this.CONSUME(T.TotEnMet, { LABEL: "through" }) },
            { ALT: () => this.CONSUME(T.Tot, { LABEL: "until" }) },
          ]);
          this.SUBRULE2(this.additive, { LABEL: "to" });
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.LSquare, { LABEL: "list" });
          this.MANY_SEP2({ SEP: T.Comma, DEF: () => this.SUBRULE3(this.expression, { LABEL: "items" }) });
          this.CONSUME(T.RSquare);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.LCurly, { LABEL: "record" });
          this.MANY2(() => {
            this.OPTION3(() => this.CONSUME(T.Comma));
            this.CONSUME2(T.AnyWord, { LABEL: "fields" });
            this.SUBRULE4(this.expression, { LABEL: "values" });
          });
          this.CONSUME(T.RCurly);
        },
      },
    ]);
  });
}

/** One parser instance, reused (Chevrotain parsers are stateful but resettable). */
export const parser = new PolisParser();

export interface ParseOutput {
  cst: ReturnType<PolisParser["program"]>;
  errors: typeof parser.errors;
}

export function parseTokens(tokens: IToken[]): ParseOutput {
  parser.input = tokens;
  const cst = parser.program();
  return { cst, errors: parser.errors };
}

export type { TokenType };

/**
 * How deeply `(`, `[` and `{` may nest. The recursive-descent parser (and the
 * checker and emitter after it) use the JavaScript stack, about eleven
 * grammar levels per bracket; Node's default stack holds some 145 brackets,
 * so the limit sits below that, as a diagnostic at the bracket instead of a
 * stack overflow reported at 1:1 (issue 12).
 */
export const MAX_NESTING = 128;

/**
 * The bracket that opens nesting level MAX_NESTING + 1, or the prefix
 * operator (`-`, `niet`) that starts a run longer than MAX_NESTING, if any.
 */
export function tooDeeplyNested(tokens: readonly IToken[]): IToken | undefined {
  let depth = 0;
  let run = 0;
  for (const t of tokens) {
    const name = t.tokenType.name;
    run = name === "Minus" || name === "Niet" ? run + 1 : 0;
    if (run > MAX_NESTING) return t;
    if (name === "LParen" || name === "LSquare" || name === "LCurly") {
      if (++depth > MAX_NESTING) return t;
    } else if (name === "RParen" || name === "RSquare" || name === "RCurly") {
      depth = Math.max(0, depth - 1);
    }
  }
  return undefined;
}
