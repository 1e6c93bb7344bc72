// Generated code calls the standard library through the explicit export
// names of stdlib's table, never through a function's own `.name`, which a
// minifier renames (issue 11: `S.${fn.name}` broke in a minified bundle).

import { afterEach, describe, expect, it } from "vitest";
import * as S from "../../../stdlib/index.js";
import { STDLIB } from "../../../stdlib/index.js";
import { compile } from "../../../compiler/pipeline.js";
import { load } from "../../../compiler/emit/load.js";

const SOURCE = `polis std "Standaardfuncties"

invoer
  geboren: datum
  peildatum: datum
  kosten: bedrag

uitvoer
  leeftijd: aantal
  grootste: bedrag

regel r (artikel 1):
  leeftijd leeftijd_op(geboren, peildatum)
  grootste max(kosten, 10)
`;

describe("stdlib export names", () => {
  it("every entry's export is the function it registers", () => {
    for (const e of STDLIB) expect((S as Record<string, unknown>)[e.export], e.name).toBe(e.impl);
  });

  const original = STDLIB.map((e) => e.impl.name);
  afterEach(() => STDLIB.forEach((e, i) => Object.defineProperty(e.impl, "name", { value: original[i] })));

  it("a module still works when the functions' own names are minified away", () => {
    STDLIB.forEach((e, i) => Object.defineProperty(e.impl, "name", { value: `m${i}` }));
    const r = compile(SOURCE, "std.polis");
    expect(r.diagnostics).toEqual([]);
    expect(load(r.policy!).evaluate({ geboren: "1970-03-12", peildatum: "2012-01-01", kosten: "4.5" })).toEqual({ leeftijd: 41, grootste: "10.00" });
  });
});
