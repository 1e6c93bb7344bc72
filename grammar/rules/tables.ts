// Issue 18: decision tables (`tabel NAAM (artikel …) uniek:`, a header
// `| kolom | … || uitvoer | … |`, then rows `| cel | … || waarde | … |
// (artikel …)`) and the periods of a value by date (`€ 220 vanaf 1 januari
// 2012`, `€ 350 van 1 januari 2013 tot en met 31 december 2013`; the
// parameter declaration in declarations.ts lists them before `volgens`).
// Lowered by compiler/syntax/from-cst-table.ts.

import { tokenMatcher } from "chevrotain";
import * as T from "../tokens.js";
import type { PolisParser, Rule } from "../parser.js";

export interface TableRules {
  datedPeriod: Rule;
  tabelDecl: Rule;
  tableHeader: Rule;
  tableRow: Rule;
  tableCell: Rule;
}

export function defineTableRules($: PolisParser): void {
  $.datedPeriod = $.RULE("datedPeriod", () => {
    $.OR([
      {
        ALT: () => {
          $.CONSUME(T.Vanaf);
          $.SUBRULE($.dateLiteral, { LABEL: "from" });
        },
      },
      {
        ALT: () => {
          $.CONSUME(T.Van);
          $.SUBRULE2($.dateLiteral, { LABEL: "from" });
          $.OR2([{ ALT: () => $.CONSUME(T.TotEnMet) }, { ALT: () => $.CONSUME(T.Tot) }]);
          $.SUBRULE3($.dateLiteral, { LABEL: "to" });
        },
      },
    ]);
  });

  $.tabelDecl = $.RULE("tabelDecl", () => {
    $.CONSUME(T.Tabel);
    $.CONSUME(T.Identifier, { LABEL: "name" });
    $.OPTION(() => $.SUBRULE($.articleRef));
    $.OPTION2(() => $.SUBRULE($.exceptionTargets));
    $.CONSUME2(T.Identifier, { LABEL: "hit" });
    $.CONSUME(T.Colon);
    $.SUBRULE($.tableHeader);
    $.MANY2(() => $.SUBRULE($.tableRow));
  });

  $.tableHeader = $.RULE("tableHeader", () => {
    $.CONSUME(T.Pipe);
    $.CONSUME(T.Identifier, { LABEL: "column" });
    $.MANY(() => {
      $.CONSUME2(T.Pipe);
      $.CONSUME2(T.Identifier, { LABEL: "column" });
    });
    $.CONSUME(T.DoublePipe);
    $.CONSUME3(T.Identifier, { LABEL: "output" });
    $.MANY2(() => {
      $.CONSUME3(T.Pipe);
      $.CONSUME4(T.Identifier, { LABEL: "output" });
    });
    $.CONSUME4(T.Pipe);
  });

  $.tableRow = $.RULE("tableRow", () => {
    $.CONSUME(T.Pipe);
    $.OR([
      { ALT: () => $.CONSUME(T.Anders) },
      {
        ALT: () => {
          $.SUBRULE($.tableCell);
          $.MANY(() => {
            $.CONSUME2(T.Pipe);
            $.SUBRULE2($.tableCell);
          });
        },
      },
    ]);
    $.CONSUME(T.DoublePipe);
    $.SUBRULE($.expression, { LABEL: "value" });
    $.MANY2(() => {
      $.CONSUME3(T.Pipe);
      $.SUBRULE2($.expression, { LABEL: "value" });
    });
    $.CONSUME4(T.Pipe);
    $.OPTION(() => $.SUBRULE($.articleRef));
  });

  $.tableCell = $.RULE("tableCell", () => {
    $.OR({
      // `{a, b}` is a set of values here, never a record literal.
      IGNORE_AMBIGUITIES: true,
      DEF: [
        { ALT: () => $.CONSUME(T.Minus, { LABEL: "any" }), GATE: () => tokenMatcher($.LA(2), T.Pipe) || tokenMatcher($.LA(2), T.DoublePipe) },
        {
          ALT: () => {
            $.OR2([
              { ALT: () => $.CONSUME(T.LessEq, { LABEL: "op" }) },
              { ALT: () => $.CONSUME(T.GreaterEq, { LABEL: "op" }) },
              { ALT: () => $.CONSUME(T.NotEq, { LABEL: "op" }) },
              { ALT: () => $.CONSUME(T.Less, { LABEL: "op" }) },
              { ALT: () => $.CONSUME(T.Greater, { LABEL: "op" }) },
              { ALT: () => $.CONSUME(T.Equals, { LABEL: "op" }) },
            ]);
            $.SUBRULE($.additive, { LABEL: "value" });
          },
        },
        {
          ALT: () => {
            $.CONSUME(T.Vanaf);
            $.SUBRULE2($.additive, { LABEL: "min" });
            $.OPTION(() => {
              $.OR3([{ ALT: () => $.CONSUME(T.TotEnMet) }, { ALT: () => $.CONSUME(T.Tot) }]);
              $.SUBRULE3($.additive, { LABEL: "max" });
            });
          },
        },
        {
          ALT: () => {
            $.OR4([{ ALT: () => $.CONSUME2(T.TotEnMet) }, { ALT: () => $.CONSUME2(T.Tot) }]);
            $.SUBRULE4($.additive, { LABEL: "max" });
          },
        },
        {
          ALT: () => {
            $.CONSUME(T.Tussen);
            $.SUBRULE5($.additive, { LABEL: "min" });
            $.CONSUME(T.En);
            $.SUBRULE6($.additive, { LABEL: "max" });
          },
        },
        { ALT: () => $.SUBRULE($.valueSet) },
        { ALT: () => $.SUBRULE7($.additive, { LABEL: "value" }) },
      ],
    });
  });
}
