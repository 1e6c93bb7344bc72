// Outputs in their case-file encoding (LANGUAGE.md §10), as SQL: bedrag
// "18.00", getal and percentage exact decimal text, aantal an integer, datum
// ISO text, janee a boolean, tekst and soort text, duur and periode JSON text.

import type * as IR from "../ir/ir.js";
import type { Ctx } from "./expr.js";
import type { V } from "./value.js";

export function encodeOutput(c: Ctx, v: V, t: IR.Type): string {
  const f = c.f;
  switch (v.k) {
    case "num":
      if (t.k === "bedrag") return c.fmt.fixed(v.x, 2);
      if (t.k === "aantal") return f.col(c.d.idiv(v.x.n, v.x.d));
      if (t.k === "percentage") return c.fmt.decimal(c.a.mul(v.x, c.a.const(100n, 1n)));
      return c.fmt.decimal(v.x);
    case "day":
      return c.fmt.iso(v.x);
    case "bool": case "text":
      return v.x;
    case "dur":
      return f.col(c.d.concat([`CASE WHEN ${v.u} = 0 THEN '{"dagen":' ELSE '{"maanden":' END`, c.d.digits(v.n), "'}'"]));
    case "per":
      return f.col(`CASE WHEN ${v.e} > ${v.s} THEN ${c.d.concat([`'{"van":"'`, c.fmt.iso(v.s), `'","tot_en_met":"'`, c.fmt.iso(f.col(`${v.e} - 1`)), `'"}'`])} END`);
    default:
      throw new Error("internal: list output");
  }
}
