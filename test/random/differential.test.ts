// The permanent review of issue 12, bounded for `npm test` (`npm run fuzz`
// runs it at length): well-typed random policies, decided by every back end
// and by the reference evaluator of the IR; every disagreement fails the test
// with the policy and the case. Shrunk counterexamples live on as regression
// files in test/random/regressions/, run here through every back end.

import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  BACKENDS,
  compareBackends,
  inProcess,
  randomSubjects,
  reference,
  regressionSubjects,
  shrinkDisagreement,
  subject,
  type Backend,
  type Report,
} from "../../fuzz/random/differential.js";
import { caseArbitrary, policyArbitrary } from "../../fuzz/random/generate.js";
import type { Outcome } from "../../fuzz/random/reference.js";
import { claimedBySql } from "../../fuzz/random/sql.js";
import { reportLine } from "../../fuzz/random/run.js";

function explain(r: Report): string {
  return r.disagreements
    .slice(0, 3)
    .map((d) => `${d.source}\ncase: ${JSON.stringify(d.case)}\n${Object.entries(d.outcomes).map(([b, o]) => `  ${b}: ${JSON.stringify(o)}`).join("\n")}`)
    .join("\n\n");
}

describe("random well-typed policies", () => {
  it("compile without errors (the generator only makes well-typed policies)", () => {
    // subject() throws with the diagnostics when one does not compile.
    expect(randomSubjects(40, 1, 11)).toHaveLength(40);
    expect(randomSubjects(10, 1, 11, { core: true })).toHaveLength(10);
  });

  it("the in-process module agrees with the reference (40 policies × 25 cases, shrinking)", async () => {
    const r = await compareBackends(randomSubjects(40, 25, 12), [reference, inProcess]);
    console.log(`in-process: ${reportLine(r)}`);
    expect(r.disagreements, explain(r)).toEqual([]);
    // The cases exercise values and errors both (optional inputs and empty selections included).
    expect(Object.values(r.errors).reduce((a, b) => a + b, 0)).toBeLessThan(r.cases / 2);
    expect(Object.keys(r.errors)).toEqual(expect.arrayContaining(["P0801", "P0813"]));
    expect(shrinkDisagreement(150, 13)).toBeUndefined();
  });

  it("every back end agrees with the reference (SQL included; 1 + 1 core policy × 25 cases, and the regression files)", async () => {
    // Bounded by the SQL back end: DuckDB plans each random policy's query in seconds (see the README).
    const subjects = [...randomSubjects(1, 25, 14), ...randomSubjects(1, 25, 16, { core: true }), ...regressionSubjects()];
    const r = await compareBackends(subjects, BACKENDS);
    console.log(`every back end: ${reportLine(r)}`);
    expect(r.backends).toEqual(["referentie", "in-process", "bibliotheek", "jsonl", "sql"]);
    expect(r.disagreements, explain(r)).toEqual([]);
    // A refusal (P0901) is counted per construct, never skipped; refusing a construct SQL claims is a failure.
    expect(r.wrongRefusals.map((w) => `${w.id}: ${w.construct}`)).toEqual([]);
    // The core policies and the regression files are decided by SQL, case for case.
    expect(r.decided.sql).toBeGreaterThanOrEqual(25);
    const refused = Object.values(r.refused.sql ?? {}).reduce((a, b) => a + b, 0);
    expect(r.decided.sql + 25 * refused).toBe(r.cases);
  });

  it("a refusal is a failure unless the construct is one SQL documents as unsupported", () => {
    expect(claimedBySql("de functie `jaar_van`")).toBe(true);
    expect(claimedBySql("de functie `uren_tussen`")).toBe(true);
    expect(claimedBySql("de aggregatie `som`")).toBe(true);
    expect(claimedBySql("de aggregatie `lopende som`")).toBe(true);
    expect(claimedBySql("de uitdrukking `inList`")).toBe(true);
    expect(claimedBySql("min over day")).toBe(true);
    expect(claimedBySql("iets nieuws")).toBe(true);
    expect(claimedBySql("de functie `werkdagen_tussen_nl`")).toBe(true);
    expect(claimedBySql("de functie `eerste_paasdag`")).toBe(true);
    expect(claimedBySql("een uitvoer die is: een lijst van gegevens of gegevens")).toBe(true);
    expect(claimedBySql("een keuze tussen gegevens (`indien … dan … anders …`)")).toBe(true);
    expect(claimedBySql("gegevens buiten een voorbeeld")).toBe(false);
    expect(claimedBySql("een lijst van lijsten")).toBe(false);
  });

  it("a back end that is off by one cent is caught (the comparison can fail)", async () => {
    const offByACent: Backend = {
      name: "een cent ernaast",
      run: (subjects) =>
        (reference.run(subjects, "") as Outcome[][]).map((cases, i) =>
          cases.map((o) => {
            if (!("outputs" in o)) return o;
            const outputs = { ...o.outputs };
            for (const [k, v] of Object.entries(outputs)) {
              if (subjects[i]!.source.includes(`  ${k}: bedrag`)) outputs[k] = `${v as string}1`;
            }
            return { outputs };
          }),
        ),
    };
    const subjects = fc.sample(fc.tuple(policyArbitrary(), fc.array(caseArbitrary, { minLength: 10, maxLength: 10 })), { numRuns: 40, seed: 15 })
      .filter(([p]) => p.outputs.some((o) => o.type === "bedrag"))
      .map(([p, cases], i) => subject(`cent_${i}`, p.source, cases));
    const r = await compareBackends(subjects, [reference, offByACent]);
    expect(r.disagreements.length).toBeGreaterThan(0);
  });
});
