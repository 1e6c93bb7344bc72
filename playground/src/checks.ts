// The voorbeelden and eigenschappen of the policy in the editor, run as
// `polis test` runs them (same functions, same seed and number of cases).
// DOM contract (README): [data-testid=voorbeeld][data-naam][data-resultaat]
// and [data-testid=eigenschap][data-naam][data-resultaat], data-resultaat
// "geslaagd" or "mislukt"; a failing eigenschap holds its shrunk
// counterexample in [data-testid=tegenvoorbeeld] (as a case file) and
// [data-testid=tegenvoorbeeld-voorbeeld] (as a `voorbeeld` block).

import type { Policy } from "../../compiler/ir/ir.js";
import type { DecisionModule } from "../../compiler/emit/load.js";
import { runExamples } from "../../compiler/cases/examples.js";
import { checkProperties, DEFAULT_RUNS, DEFAULT_SEED } from "../../compiler/cases/properties.js";
import { h } from "./dom.js";

export function showExamples(list: HTMLElement, summary: HTMLElement, policy: Policy, module: DecisionModule, useCase: (name: string) => void): void {
  const results = runExamples(policy, module);
  const failed = results.filter((r) => !r.passed).length;
  summary.textContent = results.length === 0 ? "Deze polis heeft geen voorbeelden." : `${results.length - failed} van ${results.length} geslaagd${failed > 0 ? `, ${failed} mislukt` : ""}`;
  summary.dataset.resultaat = failed > 0 ? "mislukt" : "geslaagd";
  list.replaceChildren(
    ...results.map((r) => {
      const use = h("button", { type: "button", class: "klein", title: "Vul het formulier met de gegevens van dit voorbeeld" }, "als geval");
      use.addEventListener("click", () => useCase(r.name));
      return h(
        "li",
        { "data-testid": "voorbeeld", "data-naam": r.name, "data-resultaat": r.passed ? "geslaagd" : "mislukt", class: r.passed ? "geslaagd" : "mislukt" },
        h("span", { class: "teken", "aria-hidden": "true" }, r.passed ? "✓" : "✗"),
        h("span", { class: "naam" }, r.name, h("span", { class: "sr" }, r.passed ? " (geslaagd)" : " (mislukt)")),
        use,
        ...r.diagnostics.map((d) => h("div", { class: "melding" }, `${d.code}: ${d.message}`)),
      );
    }),
  );
}

export function showProperties(list: HTMLElement, summary: HTMLElement, policy: Policy, module: DecisionModule, useCase: (json: string) => void): void {
  const results = checkProperties(policy, module, { seed: DEFAULT_SEED, runs: DEFAULT_RUNS });
  const failed = results.filter((r) => !r.passed).length;
  summary.textContent =
    results.length === 0 ? "Deze polis heeft geen eigenschappen." : `${results.length - failed} van ${results.length} gelden op ${DEFAULT_RUNS} gegenereerde gevallen elk (seed ${DEFAULT_SEED})${failed > 0 ? `, ${failed} niet` : ""}`;
  summary.dataset.resultaat = failed > 0 ? "mislukt" : "geslaagd";
  list.replaceChildren(
    ...results.map((p) => {
      const item = h(
        "li",
        { "data-testid": "eigenschap", "data-naam": p.name, "data-resultaat": p.passed ? "geslaagd" : "mislukt", class: p.passed ? "geslaagd" : "mislukt" },
        h("span", { class: "teken", "aria-hidden": "true" }, p.passed ? "✓" : "✗"),
        h("span", { class: "naam" }, p.name, h("span", { class: "sr" }, p.passed ? " (geldt)" : " (geldt niet)")),
        h("div", { class: "melding" }, `${p.runs} gevallen geprobeerd${p.discarded > 0 ? `, ${p.discarded} overgeslagen` : ""}`),
      );
      if (p.failure) {
        const use = h("button", { type: "button", class: "klein" }, "open als geval");
        const caseJson = p.failure.caseJson;
        use.addEventListener("click", () => useCase(caseJson));
        item.append(
          h("div", { class: "melding" }, `tegenvoorbeeld (verkleind): ${p.failure.outcome}`),
          h("pre", { "data-testid": "tegenvoorbeeld" }, caseJson),
          h("pre", { "data-testid": "tegenvoorbeeld-voorbeeld" }, p.failure.voorbeeld),
          use,
        );
      }
      return item;
    }),
  );
}
