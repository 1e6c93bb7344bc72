// Chevrotain's rule-writing methods (RULE, CONSUME, SUBRULE, OPTION, OR, MANY,
// …), which CstParser keeps protected, made public on the parser so that the
// rule files in grammar/rules/ can define rules on the one instance they are
// given (`defineExpressionRules($)`, Chevrotain 11's helper-function style).
// Types only: `declare` emits no code, so parsing runs Chevrotain's own methods
// (and its recording phase still swaps them per instance).

import { CstParser } from "chevrotain";

export abstract class GrammarParser extends CstParser {
  declare public RULE: CstParser["RULE"];
  declare public LA: CstParser["LA"];
  declare public CONSUME: CstParser["CONSUME"];
  declare public CONSUME1: CstParser["CONSUME1"];
  declare public CONSUME2: CstParser["CONSUME2"];
  declare public CONSUME3: CstParser["CONSUME3"];
  declare public CONSUME4: CstParser["CONSUME4"];
  declare public CONSUME5: CstParser["CONSUME5"];
  declare public CONSUME6: CstParser["CONSUME6"];
  declare public CONSUME7: CstParser["CONSUME7"];
  declare public CONSUME8: CstParser["CONSUME8"];
  declare public CONSUME9: CstParser["CONSUME9"];
  declare public SUBRULE: CstParser["SUBRULE"];
  declare public SUBRULE1: CstParser["SUBRULE1"];
  declare public SUBRULE2: CstParser["SUBRULE2"];
  declare public SUBRULE3: CstParser["SUBRULE3"];
  declare public SUBRULE4: CstParser["SUBRULE4"];
  declare public SUBRULE5: CstParser["SUBRULE5"];
  declare public SUBRULE6: CstParser["SUBRULE6"];
  declare public SUBRULE7: CstParser["SUBRULE7"];
  declare public SUBRULE8: CstParser["SUBRULE8"];
  declare public SUBRULE9: CstParser["SUBRULE9"];
  declare public OPTION: CstParser["OPTION"];
  declare public OPTION1: CstParser["OPTION1"];
  declare public OPTION2: CstParser["OPTION2"];
  declare public OPTION3: CstParser["OPTION3"];
  declare public OPTION4: CstParser["OPTION4"];
  declare public OPTION5: CstParser["OPTION5"];
  declare public OPTION6: CstParser["OPTION6"];
  declare public OPTION7: CstParser["OPTION7"];
  declare public OPTION8: CstParser["OPTION8"];
  declare public OPTION9: CstParser["OPTION9"];
  declare public OR: CstParser["OR"];
  declare public OR1: CstParser["OR1"];
  declare public OR2: CstParser["OR2"];
  declare public OR3: CstParser["OR3"];
  declare public OR4: CstParser["OR4"];
  declare public OR5: CstParser["OR5"];
  declare public OR6: CstParser["OR6"];
  declare public OR7: CstParser["OR7"];
  declare public OR8: CstParser["OR8"];
  declare public OR9: CstParser["OR9"];
  declare public MANY: CstParser["MANY"];
  declare public MANY1: CstParser["MANY1"];
  declare public MANY2: CstParser["MANY2"];
  declare public MANY3: CstParser["MANY3"];
  declare public MANY4: CstParser["MANY4"];
  declare public MANY5: CstParser["MANY5"];
  declare public MANY6: CstParser["MANY6"];
  declare public MANY7: CstParser["MANY7"];
  declare public MANY8: CstParser["MANY8"];
  declare public MANY9: CstParser["MANY9"];
  declare public MANY_SEP: CstParser["MANY_SEP"];
  declare public MANY_SEP1: CstParser["MANY_SEP1"];
  declare public MANY_SEP2: CstParser["MANY_SEP2"];
  declare public MANY_SEP3: CstParser["MANY_SEP3"];
  declare public MANY_SEP4: CstParser["MANY_SEP4"];
  declare public MANY_SEP5: CstParser["MANY_SEP5"];
  declare public MANY_SEP6: CstParser["MANY_SEP6"];
  declare public MANY_SEP7: CstParser["MANY_SEP7"];
  declare public MANY_SEP8: CstParser["MANY_SEP8"];
  declare public MANY_SEP9: CstParser["MANY_SEP9"];
  declare public AT_LEAST_ONE: CstParser["AT_LEAST_ONE"];
  declare public AT_LEAST_ONE1: CstParser["AT_LEAST_ONE1"];
  declare public AT_LEAST_ONE2: CstParser["AT_LEAST_ONE2"];
  declare public AT_LEAST_ONE3: CstParser["AT_LEAST_ONE3"];
  declare public AT_LEAST_ONE4: CstParser["AT_LEAST_ONE4"];
  declare public AT_LEAST_ONE5: CstParser["AT_LEAST_ONE5"];
  declare public AT_LEAST_ONE6: CstParser["AT_LEAST_ONE6"];
  declare public AT_LEAST_ONE7: CstParser["AT_LEAST_ONE7"];
  declare public AT_LEAST_ONE8: CstParser["AT_LEAST_ONE8"];
  declare public AT_LEAST_ONE9: CstParser["AT_LEAST_ONE9"];
  declare public AT_LEAST_ONE_SEP: CstParser["AT_LEAST_ONE_SEP"];
  declare public AT_LEAST_ONE_SEP1: CstParser["AT_LEAST_ONE_SEP1"];
  declare public AT_LEAST_ONE_SEP2: CstParser["AT_LEAST_ONE_SEP2"];
  declare public AT_LEAST_ONE_SEP3: CstParser["AT_LEAST_ONE_SEP3"];
  declare public AT_LEAST_ONE_SEP4: CstParser["AT_LEAST_ONE_SEP4"];
  declare public AT_LEAST_ONE_SEP5: CstParser["AT_LEAST_ONE_SEP5"];
  declare public AT_LEAST_ONE_SEP6: CstParser["AT_LEAST_ONE_SEP6"];
  declare public AT_LEAST_ONE_SEP7: CstParser["AT_LEAST_ONE_SEP7"];
  declare public AT_LEAST_ONE_SEP8: CstParser["AT_LEAST_ONE_SEP8"];
  declare public AT_LEAST_ONE_SEP9: CstParser["AT_LEAST_ONE_SEP9"];
}
