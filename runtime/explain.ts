// Explanations for `--explain` and a module's `explain()` (LANGUAGE.md §1.4):
// which rules applied, with the values they used and their articles, in Dutch.
// In: a structured trace built by the generated module. Out: text.

export interface ExplainRead {
  name: string;
  value: string;
}

export interface ExplainRule {
  name: string;
  articles: readonly string[];
  head: "indien" | "anders" | "altijd";
  condition?: string;
  /** Conditions of earlier clauses of the rule, which did not hold. */
  notHolding?: readonly string[];
  reads: ExplainRead[];
  /** This rule's value was replaced by an exception to it. */
  replaced?: boolean;
}

export interface ExplainStep {
  output: string;
  value: string;
  rules: ExplainRule[];
  byDefault: boolean;
}

export interface Explanation {
  policy: string;
  title: string;
  version?: string;
  inputs: ExplainRead[];
  steps: ExplainStep[];
}

function articleText(as: readonly string[]): string {
  return as.length === 0 ? "zonder artikel" : `artikel ${as.join(", ")}`;
}

export function renderExplanation(e: Explanation): string {
  const lines: string[] = [];
  lines.push(`Beslissing ${e.policy}: ${e.title}${e.version ? ` (versie ${e.version})` : ""}`);
  lines.push("");
  lines.push("Invoer:");
  for (const i of e.inputs) lines.push(`  ${i.name} = ${i.value}`);
  for (const s of e.steps) {
    lines.push("");
    lines.push(`${s.output} = ${s.value}`);
    if (s.byDefault) lines.push("  geen regel is van toepassing: de standaardwaarde");
    for (const r of s.rules) {
      lines.push(`  volgens regel ${r.name} (${articleText(r.articles)})${r.replaced ? ", vervangen door een uitzondering" : ""}`);
      for (const c of r.notHolding ?? []) lines.push(`    niet: ${c}`);
      if (r.head === "indien") lines.push(`    omdat ${r.condition ?? ""}`);
      else if (r.head === "anders") lines.push("    dus geldt de anders-clausule");
      if (r.reads.length > 0) lines.push(`    met ${r.reads.map((x) => `${x.name} = ${x.value}`).join(", ")}`);
    }
  }
  return lines.join("\n") + "\n";
}
