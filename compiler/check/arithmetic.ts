// LANGUAGE.md §3 and §6 as data: which operand types an arithmetic operator
// takes and what type it gives. In: an operator and two operand kinds. Out:
// the result type, or undefined (the checker reports P0402). Dates and
// durations (`datum + duur`, `datum - datum`, `duur + duur`) are separate
// forms in the IR and are typed in operators.ts.

import type * as A from "../syntax/ast.js";
import type * as IR from "../ir/ir.js";
import { AANTAL, BEDRAG, GETAL, PERCENTAGE } from "./types.js";

type Kind = IR.Type["k"];

interface Row {
  /** The operators of this row, as written: "+-" is both. */
  ops: string;
  left: readonly Kind[];
  right: readonly Kind[];
  result: IR.Type;
}

/** `getal` and `aantal`: plain numbers. */
const PLAIN: readonly Kind[] = ["getal", "aantal"];

/** The first row that matches applies. */
export const ARITHMETIC: readonly Row[] = [
  { ops: "+-", left: ["bedrag"], right: ["bedrag"], result: BEDRAG },
  { ops: "+-", left: ["getal"], right: ["getal"], result: GETAL },
  { ops: "+-", left: ["percentage"], right: ["percentage"], result: PERCENTAGE },
  { ops: "+", left: ["aantal"], right: ["aantal"], result: AANTAL },
  { ops: "-", left: ["aantal"], right: ["aantal"], result: GETAL },
  { ops: "+-", left: PLAIN, right: PLAIN, result: GETAL },

  { ops: "*", left: ["bedrag"], right: [...PLAIN, "percentage"], result: BEDRAG },
  { ops: "*", left: [...PLAIN, "percentage"], right: ["bedrag"], result: BEDRAG },
  { ops: "*", left: ["percentage"], right: PLAIN, result: GETAL },
  { ops: "*", left: PLAIN, right: ["percentage"], result: GETAL },
  { ops: "*", left: ["aantal"], right: ["aantal"], result: AANTAL },
  { ops: "*", left: PLAIN, right: PLAIN, result: GETAL },

  { ops: "/", left: ["bedrag"], right: PLAIN, result: BEDRAG },
  { ops: "/", left: ["bedrag"], right: ["bedrag"], result: GETAL },
  { ops: "/", left: ["percentage"], right: PLAIN, result: PERCENTAGE },
  { ops: "/", left: PLAIN, right: PLAIN, result: GETAL },
];

/** The type of `left op right` for numbers, or undefined where the table has no row. */
export function arithmeticResult(op: A.ArithOp, left: Kind, right: Kind): IR.Type | undefined {
  return ARITHMETIC.find((r) => r.ops.includes(op) && r.left.includes(left) && r.right.includes(right))?.result;
}

export function numOpOf(op: A.ArithOp): IR.NumOp {
  return op === "+" ? "add" : op === "-" ? "sub" : op === "*" ? "mul" : "div";
}
