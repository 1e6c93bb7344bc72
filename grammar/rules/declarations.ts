// Declarations other than regel, voorbeeld and eigenschap: soort, gegevens,
// invoer, uitvoer (with their fields, types and restrictions), voorwaarde,
// parameter, begrip, functie, and article references `[art. 3 lid 2]`.
//
// A new kind of declaration: add its rule here, an alternative to
// `declaration`, its name to DeclarationRules, and its lowering in
// compiler/syntax/from-cst.ts.
//
// Line breaks are not syntax: a list of fields ends where the next item cannot
// start. Inside `gegevens`, `invoer` and `uitvoer`, `woord:` starts a field
// whatever the word (LANGUAGE.md §4).

import { tokenMatcher } from "chevrotain";
import * as T from "../tokens.js";
import type { PolisParser, Rule } from "../parser.js";

export interface DeclarationRules {
  declaration: Rule;
  soortDecl: Rule;
  gegevensDecl: Rule;
  invoerDecl: Rule;
  uitvoerDecl: Rule;
  fieldDecl: Rule;
  restriction: Rule;
  typeRef: Rule;
  voorwaardeDecl: Rule;
  parameterDecl: Rule;
  begripDecl: Rule;
  functieDecl: Rule;
  functionParam: Rule;
  articleRef: Rule;
  articleLabel: Rule;
}

/** Whether the next tokens start a field (`woord:`), whatever the word. */
function isFieldStart($: PolisParser): boolean {
  return tokenMatcher($.LA(1), T.AnyWord) && tokenMatcher($.LA(2), T.Colon);
}

export function defineDeclarationRules($: PolisParser): void {
  $.declaration = $.RULE("declaration", () => {
    $.OR([
      { ALT: () => $.SUBRULE($.soortDecl) },
      { ALT: () => $.SUBRULE($.gegevensDecl) },
      { ALT: () => $.SUBRULE($.invoerDecl) },
      { ALT: () => $.SUBRULE($.voorwaardeDecl) },
      { ALT: () => $.SUBRULE($.parameterDecl) },
      { ALT: () => $.SUBRULE($.begripDecl) },
      { ALT: () => $.SUBRULE($.functieDecl) },
      { ALT: () => $.SUBRULE($.uitvoerDecl) },
      { ALT: () => $.SUBRULE($.regelDecl) },
      { ALT: () => $.SUBRULE($.voorbeeldDecl) },
      { ALT: () => $.SUBRULE($.eigenschapDecl) },
    ]);
  });

  defineDataDeclarations($);
  defineValueDeclarations($);
  defineArticleReferences($);
}

/** soort, gegevens, invoer, uitvoer: the types and fields a policy reads and writes. */
function defineDataDeclarations($: PolisParser): void {
  $.soortDecl = $.RULE("soortDecl", () => {
    $.CONSUME(T.Soort);
    $.CONSUME(T.Identifier, { LABEL: "name" });
    $.CONSUME(T.Colon);
    $.CONSUME2(T.Identifier, { LABEL: "values" });
    $.MANY(() => {
      $.OPTION(() => $.CONSUME(T.Comma));
      $.CONSUME3(T.Identifier, { LABEL: "values" });
    });
  });

  $.gegevensDecl = $.RULE("gegevensDecl", () => {
    $.CONSUME(T.Gegevens);
    $.CONSUME(T.Identifier, { LABEL: "name" });
    $.CONSUME(T.Colon);
    $.MANY({ GATE: () => isFieldStart($), DEF: () => $.SUBRULE($.fieldDecl) });
  });

  $.invoerDecl = $.RULE("invoerDecl", () => {
    $.CONSUME(T.Invoer);
    $.MANY({ GATE: () => isFieldStart($), DEF: () => $.SUBRULE($.fieldDecl) });
  });

  $.uitvoerDecl = $.RULE("uitvoerDecl", () => {
    $.CONSUME(T.Uitvoer);
    $.MANY({ GATE: () => isFieldStart($), DEF: () => $.SUBRULE($.fieldDecl) });
  });

  /** `naam: type [beperking] [standaard EXPR]`, in gegevens, invoer and uitvoer. */
  $.fieldDecl = $.RULE("fieldDecl", () => {
    $.CONSUME(T.AnyWord, { LABEL: "name" });
    $.CONSUME(T.Colon);
    $.SUBRULE($.typeRef);
    $.OPTION3(() => $.CONSUME(T.Optioneel, { LABEL: "optional" }));
    $.OPTION(() => $.SUBRULE($.restriction));
    $.OPTION2(() => {
      $.CONSUME(T.Standaard);
      $.SUBRULE($.expression, { LABEL: "default" });
    });
  });

  $.restriction = $.RULE("restriction", () => {
    $.OR([
      {
        ALT: () => {
          $.CONSUME(T.Vanaf);
          $.SUBRULE($.additive, { LABEL: "min" });
          $.OPTION(() => {
            $.CONSUME(T.TotEnMet);
            $.SUBRULE2($.additive, { LABEL: "max" });
          });
        },
      },
      {
        ALT: () => {
          $.CONSUME2(T.TotEnMet);
          $.SUBRULE3($.additive, { LABEL: "max" });
        },
      },
      {
        ALT: () => {
          $.CONSUME(T.Tussen);
          $.SUBRULE4($.additive, { LABEL: "min" });
          $.CONSUME(T.En);
          $.SUBRULE5($.additive, { LABEL: "max" });
        },
      },
      {
        ALT: () => {
          $.CONSUME(T.Uit);
          $.SUBRULE($.valueSet);
        },
      },
    ]);
  });

  $.typeRef = $.RULE("typeRef", () => {
    $.OR([
      {
        ALT: () => {
          $.CONSUME(T.Lijst);
          $.CONSUME(T.Van);
          $.SUBRULE($.typeRef, { LABEL: "element" });
        },
      },
      { ALT: () => $.CONSUME(T.TypeKeyword, { LABEL: "builtin" }) },
      { ALT: () => $.CONSUME(T.Identifier, { LABEL: "named" }) },
    ]);
  });
}

/** voorwaarde, parameter, begrip, functie: named values and functions. */
function defineValueDeclarations($: PolisParser): void {
  $.voorwaardeDecl = $.RULE("voorwaardeDecl", () => {
    $.CONSUME(T.Voorwaarde);
    $.SUBRULE($.expression);
  });

  $.parameterDecl = $.RULE("parameterDecl", () => {
    $.CONSUME(T.Parameter);
    $.CONSUME(T.Identifier, { LABEL: "name" });
    $.CONSUME(T.Colon);
    $.SUBRULE($.typeRef);
    $.CONSUME(T.Equals);
    $.SUBRULE($.expression);
    $.OPTION(() => $.SUBRULE($.articleRef));
  });

  $.begripDecl = $.RULE("begripDecl", () => {
    $.CONSUME(T.Begrip);
    $.CONSUME(T.Identifier, { LABEL: "name" });
    $.CONSUME(T.Colon);
    $.SUBRULE($.typeRef);
    $.CONSUME(T.Equals);
    $.SUBRULE($.expression);
    $.OPTION(() => $.SUBRULE($.articleRef));
  });

  $.functieDecl = $.RULE("functieDecl", () => {
    $.CONSUME(T.Functie);
    $.CONSUME(T.Identifier, { LABEL: "name" });
    $.CONSUME(T.LParen);
    $.MANY_SEP({
      SEP: T.Comma,
      DEF: () => $.SUBRULE($.functionParam),
    });
    $.CONSUME(T.RParen);
    $.CONSUME(T.Colon);
    $.SUBRULE($.typeRef);
    $.CONSUME(T.Equals);
    $.SUBRULE($.expression);
    $.OPTION(() => $.SUBRULE($.articleRef));
  });

  $.functionParam = $.RULE("functionParam", () => {
    $.CONSUME(T.Identifier, { LABEL: "name" });
    $.CONSUME(T.Colon);
    $.SUBRULE($.typeRef);
  });
}

/** Article references `[art. 3 lid 2, "bijlage"]` after a declaration. */
function defineArticleReferences($: PolisParser): void {
  $.articleRef = $.RULE("articleRef", () => {
    $.CONSUME(T.ArticleOpen);
    $.SUBRULE($.articleLabel);
    $.MANY(() => {
      $.OPTION(() => $.CONSUME(T.ArticleComma));
      $.SUBRULE2($.articleLabel);
    });
    $.CONSUME(T.ArticleClose);
  });

  $.articleLabel = $.RULE("articleLabel", () => {
    $.OR([
      {
        ALT: () => {
          $.CONSUME(T.ArticleLabel, { LABEL: "label" });
          $.OPTION(() => {
            $.CONSUME(T.ArticleLid);
            $.CONSUME2(T.ArticleLabel, { LABEL: "lid" });
          });
        },
      },
      { ALT: () => $.CONSUME(T.StringLiteral, { LABEL: "quoted" }) },
    ]);
  });
}
