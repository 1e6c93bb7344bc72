// The decision panel: the outputs and, per output, the rules that gave it with
// their articles, conditions and the values they read (LANGUAGE.md §1.4), or
// the Dutch error for a bad case or a failed evaluation.
// DOM contract (README, used by tests): #beslissing[data-status] is "beslist",
// "fout-in-geval", "fout-in-polis", "leeg" (or "interne-fout", main.ts); each output is
// [data-testid=uitvoer][data-naam][data-waarde] (data-waarde: the JSON value as
// `polis run` prints it); each rule of the explanation is
// [data-testid=uitleg-regel][data-uitvoer][data-regel][data-artikel];
// [data-testid=uitleg-tekst] holds the `polis run --explain` text and
// [data-testid=uitvoer-json] the `polis run` JSON; [data-testid=uitleg-lid]
// the text for a member (`polis run --explain --voor lid`); a decision table's
// rule shows the row that applied as [data-testid=uitleg-tabel][data-rij].

import type { Diagnostic } from "../../runtime/diagnostic.js";
import type { Explanation, ExplainTableRow } from "../../runtime/explain.js";
import { h } from "./dom.js";

export type Status = "beslist" | "fout-in-geval" | "fout-in-polis" | "leeg";

function setStatus(panel: HTMLElement, status: Status, ...children: Node[]): void {
  panel.dataset.status = status;
  panel.replaceChildren(...children);
}

export function showDecision(panel: HTMLElement, output: Record<string, unknown>, explanation: Explanation, text: string, memberText?: string): void {
  const rows = explanation.steps.map((s) =>
    h("tr", { "data-testid": "uitvoer", "data-naam": s.output, "data-waarde": JSON.stringify(output[s.output]) }, h("th", { scope: "row" }, s.output), h("td", {}, s.value)),
  );
  const table = h("table", { class: "uitvoer" }, h("thead", {}, h("tr", {}, h("th", {}, "uitvoer"), h("th", {}, "waarde"))), h("tbody", {}, ...rows));
  const steps = explanation.steps.map((s) => {
    const rules = s.rules.map((r) => {
      const articles = r.articles.length === 0 ? "zonder artikel" : `artikel ${r.articles.join(", ")}`;
      return h(
        "li",
        { "data-testid": "uitleg-regel", "data-uitvoer": s.output, "data-regel": r.name, "data-artikel": r.articles.join(", "), class: r.replaced ? "vervangen" : undefined },
        r.table
          ? h("div", {}, "volgens tabel ", h("code", {}, r.name), ` (${r.table.hitPolicy}), rij ${r.table.row} (${articles})`, r.replaced ? ", vervangen door een uitzondering" : "")
          : h("div", {}, "volgens regel ", h("code", {}, r.name), ` (${articles})`, r.replaced ? ", vervangen door een uitzondering" : ""),
        ...(r.table ? [tableRow(r.table)] : []),
        ...(r.table ? [] : (r.notHolding ?? []).map((c) => h("div", { class: "niet" }, "niet: ", h("code", {}, c)))),
        !r.table && r.head === "indien" ? h("div", {}, "omdat ", h("code", {}, r.condition ?? "")) : undefined,
        !r.table && r.head === "anders" ? h("div", {}, "dus geldt de anders-clausule") : undefined,
        r.reads.length > 0
          ? h("div", { class: "waarden" }, "met ", ...r.reads.flatMap((x, i) => [i > 0 ? ", " : "", h("code", { "data-testid": "uitleg-waarde", "data-naam": x.name }, `${x.name} = ${x.value}`)]))
          : undefined,
      );
    });
    return h(
      "section",
      { class: "stap", "data-testid": "uitleg-stap", "data-uitvoer": s.output },
      h("h4", {}, h("code", {}, s.output), " = ", s.value),
      s.byDefault ? h("p", {}, "geen regel is van toepassing: de standaardwaarde") : undefined,
      rules.length > 0 ? h("ul", {}, ...rules) : undefined,
    );
  });
  setStatus(
    panel,
    "beslist",
    table,
    h("div", { class: "uitleg", id: "uitleg", "data-testid": "uitleg" }, h("h3", {}, "Uitleg"), ...steps),
    ...(memberText !== undefined ? [h("details", {}, h("summary", {}, "Voor het lid (zoals ", h("code", {}, "--explain --voor lid"), ")"), h("pre", { "data-testid": "uitleg-lid", style: "white-space: pre-wrap" }, memberText))] : []),
    h("details", {}, h("summary", {}, "Als tekst en als JSON (zoals ", h("code", {}, "polis run"), ")"), h("pre", { "data-testid": "uitleg-tekst" }, text), h("pre", { "data-testid": "uitvoer-json" }, JSON.stringify(output, null, 2))),
  );
}

/** A decision table's header and the row that applied (issue 18), as a table: [data-testid=uitleg-tabel][data-rij]. */
function tableRow(t: ExplainTableRow): HTMLElement {
  const head = [...t.columns, ...t.outputs.map((o) => `→ ${o}`)].map((c) => h("th", {}, c));
  const isDefault = t.cells.length === 0;
  const cells = isDefault ? [h("td", { colspan: String(Math.max(1, t.columns.length)) }, "anders")] : t.cells.map((c) => h("td", {}, h("code", {}, c)));
  const values = t.values.map((v) => h("td", {}, h("code", {}, v)));
  return h("table", { class: "beslistabel", "data-testid": "uitleg-tabel", "data-rij": String(t.row) }, h("thead", {}, h("tr", {}, ...head)), h("tbody", {}, h("tr", {}, ...cells, ...values)));
}

export function showCaseError(panel: HTMLElement, d: Diagnostic): void {
  const where = d.field !== undefined ? h("p", {}, "veld: ", h("code", {}, d.field)) : undefined;
  setStatus(
    panel,
    "fout-in-geval",
    h(
      "div",
      { class: "fout", role: "alert", "data-testid": "beslissing-fout", "data-code": d.code, "data-veld": d.field },
      h("p", {}, h("strong", {}, d.code.startsWith("P07") ? "Dit geval is niet geldig" : "De beslissing lukt niet"), `: ${d.message}`),
      where,
      d.hint ? h("p", { class: "hint" }, `hint: ${d.hint}`) : undefined,
      h("p", { class: "code" }, d.code),
    ),
  );
}

export function showPolicyErrors(panel: HTMLElement, count: number): void {
  setStatus(panel, "fout-in-polis", h("p", { class: "fout", "data-testid": "beslissing-fout", "data-code": "polis" }, `De polis bevat ${count === 1 ? "een fout" : `${count} fouten`}: verbeter ${count === 1 ? "die" : "die"} eerst (zie de onderstreepte plaatsen).`));
}

export function showEmpty(panel: HTMLElement, message: string): void {
  setStatus(panel, "leeg", h("p", {}, message));
}
