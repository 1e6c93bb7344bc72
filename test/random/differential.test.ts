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
  });

  it("the in-process module agrees with the reference (40 policies × 25 cases, shrinking)", async () => {
    const r = await compareBackends(randomSubjects(40, 25, 12), [reference, inProcess]);
    expect(r.disagreements, explain(r)).toEqual([]);
    // The cases exercise values and errors both.
    expect(Object.values(r.errors).reduce((a, b) => a + b, 0)).toBeLessThan(r.cases / 2);
    expect(shrinkDisagreement(150, 13)).toBeUndefined();
  });

  it("every back end agrees with the reference (SQL included; 3 policies × 25 cases, and the regression files)", async () => {
    const subjects = [...randomSubjects(3, 25, 14), ...regressionSubjects()];
    const r = await compareBackends(subjects, BACKENDS);
    expect(r.backends).toEqual(["referentie", "in-process", "bibliotheek", "jsonl", "sql"]);
    expect(r.disagreements, explain(r)).toEqual([]);
    // A refusal (P0901) is counted per construct, never skipped; refusing a construct SQL claims is a failure.
    expect(r.wrongRefusals.map((w) => `${w.id}: ${w.construct}`)).toEqual([]);
    const refusedCases = Object.values(r.refused.sql ?? {}).reduce((a, b) => a + b, 0);
    expect(refusedCases).toBeLessThan(r.policies);
    expect(r.decided.sql).toBeGreaterThan(0);
  });

  it("a refusal is a failure unless the construct is one SQL documents as unsupported", () => {
    expect(claimedBySql("de functie `jaar_van`")).toBe(true);
    expect(claimedBySql("de aggregatie `som`")).toBe(true);
    expect(claimedBySql("min over day")).toBe(true);
    expect(claimedBySql("iets nieuws")).toBe(true);
    expect(claimedBySql("de aggregatie `grootste`")).toBe(false);
    expect(claimedBySql("de functie `werkdagen_tussen_nl`")).toBe(false);
    expect(claimedBySql("een lijst- of gegevensuitvoer")).toBe(false);
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
