// AST → text, for the golden tests of the parser (test/golden/parse/).
// In: a Program. Out: an indented tree, one node a line: the node's kind, its
// key fields, and `@line:col` where its span starts; a child with a role that
// its position does not make clear is prefixed with that role (`condition:`).
// Guarantees: the same AST gives the same text (no offsets, no object order
// surprises); numbers are printed exactly (formatDecimal) next to the text the
// author wrote (`Number 1200 '1.200'`), dates as ISO next to theirs.

import type { Span } from "../../runtime/diagnostic.js";
import { formatDecimal } from "../../runtime/rational.js";
import { formatIsoDate } from "../../runtime/calendar.js";
import { quoteImage } from "../../grammar/print-tokens.js";
import type * as A from "./ast.js";

const INDENT = "  ";

function at(span: Span): string {
  return `@${span.line}:${span.column}`;
}

function typeText(t: A.TypeRef): string {
  switch (t.kind) {
    case "BuiltinType":
    case "NamedType":
      return t.name;
    case "ListType":
      return `lijst van ${typeText(t.element)}`;
  }
}

/** An indented tree, one node a line: shared by this printer and the IR's (compiler/ir/print.ts). */
export class TreePrinter {
  private readonly lines: string[] = [];
  private depth = 0;

  line(text: string): void {
    this.lines.push(INDENT.repeat(this.depth) + text);
  }

  /** A line, then whatever `body` prints one level deeper. */
  node(text: string, body?: () => void): void {
    this.line(text);
    if (!body) return;
    this.depth++;
    body();
    this.depth--;
  }

  toString(): string {
    return this.lines.join("\n");
  }
}

class Printer extends TreePrinter {
  // ---------------------------------------------------------- expressions

  expr(e: A.Expr, role?: string): void {
    const p = role ? `${role}: ` : "";
    switch (e.kind) {
      case "Number":
        return this.node(`${p}Number ${formatDecimal(e.value)} ${quoteImage(e.text)} ${at(e.span)}`);
      case "Money":
        return this.node(`${p}Money ${formatDecimal(e.value)} ${quoteImage(e.text)} ${at(e.span)}`);
      case "Text":
        return this.node(`${p}Text ${JSON.stringify(e.value)} ${at(e.span)}`);
      case "Bool":
        return this.node(`${p}Bool ${e.value ? "ja" : "nee"} ${at(e.span)}`);
      case "Date":
        return this.node(`${p}Date ${formatIsoDate(e.day)} ${quoteImage(e.text)} ${at(e.span)}`);
      case "Name":
        return this.node(`${p}Name ${e.name} ${at(e.span)}`);
      case "Call":
        return this.node(`${p}Call ${e.callee} ${at(e.span)}`, () => e.args.forEach((a) => this.expr(a, "arg")));
      case "Field":
        return this.node(`${p}Field .${e.field} ${at(e.span)} (veld ${at(e.fieldSpan)})`, () => this.expr(e.object));
      case "Unit":
        return this.node(`${p}Unit ${e.unit} ${at(e.span)}`, () => this.expr(e.operand));
      case "Percent":
        return this.node(`${p}Percent ${at(e.span)}`, () => this.expr(e.operand));
      case "Neg":
        return this.node(`${p}Neg ${at(e.span)}`, () => this.expr(e.operand));
      case "Arith":
        return this.node(`${p}Arith ${e.op} ${at(e.span)}`, () => {
          this.expr(e.left);
          this.expr(e.right);
        });
      case "Compare":
        return this.node(`${p}Compare ${e.op} ${at(e.span)}`, () => {
          this.expr(e.left);
          this.expr(e.right);
        });
      case "In":
        return this.node(`${p}In${e.negated ? " niet" : ""} ${at(e.span)}`, () => {
          this.expr(e.operand);
          e.values.forEach((v) => this.expr(v, "value"));
        });
      case "InList":
        return this.node(`${p}InList${e.negated ? " niet" : ""} ${at(e.span)}`, () => {
          this.expr(e.operand);
          this.expr(e.list, "list");
        });
      case "Between":
        return this.node(`${p}Between ${at(e.span)}`, () => {
          this.expr(e.operand);
          this.expr(e.low, "low");
          this.expr(e.high, "high");
        });
      case "Known":
        return this.node(`${p}Known ${at(e.span)}`, () => this.expr(e.operand));
      case "Not":
        return this.node(`${p}Not ${at(e.span)}`, () => this.expr(e.operand));
      case "Logic":
        return this.node(`${p}Logic ${e.op} ${at(e.span)}`, () => {
          this.expr(e.left);
          this.expr(e.right);
        });
      case "Round":
        return this.node(`${p}Round ${e.mode} ${e.unit} decimals=${e.decimals} ${at(e.span)}`, () => this.expr(e.operand));
      case "If":
        return this.node(`${p}If ${at(e.span)}`, () => {
          this.expr(e.condition, "condition");
          this.expr(e.then, "then");
          this.expr(e.else, "else");
        });
      case "Aggregate":
        return this.node(`${p}Aggregate ${e.op} ${e.variable} ${at(e.span)} (variabele ${at(e.variableSpan)})`, () => {
          if (e.body) this.expr(e.body, "body");
          this.expr(e.list, "list");
          if (e.filter) this.expr(e.filter, e.op === "voor alle" ? "geldt" : "waarvoor");
        });
      case "Period":
        return this.node(`${p}Period ${e.inclusive ? "tot en met" : "tot"} ${at(e.span)}`, () => {
          this.expr(e.from, "from");
          this.expr(e.to, "to");
        });
      case "ListLiteral":
        return this.node(`${p}List ${at(e.span)}`, () => e.items.forEach((i) => this.expr(i)));
      case "RecordLiteral":
        return this.node(`${p}Record ${at(e.span)}`, () => e.fields.forEach((f) => this.expr(f.value, `${f.name} ${at(f.span)}`)));
    }
  }

  // --------------------------------------------------------- declarations

  articles(as: readonly A.Article[]): void {
    for (const a of as) this.line(`artikel ${quoteImage(a.label)} ${at(a.span)}`);
  }

  type(t: A.TypeRef, role = "type"): void {
    this.line(`${role}: ${typeText(t)} ${at(t.span)}`);
  }

  field(f: A.FieldDecl): void {
    this.node(`Field ${f.name}${f.optional ? " optioneel" : ""} ${at(f.span)}`, () => {
      this.type(f.type);
      const r = f.restriction;
      if (r?.kind === "Range") {
        this.node(`beperking ${quoteImage(r.text)} ${at(r.span)}`, () => {
          if (r.min) this.expr(r.min, "min");
          if (r.max) this.expr(r.max, "max");
        });
      } else if (r?.kind === "OneOf") {
        this.node(`beperking ${quoteImage(r.text)} ${at(r.span)}`, () => r.values.forEach((v) => this.expr(v, "value")));
      }
      if (f.default) this.expr(f.default, "standaard");
    });
  }

  decl(d: A.Decl): void {
    switch (d.kind) {
      case "Soort":
        return this.node(`Soort ${d.name} ${at(d.span)}`, () => d.values.forEach((v) => this.line(`value ${v.name} ${at(v.span)}`)));
      case "Gegevens":
        return this.node(`Gegevens ${d.name} ${at(d.span)}`, () => d.fields.forEach((f) => this.field(f)));
      case "Invoer":
        return this.node(`Invoer ${at(d.span)}`, () => d.fields.forEach((f) => this.field(f)));
      case "Uitvoer":
        return this.node(`Uitvoer ${at(d.span)}`, () => d.fields.forEach((f) => this.field(f)));
      case "Voorwaarde":
        return this.node(`Voorwaarde ${quoteImage(d.text)} ${at(d.span)}`, () => this.expr(d.condition));
      case "Parameter":
      case "Begrip":
        return this.node(`${d.kind} ${d.name} ${at(d.span)}`, () => {
          this.type(d.type);
          if (d.kind === "Parameter" && d.dated) {
            for (const p of d.dated.periods)
              this.node(`periode ${formatIsoDate(p.from)} t/m ${p.through === undefined ? "…" : formatIsoDate(p.through)} ${at(p.span)}`, () => this.expr(p.value, "value"));
            this.line(`volgens ${d.dated.by.name} ${at(d.dated.by.span)}`);
          } else this.expr(d.value, "value");
          this.articles(d.articles);
        });
      case "Tabel":
        return this.node(`Tabel ${d.name} ${d.hitPolicy} ${at(d.span)}`, () => {
          this.articles(d.articles);
          for (const t of d.exceptionTo ?? []) this.line(`uitzondering op ${t.name} ${at(t.span)}`);
          this.line(`kolommen ${d.columns.map((c) => c.name).join(", ")} || ${d.outputs.map((o) => o.name).join(", ")}`);
          for (const r of d.rows) {
            this.node(`Rij${r.isDefault ? " anders" : ""} ${at(r.span)}`, () => {
              for (const c of r.cells) {
                this.node(`cel ${c.kind}${c.kind === "Compare" ? ` ${c.op}` : c.kind === "Range" ? (c.maxInclusive ? " t/m" : " tot") : ""} ${at(c.span)}`, () => {
                  if (c.kind === "Values") c.values.forEach((v) => this.expr(v));
                  if (c.kind === "Compare") this.expr(c.value);
                  if (c.kind === "Range") {
                    if (c.min) this.expr(c.min, "min");
                    if (c.max) this.expr(c.max, "max");
                  }
                });
              }
              r.values.forEach((v) => this.expr(v, "uitvoer"));
              this.articles(r.articles);
            });
          }
        });
      case "Functie":
        return this.node(`Functie ${d.name} ${at(d.span)}`, () => {
          for (const p of d.params) this.line(`param ${p.name}: ${typeText(p.type)} ${at(p.span)}`);
          this.type(d.result, "result");
          this.expr(d.body, "body");
          this.articles(d.articles);
        });
      case "Regel":
        return this.node(`Regel ${d.name} ${at(d.span)}`, () => {
          this.articles(d.articles);
          for (const t of d.exceptionTo ?? []) this.line(`uitzondering op ${t.name} ${at(t.span)}`);
          if (d.lid) this.line(`lid ${quoteImage(d.lid.text)} ${at(d.lid.span)}`);
          for (const c of d.clauses) {
            this.node(`Clause ${c.head} ${at(c.span)}`, () => {
              if (c.condition) this.expr(c.condition, "condition");
              for (const a of c.assignments) this.node(`Assign ${a.target} ${at(a.span)}`, () => this.expr(a.value));
            });
          }
        });
      case "Voorbeeld":
        return this.node(`Voorbeeld ${JSON.stringify(d.name)} ${at(d.span)}`, () => {
          for (const g of d.given) this.node(`gegeven ${g.name} ${at(g.span)}`, () => this.expr(g.value));
          for (const x of d.expected) this.node(`verwacht ${x.name} ${at(x.span)}`, () => this.expr(x.value));
          if (d.expectedError !== undefined) this.line(`verwacht fout ${JSON.stringify(d.expectedError)}`);
        });
      case "Eigenschap":
        return this.node(`Eigenschap ${JSON.stringify(d.name)} ${quoteImage(d.text)} ${at(d.span)}`, () => {
          if (d.premise) this.expr(d.premise, "als");
          this.expr(d.condition);
        });
    }
  }

  program(p: A.Program): void {
    this.node(`Program ${p.name} ${JSON.stringify(p.title)} ${at(p.nameSpan)}`, () => {
      const h = p.header;
      if (h.version) this.line(`versie ${quoteImage(h.version.text)} ${at(h.version.span)}`);
      if (h.validity) {
        const v = h.validity;
        this.line(`geldig ${formatIsoDate(v.from)} t/m ${v.to === undefined ? "…" : formatIsoDate(v.to)} ${quoteImage(v.text)} ${at(v.span)}`);
      }
      if (h.source) this.line(`bron ${JSON.stringify(h.source.text)} ${at(h.source.span)}`);
      p.declarations.forEach((d) => this.decl(d));
    });
  }
}

export function printExpr(e: A.Expr): string {
  const p = new Printer();
  p.expr(e);
  return p.toString();
}

export function printProgram(program: A.Program): string {
  const p = new Printer();
  p.program(program);
  return p.toString();
}
