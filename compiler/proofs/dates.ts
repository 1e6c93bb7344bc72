// Month and year arithmetic that can land on a day that does not exist
// (issue 18): `31 januari + 1 maand` and `29 februari + 1 jaar` are clamped
// to the month's last day (runtime/calendar.ts addDuration). `polis check`
// warns where that happens for some valid case (P0514, with the case, the
// clamped date and the article), unless the author stated the reading with
// the comment `# polis: afkappen` on the line of the expression or the line
// above it. And statically, `d + 1 jaar + 1 maand` (read as
// `(d + 1 jaar) + 1 maand`) differs from `d + (1 jaar + 1 maand)` on month
// ends: without parentheses it is flagged (P0515).
// In: the IR policy, its source text, and (for P0514) the proof session
// that encoded it. Out: warnings.

import type { Diagnostic, Span } from "../../runtime/diagnostic.js";
import { diagnostic } from "../../runtime/messages.js";
import { formatDutchDate } from "../../runtime/calendar.js";
import type { Expr, Policy } from "../ir/ir.js";
import type { A } from "./encode.js";
import type { Session } from "./session.js";
import { givenText } from "./voorbeeld.js";
import { intOf } from "./inputs.js";

/** The comment that states the clamping reading. */
export const CLAMP_STATED = "# polis: afkappen";

/** The author wrote `# polis: afkappen` on the span's line or the line above. */
export function clampStated(source: string | undefined, span: Span): boolean {
  if (source === undefined) return false;
  const lines = source.split(/\r?\n/);
  return [lines[span.line - 1], lines[span.line - 2]].some((l) => l !== undefined && l.includes(CLAMP_STATED));
}

/** The articles of the declaration around a span: the rule, begrip, parameter or function that holds it. */
export function articlesAt(policy: Policy, span: Span): string[] {
  // The declaration that starts last before the span holds it (declarations do not nest).
  let best: { start: number; articles: string[] } | undefined;
  for (const d of [...policy.rules, ...policy.begrippen, ...policy.parameters, ...policy.functions]) {
    if (d.span.start <= span.start && (!best || d.span.start > best.start)) best = { start: d.span.start, articles: d.articles };
  }
  return best?.articles ?? [];
}

/** The articles of the declaration holding a month step, else those of the parameter that gives the duration. */
function articlesOf(policy: Policy, span: Span, dur: Expr): string[] {
  const own = articlesAt(policy, span);
  if (own.length > 0 || dur.e !== "ref" || dur.ref !== "parameter") return own;
  return policy.parameters.find((p) => p.name === dur.name)?.articles ?? [];
}

function articleText(articles: readonly string[]): string {
  return articles.length ? `artikel ${articles.join(", ")}` : "zonder artikel";
}

function isMonths(x: Expr): boolean {
  return x.type.k === "duur" && x.type.unit === "maanden";
}

/** The text of a span, on one line. */
function textOf(source: string | undefined, span: Span): string {
  return source === undefined ? "" : source.slice(span.start, span.end).replace(/\s+/g, " ");
}

/** Written in parentheses: the nearest non-blank characters around the span are `(` and `)`. */
function parenthesized(source: string | undefined, span: Span): boolean {
  if (source === undefined) return false;
  if (wrapped(source.slice(span.start, span.end).trim())) return true;
  return /\(\s*$/.test(source.slice(Math.max(0, span.start - 40), span.start)) && /^\s*\)/.test(source.slice(span.end, span.end + 40));
}

/** The text is one parenthesized expression: its first `(` closes at its last character. */
function wrapped(text: string): boolean {
  if (!text.startsWith("(") || !text.endsWith(")")) return false;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "(") depth++;
    else if (text[i] === ")" && --depth === 0) return i === text.length - 1;
  }
  return false;
}

/** P0515: `d + n maanden + m maanden` without parentheses. */
export function ambiguousMonthSums(policy: Policy, source: string | undefined): Diagnostic[] {
  const out: Diagnostic[] = [];
  const visit = (x: unknown): void => {
    if (x === null || typeof x !== "object") return;
    if (Array.isArray(x)) return x.forEach(visit);
    const e = x as Expr;
    if (e.e === "date_add" && isMonths(e.dur) && e.date.e === "date_add" && isMonths(e.date.dur) && !parenthesized(source, e.date.span)) {
      const inner = e.date;
      out.push(
        diagnostic("P0515", e.span, {
          expr: textOf(source, e.span),
          left: `(${textOf(source, inner.span)}) ${e.sign === 1 ? "+" : "-"} ${textOf(source, e.dur.span)}`,
          right: `${textOf(source, inner.date.span)} ${inner.sign === 1 ? "+" : "-"} (${textOf(source, inner.dur.span)} ${e.sign === inner.sign ? "+" : "-"} ${textOf(source, e.dur.span)})`,
        }),
      );
    }
    for (const [k, v] of Object.entries(x)) if (k !== "span" && k !== "type") visit(v);
  };
  visit([policy.rules, policy.begrippen, policy.parameters, policy.functions, policy.outputs]);
  return out;
}

/** `plus 1 maand`, `plus 2 jaar`, `min 3 maanden`. */
function stepText(n: number): string {
  const k = Math.abs(n);
  const what = k % 12 === 0 ? `${k / 12} jaar` : `${k} ${k === 1 ? "maand" : "maanden"}`;
  return `${n < 0 ? "min" : "plus"} ${what}`;
}

/** P0514: every `d ± n maanden` the session encoded that clamps for some valid case. */
export async function clampingWarnings(session: Session, policy: Policy, source: string | undefined): Promise<Diagnostic[]> {
  const { z } = session;
  const enc = session.models[0]!.enc;
  const bySpan = new Map<string, typeof enc.monthAdds>();
  for (const m of enc.monthAdds) {
    const key = `${m.span.start}:${m.span.end}`;
    const list = bySpan.get(key) ?? [];
    list.push(m);
    bySpan.set(key, list);
  }
  const out: Diagnostic[] = [];
  for (const list of bySpan.values()) {
    const span = list[0]!.span;
    if (clampStated(source, span)) continue;
    const r = await session.ask(z.Or(...list.map((m) => m.clamped)), [...session.vars.allKnown(), ...session.models[0]!.listConditions]);
    if (r.status !== "sat") continue;
    const hit = list.find((m) => String(r.model.eval(m.clamped, true)) === "true") ?? list[0]!;
    const day = (t: A) => formatDutchDate(Number(intOf(r.model, t)));
    const n = Number(intOf(r.model, hit.months));
    out.push(
      diagnostic("P0514", span, {
        expr: textOf(source, span),
        date: day(hit.day),
        step: stepText(n),
        result: day(hit.result),
        article: articleText(articlesOf(policy, span, hit.dur)),
        example: givenText(policy, r.values),
      }),
    );
  }
  return out;
}
