// The changes of a report by article (issue 16): a declaration that cites
// articles goes under its first; one that cites none (an input, an output,
// an eigenschap) goes under the first article of the rules, begrippen and
// parameters that use it in the version that has it, so that a removed input
// sits beside the rule it fed. What is used nowhere stays under `algemeen`.
// Within a group, additions and removals without details are collapsed into
// one line per kind (`invoer verwijderd: a, b, c`).
// In: the structural changes and both versions' IR. Out: ArticleGroups.

import type { Policy } from "../ir/ir.js";
import type { StructuralChange } from "./structural.js";
import { refsOf } from "./groups.js";
import { wordDiff, type WordPart } from "./summary.js";

export interface ArticleGroup {
  /** `artikel 7.1`, or `algemeen` for changes the policy ties to no article. */
  title: string;
  /** Changes shown one by one (a changed declaration, or one with details). */
  changes: { change: StructuralChange; wordDiffs: WordPart[][] }[];
  /** Additions and removals without details, one line per kind: `invoer verwijderd`. */
  lists: { label: string; names: string[] }[];
}

/**
 * Per name a declaration or field uses, the articles of the first declaration
 * (in source order) that uses it; a begrip or function that cites none passes
 * on the articles it inherits from its own users (a few passes, to a fixpoint).
 */
function usage(policy: Policy | undefined): Map<string, string[]> {
  const m = new Map<string, string[]>();
  if (!policy) return m;
  const users: { name?: string; articles: readonly string[]; refs: string[] }[] = [];
  for (const r of policy.rules) {
    const outputs = r.clauses.flatMap((c) => c.assignments.map((a) => a.output));
    users.push({ articles: r.articles, refs: [...outputs, ...refsOf(r.clauses.map((c) => [c.condition, c.assignments.map((a) => a.value)])).map((x) => x.name)] });
  }
  for (const d of [...policy.begrippen, ...policy.parameters]) users.push({ name: d.name, articles: d.articles, refs: refsOf(d.value).map((x) => x.name) });
  for (const f of policy.functions) users.push({ name: f.name, articles: f.articles, refs: refsOf(f.body).map((x) => x.name) });
  for (let pass = 0; pass < 8; pass++) {
    const before = m.size;
    for (const u of users) {
      const articles = u.articles.length > 0 ? u.articles : u.name !== undefined ? m.get(u.name) : undefined;
      if (articles) for (const n of u.refs) if (!m.has(n)) m.set(n, [...articles]);
    }
    if (m.size === before) break;
  }
  for (const p of policy.properties) {
    const first = refsOf(p.expr).map((x) => m.get(x.name)).find((a) => a !== undefined);
    if (first) m.set(`eigenschap ${p.name}`, first);
  }
  for (const c of policy.conditions) {
    const first = refsOf(c.expr).map((x) => m.get(x.name)).find((a) => a !== undefined);
    if (first) m.set(`voorwaarde ${c.text}`, first);
  }
  return m;
}

function articleOf(c: StructuralChange, oldUse: Map<string, string[]>, newUse: Map<string, string[]>): string | undefined {
  if (c.articles.length > 0) return c.articles[0];
  if (c.what === "polis" || c.what === "soort" || c.what === "gegevens") return undefined;
  const key = c.what === "eigenschap" || c.what === "voorwaarde" ? `${c.what} ${c.name}` : c.name;
  const use = c.kind === "verwijderd" ? oldUse.get(key) : (newUse.get(key) ?? oldUse.get(key));
  return use?.[0];
}

function articleKey(t: string): number[] {
  return t === "algemeen" ? [] : t.replace(/^artikel /, "").split(/[^0-9]+/).filter(Boolean).map(Number);
}

/** The structural changes grouped by article, in article order; `algemeen` first. */
export function byArticle(changes: readonly StructuralChange[], versions: { old?: Policy; new?: Policy } = {}): ArticleGroup[] {
  const oldUse = usage(versions.old);
  const newUse = usage(versions.new);
  const groups = new Map<string, ArticleGroup>();
  for (const c of changes) {
    const article = articleOf(c, oldUse, newUse);
    const title = article !== undefined ? `artikel ${article}` : "algemeen";
    let g = groups.get(title);
    if (!g) groups.set(title, (g = { title, changes: [], lists: [] }));
    const wordDiffs = c.details.map(wordDiff).filter((x): x is WordPart[] => x !== undefined);
    if ((c.kind === "toegevoegd" || c.kind === "verwijderd") && c.details.length === 0) {
      const label = `${c.what} ${c.kind}`;
      const list = g.lists.find((l) => l.label === label);
      if (list) list.names.push(c.name);
      else g.lists.push({ label, names: [c.name] });
    } else g.changes.push({ change: c, wordDiffs });
  }
  return [...groups.values()].sort((a, b) => {
    const ka = articleKey(a.title);
    const kb = articleKey(b.title);
    for (let i = 0; i < Math.max(ka.length, kb.length); i++) {
      const d = (ka[i] ?? -1) - (kb[i] ?? -1);
      if (d !== 0) return d;
    }
    return a.title.localeCompare(b.title);
  });
}
