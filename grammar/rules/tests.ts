// The policy's own tests: `voorbeeld "…": gegeven … verwacht …` and
// `eigenschap "…": altijd [als A dan] B`.

import { tokenMatcher } from "chevrotain";
import * as T from "../tokens.js";
import type { PolisParser, Rule } from "../parser.js";

export interface TestRules {
  voorbeeldDecl: Rule;
  namedValues: Rule;
  namedValue: Rule;
  eigenschapDecl: Rule;
}

export function defineTestRules($: PolisParser): void {
  $.voorbeeldDecl = $.RULE("voorbeeldDecl", () => {
    $.CONSUME(T.Voorbeeld);
    $.CONSUME(T.StringLiteral, { LABEL: "name" });
    $.CONSUME(T.Colon);
    $.CONSUME(T.Gegeven);
    $.OPTION(() => $.SUBRULE($.namedValues, { LABEL: "given" }));
    $.CONSUME(T.Verwacht);
    $.OR([
      {
        ALT: () => {
          $.CONSUME(T.Fout);
          $.CONSUME2(T.StringLiteral, { LABEL: "error" });
        },
      },
      { ALT: () => $.SUBRULE2($.namedValues, { LABEL: "expected" }) },
    ]);
  });

  $.namedValues = $.RULE("namedValues", () => {
    $.SUBRULE($.namedValue);
    $.MANY({
      GATE: () =>
        tokenMatcher($.LA(1), T.Identifier) ||
        (tokenMatcher($.LA(1), T.Comma) && tokenMatcher($.LA(2), T.Identifier)),
      DEF: () => {
        $.OPTION(() => $.CONSUME(T.Comma));
        $.SUBRULE2($.namedValue);
      },
    });
  });

  $.namedValue = $.RULE("namedValue", () => {
    $.CONSUME(T.Identifier, { LABEL: "name" });
    $.SUBRULE($.expression);
  });

  $.eigenschapDecl = $.RULE("eigenschapDecl", () => {
    $.CONSUME(T.Eigenschap);
    $.CONSUME(T.StringLiteral, { LABEL: "name" });
    $.CONSUME(T.Colon);
    $.CONSUME(T.Altijd);
    // `altijd als A dan B` (issue 19): an implication, true when A does not hold.
    $.OPTION(() => {
      $.CONSUME(T.Als);
      $.SUBRULE($.expression, { LABEL: "premise" });
      $.CONSUME(T.Dan);
    });
    $.SUBRULE2($.expression, { LABEL: "conclusion" });
  });
}
