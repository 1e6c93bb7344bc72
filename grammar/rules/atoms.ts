// The tightest expression levels (LANGUAGE.md §6, levels 10 and 11): atoms
// (names, calls, numbers, amounts, texts, ja/nee, dates, parentheses,
// periods, lists, records), then field accesses, units and `%`.

import * as T from "../tokens.js";
import type { PolisParser, Rule } from "../parser.js";

export interface AtomRules {
  postfix: Rule;
  atom: Rule;
}

export function defineAtomRules($: PolisParser): void {
  /** Level 10 and 11: an atom, then field accesses, units and `%`. */
  $.postfix = $.RULE("postfix", () => {
    $.SUBRULE($.atom);
    $.MANY(() => {
      $.OR([
        {
          ALT: () => {
            $.CONSUME(T.Dot, { LABEL: "dot" });
            $.CONSUME(T.AnyWord, { LABEL: "field" });
          },
        },
        { ALT: () => $.CONSUME(T.UnitKeyword, { LABEL: "unit" }) },
        { ALT: () => $.CONSUME(T.PercentSign, { LABEL: "percent" }) },
      ]);
    });
  });

  $.atom = $.RULE("atom", () => {
    $.OR([
      {
        ALT: () => {
          $.CONSUME(T.Identifier, { LABEL: "name" });
          $.OPTION(() => {
            $.CONSUME(T.LParen, { LABEL: "call" });
            $.MANY_SEP({ SEP: T.Comma, DEF: () => $.SUBRULE($.expression, { LABEL: "args" }) });
            $.CONSUME(T.RParen);
          });
        },
      },
      { ALT: () => $.CONSUME(T.NumberLiteral, { LABEL: "number" }) },
      {
        ALT: () => {
          $.CONSUME(T.EuroSign, { LABEL: "euro" });
          $.OPTION2(() => $.CONSUME(T.Minus, { LABEL: "minus" }));
          $.CONSUME2(T.NumberLiteral, { LABEL: "number" });
        },
      },
      { ALT: () => $.CONSUME(T.StringLiteral, { LABEL: "text" }) },
      { ALT: () => $.CONSUME(T.Ja, { LABEL: "yes" }) },
      { ALT: () => $.CONSUME(T.Nee, { LABEL: "no" }) },
      { ALT: () => $.SUBRULE($.dateLiteral) },
      {
        ALT: () => {
          $.CONSUME2(T.LParen, { LABEL: "paren" });
          $.SUBRULE2($.expression, { LABEL: "inner" });
          $.CONSUME2(T.RParen);
        },
      },
      {
        ALT: () => {
          $.CONSUME(T.Periode, { LABEL: "period" });
          $.CONSUME(T.Van);
          $.SUBRULE($.additive, { LABEL: "from" });
          $.OR2([
            { ALT: () => $.CONSUME(T.TotEnMet, { LABEL: "through" }) },
            { ALT: () => $.CONSUME(T.Tot, { LABEL: "until" }) },
          ]);
          $.SUBRULE2($.additive, { LABEL: "to" });
        },
      },
      {
        ALT: () => {
          $.CONSUME(T.LSquare, { LABEL: "list" });
          $.MANY_SEP2({ SEP: T.Comma, DEF: () => $.SUBRULE3($.expression, { LABEL: "items" }) });
          $.CONSUME(T.RSquare);
        },
      },
      {
        ALT: () => {
          $.CONSUME(T.LCurly, { LABEL: "record" });
          $.MANY2(() => {
            $.OPTION3(() => $.CONSUME(T.Comma));
            $.CONSUME2(T.AnyWord, { LABEL: "fields" });
            $.SUBRULE4($.expression, { LABEL: "values" });
          });
          $.CONSUME(T.RCurly);
        },
      },
    ]);
  });
}
