// Constant evaluation of IR expressions that need no case: beperkingen,
// and the `gegeven`/`verwacht` values of a voorbeeld. Returns undefined when
// the expression reads anything (an input, a begrip, …) or fails; it never
// throws. The full evaluator is the generated module.

import { add, div, isInteger, mul, neg, ratInt, round, sign, sub, type Rat } from "../../runtime/rational.js";
import { addDuration, durationFromCount, periodFromThrough, periodFromTo, type Duration } from "../../runtime/calendar.js";
import type { Expr, Value } from "./ir.js";

export function evalConstant(x: Expr): Value | undefined {
  try {
    return evaluate(x);
  } catch {
    return undefined;
  }
}

class NotConstant extends Error {}

function evaluate(x: Expr): Value {
  switch (x.e) {
    case "const":
      return x.value;
    case "neg":
      return neg(evaluate(x.arg) as Rat);
    case "num": {
      const a = evaluate(x.left) as Rat;
      const b = evaluate(x.right) as Rat;
      return x.op === "add" ? add(a, b) : x.op === "sub" ? sub(a, b) : x.op === "mul" ? mul(a, b) : div(a, b);
    }
    case "round":
      return round(evaluate(x.arg) as Rat, x.decimals, x.mode);
    case "percent":
      return div(evaluate(x.arg) as Rat, HUNDRED);
    case "dur":
      return durationFromCount(evaluate(x.arg) as Rat, x.unit);
    case "dur_neg": {
      const d = evaluate(x.arg) as Duration;
      return { unit: d.unit, n: -d.n };
    }
    case "date_add":
      return addDuration(evaluate(x.date) as number, evaluate(x.dur) as Duration, x.sign);
    case "period": {
      const from = evaluate(x.from) as number;
      const to = evaluate(x.to) as number;
      return x.inclusive ? periodFromThrough(from, to) : periodFromTo(from, to);
    }
    case "list":
      return x.items.map(evaluate);
    case "record": {
      const out: { [k: string]: Value } = {};
      for (const f of x.fields) out[f.name] = evaluate(f.value);
      return out;
    }
    case "to_aantal": {
      const v = evaluate(x.arg) as Rat;
      if (!isInteger(v) || sign(v) < 0) throw new NotConstant();
      return v;
    }
    case "if":
      return evaluate(x.cond) ? evaluate(x.then) : evaluate(x.else);
    default:
      throw new NotConstant();
  }
}

const HUNDRED = ratInt(100);
