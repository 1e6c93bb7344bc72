// The proof part of a `polis diff` report (issue 18), as Dutch lines that the
// text, markdown and HTML reports of compiler/diff place beside the sampled
// frequencies. "bewezen" is said only of what the solver proved; an output it
// could not judge says that only the sample speaks for it.
// In: the per-output proofs and the sample size. Out: lines (no layout).

import type { EquivalenceProof } from "./diff.js";

/** A witness case file, short: `aanvraag 2012-01-01, besluit 2012-02-06`. */
function caseText(input: Record<string, unknown>): string {
  return Object.entries(input)
    .map(([k, v]) => `${k} ${typeof v === "string" ? v : JSON.stringify(v)}`)
    .join(", ");
}

/** Per output a headline, and under it (indented by the caller) the witnesses: one per reason the versions differ for. */
export function proofReportLines(proofs: readonly EquivalenceProof[], sampled: number): { line: string; witnesses: string[] }[] {
  return proofs.map((p) => {
    if (p.status === "gelijk" && p.bound !== undefined) return { line: `${p.output}: bewezen gelijk voor lijsten tot ${p.bound} elementen; daarboven alleen getest op ${sampled} gevallen`, witnesses: [] };
    if (p.status === "gelijk") return { line: `${p.output}: bewezen gelijk voor elk geval dat in beide versies geldig is`, witnesses: [] };
    if (p.status === "getest") return { line: `${p.output}: niet bewezen (${p.reason ?? "onbekend"}); alleen getest op ${sampled} gevallen`, witnesses: [] };
    const n = p.witnesses.length;
    const all =
      p.complete ? `; ${n === 1 ? "dit is de enige reden" : "dit zijn alle redenen"} waarom de versies verschillen (bewezen)`
      : p.bound !== undefined ? `; gezocht in lijsten tot ${p.bound} elementen, er kunnen meer redenen zijn`
      : `; er kunnen meer redenen zijn`;
    return {
      line: `${p.output}: verschilt; de bewijzer vond ${n === 1 ? "één reden, met een zo klein mogelijk geval" : `${n} redenen, met voor elke reden een zo klein mogelijk geval`}${all}`,
      witnesses: p.witnesses.map((w) => `${caseText(w.input)}: ${w.old} → ${w.new}`),
    };
  });
}
