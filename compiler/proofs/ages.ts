// An age compared with a whole number, as a date comparison (issue 18):
// `leeftijd_op(g, p) >= 18` holds exactly when `p >= g + 18 jaar` (the step
// clamped to the month's end, so a 29 februari birthday falls on 28 februari
// in a common year, as `leeftijd_op` counts it). Encoded that way, the two
// ways authors write "18 or older" become the same solver term, and a diff
// or an overlap between them is decided at once instead of by the solver
// searching (y, m, d) of both dates over two centuries (it gave up after 10 s).
// Why exact: with ty = gy + n, both sides compare (month, day) of p with the
// birthday in year ty; with ty > gy + n both hold, with ty < gy + n neither.
// In: a `cmp` node, the encoder. Out: a Bool term, or undefined when the node
// is not an age against a whole constant.

import type { Rat } from "../../runtime/rational.js";
import { bigDen, bigNum } from "../../runtime/rational.js";
import type { Expr } from "../ir/ir.js";
import type { Encoder, A, B } from "./encode.js";

type Cmp = Expr & { e: "cmp" };

/** `leeftijd_op(g, p)`, also through a begrip that is one: its two dates. */
function ageCall(enc: Encoder, x: Expr, depth = 0): { birth: Expr; day: Expr } | undefined {
  if (x.e === "std" && x.fn === "leeftijd_op" && x.args.length === 2) return { birth: x.args[0]!, day: x.args[1]! };
  if (x.e === "to_aantal") return ageCall(enc, x.arg, depth);
  if (x.e === "ref" && x.ref === "begrip" && depth < 4) {
    const def = enc.policy.begrippen.find((b) => b.name === x.name);
    return def ? ageCall(enc, def.value, depth + 1) : undefined;
  }
  return undefined;
}

/** A whole-number constant, also a parameter that is one (`minimum_leeftijd`). */
function wholeConstant(enc: Encoder, x: Expr, depth = 0): bigint | undefined {
  if (x.e === "ref" && x.ref === "parameter" && depth < 4) {
    const def = enc.policy.parameters.find((d) => d.name === x.name);
    return def ? wholeConstant(enc, def.value, depth + 1) : undefined;
  }
  if (x.e !== "const" || (x.type.k !== "aantal" && x.type.k !== "getal")) return undefined;
  const r = x.value as Rat;
  return bigDen(r) === 1n ? bigNum(r) : undefined;
}

const FLIP = { "<": ">", "<=": ">=", ">": "<", ">=": "<=", "=": "=", "<>": "<>" } as const;

export function ageComparison(enc: Encoder, x: Cmp): B | undefined {
  let age = ageCall(enc, x.left);
  let n = wholeConstant(enc, x.right);
  let op: Cmp["op"] = x.op;
  if (!age || n === undefined) {
    age = ageCall(enc, x.right);
    n = wholeConstant(enc, x.left);
    op = FLIP[x.op];
  }
  if (!age || n === undefined) return undefined;
  const { z, cal } = enc;
  const birth = enc.day(age.birth);
  const day = enc.day(age.day);
  /** age >= k, as `day >= birth + k jaar`. */
  const atLeast = (k: bigint): B => day.ge(cal.addMonths(birth, z.Int.val(k * 12n) as A).day);
  switch (op) {
    case ">=": return atLeast(n);
    case ">": return atLeast(n + 1n);
    case "<": return z.Not(atLeast(n));
    case "<=": return z.Not(atLeast(n + 1n));
    case "=": return z.And(atLeast(n), z.Not(atLeast(n + 1n)));
    case "<>": return z.Not(z.And(atLeast(n), z.Not(atLeast(n + 1n))));
  }
}
