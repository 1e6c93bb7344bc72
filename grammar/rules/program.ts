// The grammar's top: a file (`polis naam "titel"`), its header lines
// (versie, geldig, bron) and date literals (also used by expressions).
// Rules are defined in a fixed order (grammar/parser.ts): the railroad diagrams
// in docs/grammar.html follow it.

import { EOF } from "chevrotain";
import * as T from "../tokens.js";
import type { PolisParser, Rule } from "../parser.js";

export interface ProgramRules {
  program: Rule;
  header: Rule;
  dateLiteral: Rule;
}

export function defineProgramRules($: PolisParser): void {
  $.program = $.RULE("program", () => {
    $.CONSUME(T.Polis);
    $.CONSUME(T.Identifier, { LABEL: "name" });
    $.CONSUME(T.StringLiteral, { LABEL: "title" });
    $.MANY(() => $.SUBRULE($.header));
    $.MANY2(() => $.SUBRULE($.declaration));
    $.CONSUME(EOF);
  });

  $.header = $.RULE("header", () => {
    $.OR([
      {
        ALT: () => {
          $.CONSUME(T.Versie);
          $.OR2([
            { ALT: () => $.CONSUME(T.NumberLiteral, { LABEL: "version" }) },
            { ALT: () => $.CONSUME(T.StringLiteral, { LABEL: "version" }) },
          ]);
        },
      },
      {
        ALT: () => {
          $.CONSUME(T.Geldig);
          $.OR4([
            {
              // `geldig van A tot en met B` / `geldig van A tot B`
              ALT: () => {
                $.CONSUME(T.Van);
                $.SUBRULE($.dateLiteral, { LABEL: "from" });
                $.OR3([
                  { ALT: () => $.CONSUME(T.TotEnMet, { LABEL: "through" }) },
                  { ALT: () => $.CONSUME(T.Tot, { LABEL: "until" }) },
                ]);
                $.SUBRULE2($.dateLiteral, { LABEL: "to" });
              },
            },
            {
              // `geldig vanaf A`: no end yet (an extension of LANGUAGE.md §4).
              ALT: () => {
                $.CONSUME(T.Vanaf);
                $.SUBRULE3($.dateLiteral, { LABEL: "from" });
              },
            },
          ]);
        },
      },
      {
        ALT: () => {
          $.CONSUME(T.Bron);
          $.CONSUME2(T.StringLiteral, { LABEL: "source" });
        },
      },
    ]);
  });

  $.dateLiteral = $.RULE("dateLiteral", () => {
    $.OR([{ ALT: () => $.CONSUME(T.DutchDate) }, { ALT: () => $.CONSUME(T.IsoDate) }]);
  });
}
