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
  /** The rule's own sentence for members (`lid "…"`), with `{naam}` placeholders. */
  lid?: string;
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

// ---------------------------------------------------------------------------
// For members (`--explain --voor lid`, `explain(input, { voor: "lid" })`): the
// decision as a member reads it in a letter. Short second-person sentences,
// values in Dutch notation, the articles cited, only the rules that decided
// an output, and no internal names: identifiers are written as words, a list
// of plain values is an enumeration, and records are left out. A rule's own member sentence
// (`lid "…"`, docs/language.md) replaces the generated one; its `{naam}`
// placeholders take the value of an output, a value the rule read, or an input.

/** For whom an explanation is written: the policy author (default) or a member. */
export type ExplainAudience = "auteur" | "lid";

/** An identifier as words: `eigen_risico_verbruikt` → `eigen risico verbruikt`. */
export function words(name: string): string {
  return name.replace(/_+/g, " ").trim();
}

/** Items as a Dutch enumeration: `1, 2 en 3`; with decimal commas in the items, `1,5; 2 en 3`. */
function enumerate(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  const sep = items.some((x) => x.includes(",")) ? "; " : ", ";
  return `${items.slice(0, -1).join(sep)} en ${items[items.length - 1]}`;
}

/**
 * A value as a member reads it; undefined for a composite value that would
 * show internal structure (a record, a list of records). A list of plain
 * values is an enumeration (`1, 2 en 3`; its items are separated by `, `,
 * a decimal comma has no space after it).
 */
function memberValue(v: string): string | undefined {
  if (v === "[]") return "geen";
  if (v.startsWith("[") && v.endsWith("]") && !/[[{]/.test(v.slice(1, -1))) {
    const items = v.slice(1, -1).split(", ").map((x) => memberValue(x));
    return items.every((x) => x !== undefined) ? enumerate(items as string[]) : undefined;
  }
  if (v.startsWith("{") || v.startsWith("[")) return undefined;
  if (/^"(.*)"$/s.test(v)) return v.slice(1, -1).replace(/\\(.)/g, "$1");
  return words(v);
}

function capitalise(s: string): string {
  return s.length === 0 ? s : s[0]!.toUpperCase() + s.slice(1);
}

/**
 * Articles as a member reads them: numbered ones as `artikel 7.1, 7.4`; a
 * label that is a heading of the conditions (OHRA, RIZIV cite sections by
 * title) as `zie „Eigen risico"`.
 */
function articleCite(as: readonly string[]): string {
  if (as.length === 0) return "";
  const numbered = as.filter((a) => /^\d/.test(a));
  const headings = as.filter((a) => !/^\d/.test(a)).map((a) => `„${a}"`);
  const parts = [...(numbered.length > 0 ? [`artikel ${numbered.join(", ")}`] : []), ...(headings.length > 0 ? [`zie ${enumerate(headings)}`] : [])];
  return ` (${parts.join("; ")})`;
}

/** Fill `{naam}` placeholders; an unknown name stays as words, never as `{…}`. */
export function fillSentence(sentence: string, values: ReadonlyMap<string, string>): string {
  return sentence.replace(/\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}/g, (_m, name: string) => {
    const v = values.get(name);
    if (v === undefined) return words(name);
    // A year is written without a thousands separator: 2012, not 2.012.
    if (/jaar/.test(name) && /^\d\.\d{3}$/.test(v)) return v.replace(".", "");
    return memberValue(v) ?? words(name);
  });
}

/** A rule's own sentence, filled in, with its articles cited unless the author did. */
function authoredSentence(r: ExplainRule, values: ReadonlyMap<string, string>): string {
  const text = capitalise(fillSentence(r.lid ?? "", values).trim());
  if (r.articles.length === 0 || /artikel/i.test(text)) return text;
  return `${text.replace(/\.$/, "")}${articleCite(r.articles)}.`;
}

/** A `janee` output as a sentence: `U hebt (geen) recht op …`, `U hebt (geen) … nodig`, or `Dit geldt (niet) voor u: …`. */
function yesNoSentence(what: string, yes: boolean, cite: string): string {
  const recht = /^recht op (.+)$/.exec(what);
  if (recht) return `U hebt ${yes ? "" : "geen "}recht op ${recht[1]}${cite}.`;
  const nodig = /^(.+) nodig$/.exec(what);
  if (nodig) return `U hebt ${yes ? "" : "geen "}${nodig[1]} nodig${cite}.`;
  return `Dit geldt ${yes ? "" : "niet "}voor u: ${what}${cite}.`;
}

function memberSentence(step: ExplainStep, rule: ExplainRule): string {
  const what = words(step.output);
  const cite = articleCite(rule.articles);
  let s: string;
  if (step.value === "ja" || step.value === "nee") s = yesNoSentence(what, step.value === "ja", cite);
  else {
    // The output's name as a label (`Niet vergoede dagen: 3`): "Uw …" does
    // not fit every name (`zelf te betalen`, `per kosteloze acceptgiro`).
    const value = memberValue(step.value);
    s = value === undefined ? `${capitalise(what)} is voor u berekend${cite}.` : `${capitalise(what)}: ${value.replace(/^periode van /, "van ")}${cite}.`;
  }
  const used = rule.reads.flatMap((r) => {
    const v = memberValue(r.value);
    return v === undefined ? [] : [`${words(r.name)} (${v.replace(/^periode van /, "van ")})`];
  });
  if (used.length > 0) s += ` Daarbij telde: ${used.join(", ")}.`;
  return s;
}

export function renderMemberExplanation(e: Explanation): string {
  const values = new Map<string, string>();
  for (const i of e.inputs) values.set(i.name, i.value);
  for (const s of e.steps) {
    values.set(s.output, s.value);
    for (const r of s.rules) for (const rd of r.reads) if (!values.has(rd.name)) values.set(rd.name, rd.value);
  }
  const lines: string[] = [];
  lines.push(`Uw beslissing: ${e.title}${e.version ? ` (${e.version})` : ""}`);
  lines.push("");
  const authored = new Set<string>();
  for (const s of e.steps) {
    for (const r of s.rules) {
      if (r.replaced) continue;
      if (r.lid !== undefined) {
        // One author sentence per rule, however many outputs the rule sets.
        if (authored.has(r.name)) continue;
        authored.add(r.name);
        const own = new Map(values);
        for (const rd of r.reads) own.set(rd.name, rd.value);
        lines.push(authoredSentence(r, own));
      } else {
        lines.push(memberSentence(s, r));
      }
    }
  }
  if (lines.length === 2) lines.push("Voor u geldt geen van de regels van deze voorwaarden.");
  return lines.join("\n") + "\n";
}
