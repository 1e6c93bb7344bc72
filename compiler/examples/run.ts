// Running a policy's `voorbeeld`s (LANGUAGE.md §8). In: the IR policy and its
// loaded module. Out: one result per voorbeeld, with a diagnostic when it
// fails. The given values go through the same encoding and validation as a
// case file, so a voorbeeld can expect a rejected case (`verwacht fout`).

import type { Diagnostic } from "../../runtime/diagnostic.js";
import { PolisError } from "../../runtime/diagnostic.js";
import { decodeCase, encodeValue, formatValueDutch } from "../../runtime/case.js";
import { valueEquals, type TypeDesc } from "../../runtime/types.js";
import { formatDecimal, type Rat } from "../../runtime/rational.js";
import type { Policy } from "../ir/ir.js";
import { typeDescOf } from "../ir/ir.js";
import { evalConstant } from "../ir/constant.js";
import type { DecisionModule } from "../emit/load.js";
import { diagnostic, type ParamsOf } from "../../runtime/messages.js";

export interface ExampleResult {
  name: string;
  passed: boolean;
  diagnostics: Diagnostic[];
}

export function runExamples(policy: Policy, module: DecisionModule): ExampleResult[] {
  return policy.examples.map((ex) => {
    const failures: Diagnostic[] = [];
    const fail = <C extends "P0602" | "P0603" | "P0604" | "P0605">(code: C, params: Omit<ParamsOf<C>, "name">, span = ex.span) =>
      failures.push(diagnostic(code, span, { name: ex.name, ...params } as ParamsOf<C>));
    const json: Record<string, unknown> = {};
    for (const g of ex.given) {
      const input = policy.inputs.find((i) => i.name === g.name)!;
      json[g.name] = encodeExact(evalConstant(g.value), input.desc.type);
    }
    let outputs: Record<string, unknown> | undefined;
    try {
      outputs = module.decideValues(decodeCase(json, module.inputFields));
    } catch (e) {
      if (!(e instanceof PolisError)) throw e;
      const d = e.diagnostic;
      const actual = `${d.code}: ${d.message}`;
      if (ex.expectedError === undefined) fail("P0605", { actual });
      else if (d.code !== ex.expectedError && !d.message.includes(ex.expectedError)) fail("P0604", { error: ex.expectedError, actual });
      return { name: ex.name, passed: failures.length === 0, diagnostics: failures };
    }
    if (ex.expectedError !== undefined) {
      fail("P0603", { error: ex.expectedError });
    } else {
      for (const x of ex.expected) {
        const out = policy.outputs.find((o) => o.name === x.name)!;
        const t = typeDescOf(out.type);
        const expected = evalConstant(x.value);
        const actual = outputs[x.name];
        if (!valueEquals(actual, expected, t)) {
          fail("P0602", { output: x.name, actual: formatValueDutch(actual, t), expected: formatValueDutch(expected, t) }, x.span);
        }
      }
    }
    return { name: ex.name, passed: failures.length === 0, diagnostics: failures };
  });
}

/**
 * A given value in the case-file encoding, exactly: an amount keeps all its
 * decimals, so a voorbeeld with `€ 1,001` is rejected like the case file
 * `"1.001"` (found by a reviewer; the output encoding would round to cents).
 */
function encodeExact(v: unknown, t: TypeDesc): unknown {
  switch (t.k) {
    case "bedrag":
    case "getal":
      return formatDecimal(v as Rat);
    case "lijst":
      return (v as unknown[]).map((x) => encodeExact(x, t.elem));
    case "record": {
      const out: Record<string, unknown> = {};
      for (const f of t.fields) {
        const x = (v as Record<string, unknown>)[f.name];
        // An optional field (issue 19) the voorbeeld leaves out stays out of the case.
        if (x === undefined && f.optional) continue;
        out[f.name] = encodeExact(x, f.type);
      }
      return out;
    }
    default:
      return encodeValue(v, t);
  }
}
