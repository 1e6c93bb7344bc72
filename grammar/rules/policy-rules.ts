// `regel` declarations: a rule's name, articles, exceptions, member sentence,
// and its clauses (`indien … dan …`, `anders …`) of assignments `uitvoer EXPR`.

import { tokenMatcher } from "chevrotain";
import * as T from "../tokens.js";
import type { PolisParser, Rule } from "../parser.js";

export interface PolicyRuleRules {
  regelDecl: Rule;
  exceptionTargets: Rule;
  clause: Rule;
  assignments: Rule;
  assignment: Rule;
}

export function definePolicyRuleRules($: PolisParser): void {
  $.regelDecl = $.RULE("regelDecl", () => {
    $.CONSUME(T.Regel);
    $.CONSUME(T.Identifier, { LABEL: "name" });
    $.OPTION(() => $.SUBRULE($.articleRef));
    $.OPTION2(() => $.SUBRULE($.exceptionTargets));
    $.CONSUME(T.Colon);
    // `lid "U betaalt {verplicht} eigen risico."`: the rule's sentence for a
    // member's explanation (docs/language.md).
    $.OPTION3(() => {
      $.CONSUME(T.Lid);
      $.CONSUME(T.StringLiteral, { LABEL: "lid" });
    });
    $.AT_LEAST_ONE(() => $.SUBRULE($.clause));
  });

  // `uitzondering op A, B`: one exception to several rules or tables.
  $.exceptionTargets = $.RULE("exceptionTargets", () => {
    $.CONSUME(T.Uitzondering);
    $.CONSUME(T.Op);
    $.CONSUME(T.Identifier, { LABEL: "target" });
    $.MANY(() => {
      $.CONSUME(T.Comma);
      $.CONSUME2(T.Identifier, { LABEL: "target" });
    });
  });

  $.clause = $.RULE("clause", () => {
    $.OR([
      {
        ALT: () => {
          $.CONSUME(T.Indien);
          $.SUBRULE($.expression, { LABEL: "condition" });
          $.CONSUME(T.Dan);
          $.SUBRULE($.assignments);
        },
      },
      {
        ALT: () => {
          $.CONSUME(T.Anders);
          $.SUBRULE2($.assignments);
        },
      },
      { ALT: () => $.SUBRULE3($.assignments) },
    ]);
  });

  $.assignments = $.RULE("assignments", () => {
    $.SUBRULE($.assignment);
    $.MANY({
      GATE: () =>
        tokenMatcher($.LA(1), T.Identifier) ||
        (tokenMatcher($.LA(1), T.Comma) && tokenMatcher($.LA(2), T.Identifier)),
      DEF: () => {
        $.OPTION(() => $.CONSUME(T.Comma));
        $.SUBRULE2($.assignment);
      },
    });
  });

  $.assignment = $.RULE("assignment", () => {
    $.CONSUME(T.Identifier, { LABEL: "target" });
    $.SUBRULE($.expression);
  });
}
