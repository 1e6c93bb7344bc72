// Expressions, by level as in LANGUAGE.md §6, loosest first: indien, the
// aggregations, of/en/niet, comparisons, rounding, + -, * /, unary minus.
// The tightest levels (field access, units, atoms) are in atoms.ts.

import * as T from "../tokens.js";
import type { PolisParser, Rule } from "../parser.js";

export interface ExpressionRules {
  expression: Rule;
  ifExpression: Rule;
  aggregation: Rule;
  disjunction: Rule;
  conjunction: Rule;
  negation: Rule;
  comparison: Rule;
  valueSet: Rule;
  rounding: Rule;
  roundingSuffix: Rule;
  additive: Rule;
  multiplicative: Rule;
  unary: Rule;
}

export function defineExpressionRules($: PolisParser): void {
  $.expression = $.RULE("expression", () => {
    $.OR([
      { ALT: () => $.SUBRULE($.ifExpression) },
      { ALT: () => $.SUBRULE($.aggregation) },
      { ALT: () => $.SUBRULE($.disjunction) },
    ]);
  });

  $.ifExpression = $.RULE("ifExpression", () => {
    $.CONSUME(T.Indien);
    $.SUBRULE($.expression, { LABEL: "condition" });
    $.CONSUME(T.Dan);
    $.SUBRULE2($.expression, { LABEL: "then" });
    $.CONSUME(T.Anders);
    $.SUBRULE3($.expression, { LABEL: "else" });
  });

  defineAggregation($);
  defineLogic($);
  defineArithmetic($);
}

/** Aggregations over a list: aantal, som, er is een, voor alle, grootste/kleinste/eerste/laatste, lopende som, de … van elke. */
function defineAggregation($: PolisParser): void {
  $.aggregation = $.RULE("aggregation", () => {
    $.OR([
      {
        ALT: () => {
          $.CONSUME(T.Aantal, { LABEL: "count" });
          $.CONSUME(T.Identifier, { LABEL: "variable" });
          $.CONSUME(T.In);
          $.SUBRULE($.postfix, { LABEL: "list" });
          $.OPTION(() => {
            $.CONSUME(T.Waarvoor);
            $.SUBRULE($.expression, { LABEL: "filter" });
          });
        },
      },
      {
        ALT: () => {
          $.CONSUME(T.Som, { LABEL: "sum" });
          $.CONSUME(T.Van);
          $.SUBRULE2($.expression, { LABEL: "body" });
          $.CONSUME(T.Voor);
          $.CONSUME2(T.Identifier, { LABEL: "variable" });
          $.CONSUME2(T.In);
          $.SUBRULE2($.postfix, { LABEL: "list" });
          $.OPTION2(() => {
            $.CONSUME2(T.Waarvoor);
            $.SUBRULE3($.expression, { LABEL: "filter" });
          });
        },
      },
      {
        ALT: () => {
          $.CONSUME(T.ErIsEen, { LABEL: "exists" });
          $.CONSUME3(T.Identifier, { LABEL: "variable" });
          $.CONSUME3(T.In);
          $.SUBRULE3($.postfix, { LABEL: "list" });
          $.OPTION3(() => {
            $.CONSUME3(T.Waarvoor);
            $.SUBRULE4($.expression, { LABEL: "filter" });
          });
        },
      },
      {
        ALT: () => {
          $.CONSUME(T.VoorAlle, { LABEL: "forall" });
          $.CONSUME4(T.Identifier, { LABEL: "variable" });
          $.CONSUME4(T.In);
          $.SUBRULE4($.postfix, { LABEL: "list" });
          $.CONSUME(T.Geldt);
          $.SUBRULE5($.expression, { LABEL: "filter" });
        },
      },
      {
        // Issue 19: `grootste/kleinste/eerste/laatste van E voor x in L [waarvoor C]`
        // and `lopende som van E voor x in L [waarvoor C]`.
        ALT: () => {
          $.OR2([
            { ALT: () => $.CONSUME(T.Grootste, { LABEL: "pick" }) },
            { ALT: () => $.CONSUME(T.Kleinste, { LABEL: "pick" }) },
            { ALT: () => $.CONSUME(T.Eerste, { LABEL: "pick" }) },
            { ALT: () => $.CONSUME(T.Laatste, { LABEL: "pick" }) },
            { ALT: () => $.CONSUME(T.Lopende, { LABEL: "running" }) },
          ]);
          $.SUBRULE6($.expression, { LABEL: "body" });
          $.CONSUME2(T.Voor);
          $.CONSUME5(T.Identifier, { LABEL: "variable" });
          $.CONSUME5(T.In);
          $.SUBRULE5($.postfix, { LABEL: "list" });
          $.OPTION4(() => {
            $.CONSUME4(T.Waarvoor);
            $.SUBRULE7($.expression, { LABEL: "filter" });
          });
        },
      },
      {
        // Issue 19: `de E van elke x in L [waarvoor C]`, a list.
        ALT: () => {
          $.CONSUME(T.De, { LABEL: "map" });
          $.SUBRULE8($.expression, { LABEL: "body" });
          $.CONSUME3(T.Van);
          $.CONSUME(T.Elke);
          $.CONSUME6(T.Identifier, { LABEL: "variable" });
          $.CONSUME6(T.In);
          $.SUBRULE6($.postfix, { LABEL: "list" });
          $.OPTION5(() => {
            $.CONSUME5(T.Waarvoor);
            $.SUBRULE9($.expression, { LABEL: "filter" });
          });
        },
      },
    ]);
  });
}

/** `of`, `en`, `niet` and comparisons (LANGUAGE.md §6, levels 2 to 5). */
function defineLogic($: PolisParser): void {
  $.disjunction = $.RULE("disjunction", () => {
    $.SUBRULE($.conjunction, { LABEL: "operands" });
    $.MANY(() => {
      $.CONSUME(T.Of);
      $.SUBRULE2($.conjunction, { LABEL: "operands" });
    });
  });

  $.conjunction = $.RULE("conjunction", () => {
    $.SUBRULE($.negation, { LABEL: "operands" });
    $.MANY(() => {
      $.CONSUME(T.En);
      $.SUBRULE2($.negation, { LABEL: "operands" });
    });
  });

  $.negation = $.RULE("negation", () => {
    $.OR([
      {
        ALT: () => {
          $.CONSUME(T.Niet);
          $.SUBRULE($.negation);
        },
      },
      { ALT: () => $.SUBRULE($.comparison) },
    ]);
  });

  $.comparison = $.RULE("comparison", () => {
    $.SUBRULE($.rounding, { LABEL: "left" });
    $.OPTION(() => {
      $.OR([
        {
          ALT: () => {
            $.OR2([
              { ALT: () => $.CONSUME(T.Equals, { LABEL: "op" }) },
              { ALT: () => $.CONSUME(T.NotEq, { LABEL: "op" }) },
              { ALT: () => $.CONSUME(T.LessEq, { LABEL: "op" }) },
              { ALT: () => $.CONSUME(T.GreaterEq, { LABEL: "op" }) },
              { ALT: () => $.CONSUME(T.Less, { LABEL: "op" }) },
              { ALT: () => $.CONSUME(T.Greater, { LABEL: "op" }) },
            ]);
            $.SUBRULE2($.rounding, { LABEL: "right" });
          },
        },
        {
          ALT: () => {
            $.OPTION2(() => $.CONSUME(T.Niet, { LABEL: "not" }));
            $.CONSUME(T.In, { LABEL: "in" });
            // `x in {a, b}`, or `x in lijst` (issue 19): one of the elements of a list.
            $.OR3({
              IGNORE_AMBIGUITIES: true,
              DEF: [
                { GATE: () => $.LA(1).tokenType === T.LCurly, ALT: () => $.SUBRULE($.valueSet) },
                { ALT: () => $.SUBRULE($.postfix, { LABEL: "list" }) },
              ],
            });
          },
        },
        {
          // `x is bekend`: whether an optional input was given.
          ALT: () => {
            $.CONSUME(T.Is, { LABEL: "is" });
            $.CONSUME(T.Bekend);
          },
        },
        {
          ALT: () => {
            $.CONSUME(T.Tussen, { LABEL: "between" });
            $.SUBRULE($.additive, { LABEL: "low" });
            $.CONSUME(T.En);
            $.SUBRULE2($.additive, { LABEL: "high" });
          },
        },
      ]);
    });
  });

  $.valueSet = $.RULE("valueSet", () => {
    $.CONSUME(T.LCurly);
    $.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => $.SUBRULE($.additive, { LABEL: "values" }) });
    $.CONSUME(T.RCurly);
  });
}

/** Rounding, `+ -`, `* /` and unary minus (LANGUAGE.md §6, levels 6 to 9). */
function defineArithmetic($: PolisParser): void {
  $.rounding = $.RULE("rounding", () => {
    $.SUBRULE($.additive, { LABEL: "operand" });
    $.MANY(() => $.SUBRULE($.roundingSuffix));
  });

  $.roundingSuffix = $.RULE("roundingSuffix", () => {
    $.OPTION(() => {
      $.CONSUME(T.Naar);
      $.OR([
        { ALT: () => $.CONSUME(T.Beneden, { LABEL: "down" }) },
        { ALT: () => $.CONSUME(T.Boven, { LABEL: "up" }) },
      ]);
    });
    $.CONSUME(T.Afgerond);
    $.CONSUME(T.Op);
    $.OR2([
      {
        ALT: () => {
          $.CONSUME(T.Hele, { LABEL: "euros" });
          $.CONSUME(T.Euro);
        },
      },
      { ALT: () => $.CONSUME(T.Centen, { LABEL: "cents" }) },
      {
        ALT: () => {
          $.CONSUME(T.NumberLiteral, { LABEL: "decimals" });
          $.CONSUME(T.Decimalen);
        },
      },
    ]);
  });

  $.additive = $.RULE("additive", () => {
    $.SUBRULE($.multiplicative, { LABEL: "operands" });
    $.MANY(() => {
      $.OR([
        { ALT: () => $.CONSUME(T.Plus, { LABEL: "ops" }) },
        { ALT: () => $.CONSUME(T.Minus, { LABEL: "ops" }) },
      ]);
      $.SUBRULE2($.multiplicative, { LABEL: "operands" });
    });
  });

  $.multiplicative = $.RULE("multiplicative", () => {
    $.SUBRULE($.unary, { LABEL: "operands" });
    $.MANY(() => {
      $.OR([
        { ALT: () => $.CONSUME(T.Star, { LABEL: "ops" }) },
        { ALT: () => $.CONSUME(T.Slash, { LABEL: "ops" }) },
      ]);
      $.SUBRULE2($.unary, { LABEL: "operands" });
    });
  });

  $.unary = $.RULE("unary", () => {
    $.OR([
      {
        ALT: () => {
          $.CONSUME(T.Minus);
          $.SUBRULE($.unary);
        },
      },
      { ALT: () => $.SUBRULE($.postfix) },
    ]);
  });
}
