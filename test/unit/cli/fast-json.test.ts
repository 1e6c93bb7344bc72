// The fast reader of .jsonl lines (cli/fast-json.ts) must give exactly what
// the one case reader gives (runtime/case.ts parseCaseText): the same values,
// numbers as their exact text, and the same error for a bad line.

import fc from "fast-check";
import { isLosslessNumber } from "lossless-json";
import { describe, expect, it } from "vitest";
import { parseCaseLine } from "../../../cli/fast-json.js";
import { parseCaseText } from "../../../runtime/case.js";
import { PolisError } from "../../../runtime/diagnostic.js";

/** A parse result with LosslessNumbers as `{ n: text }`, or the error's code and message. */
function outcome(parse: () => unknown): unknown {
  const plain = (v: unknown): unknown => {
    if (isLosslessNumber(v)) return { n: String(v) };
    if (Array.isArray(v)) return v.map(plain);
    if (v !== null && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
    return v;
  };
  try {
    return { value: plain(parse()) };
  } catch (e) {
    if (!(e instanceof PolisError)) throw e;
    return { error: e.diagnostic.code, message: e.diagnostic.message, line: e.diagnostic.line };
  }
}

const same = (line: string) => expect(outcome(() => parseCaseLine(line, 7)), line).toEqual(outcome(() => parseCaseText(line, 7)));

describe("parseCaseLine reads a .jsonl line as parseCaseText does", () => {
  const lines = [
    '{"kosten":"12.50","leeftijd":30}',
    '{"kosten": 12345678901234567890.125, "x": -0.5e-3, "y": [1, 2.0, -3]}',
    '{"a": 9007199254740993}',
    '{"a": 1, "a": 2}',
    '{"a": "x:1", "b": 1}',
    '{"a": ":", "b": ":1"}',
    '{"a": "met \\"escape\\"", "b": 1}',
    '{"__proto__": {"x": 1}}',
    '{"a": 01}',
    '{"a": 1.}',
    '{"a": -}',
    '{"a": NaN}',
    '{"a": 1e}',
    '{"a": [1,,2]}',
    "[1, 2]",
    "42",
    '"tekst"',
    "{",
    "",
    "   ",
    '{"a": {"b": {"c": {"d": [[[[1]]]]}}}}',
    "[".repeat(70) + "]".repeat(70),
    "[".repeat(1200) + "]".repeat(1200),
    '{"a": "\u0000"}',
    '{"a":1}\r{"b":2}',
    '{"datum": "2012-01-01", "p": {"van": "2012-01-01", "tot_en_met": "2012-12-31"}, "leeg": null, "ja": true}',
  ];
  for (const line of lines) it(JSON.stringify(line.slice(0, 60)), () => same(line));

  it("on random JSON texts, also with numbers of every size", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (v) => {
        same(JSON.stringify(v));
        same(JSON.stringify({ v }, null, 1));
      }),
      { seed: 15, numRuns: 500 },
    );
  });
});
