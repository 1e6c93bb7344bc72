// AST → Polis source, canonical layout. In: a Program (or one expression).
// Out: text that parses back to the same AST (spans and literal spellings
// aside: `1.200` and `1200` are one value). Parentheses are added exactly
// where the precedence of LANGUAGE.md §6 needs them. Used by the round-trip
// properties, by `polis diff` to show values, and by printed voorbeelden.
// Comments are not part of the AST and are not printed.

import { formatDecimal, isInteger, neg, sign, type Rat } from "../../runtime/rational.js";
import { formatDutchDate } from "../../runtime/calendar.js";
import type * as A from "../syntax/ast.js";
import { printDated, printTable } from "./table.js";

/** LANGUAGE.md §6 levels: 1 loosest (indien, aggregations) … 11 tightest (atoms). */
function level(e: A.Expr): number {
  switch (e.kind) {
    case "If":
    case "Aggregate":
      return 1;
    case "Logic":
      return e.op === "of" ? 2 : 3;
    case "Not":
      return 4;
    case "Compare":
    case "In":
    case "InList":
    case "Between":
    case "Known":
      return 5;
    case "Round":
      return 6;
    case "Arith":
      return e.op === "+" || e.op === "-" ? 7 : 8;
    case "Neg":
      return 9;
    case "Unit":
    case "Percent":
    case "Field":
      return 10;
    case "Period":
      // An atom whose end (`tot B`, B a level-7 expression) is open to the right:
      // print it like a rounding (level 6), so an arithmetic operator after it
      // gets parentheses instead of being absorbed into B.
      return 6;
    default:
      return 11;
  }
}

/** A Dutch number: decimal comma, thousands dots (`1.200`, `12.500,5`). */
export function dutchNumber(v: Rat): string {
  const text = formatDecimal(v);
  const negative = text.startsWith("-");
  const [int, frac] = (negative ? text.slice(1) : text).split(".") as [string, string | undefined];
  const grouped = int.length > 3 ? int.replace(/\B(?=(\d{3})+(?!\d))/g, ".") : int;
  return (negative ? "-" : "") + grouped + (frac !== undefined ? `,${frac}` : "");
}

function money(v: Rat): string {
  const negative = sign(v) < 0;
  const abs = negative ? neg(v) : v;
  let text = dutchNumber(abs);
  if (!isInteger(abs) && /,\d$/.test(text)) text += "0";
  return `€ ${negative ? "-" : ""}${text}`;
}

export function quote(s: string): string {
  return `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

const LABEL = /^[0-9]+(\.[0-9]+)*[a-z]?( lid [0-9]+(\.[0-9]+)*[a-z]?)?$/;

export function printArticles(articles: readonly A.Article[]): string {
  if (articles.length === 0) return "";
  return ` (artikel ${articles.map((a) => (LABEL.test(a.label) ? a.label : quote(a.label))).join(", ")})`;
}

export function printExpr(e: A.Expr, min = 1): string {
  const text = printBare(e);
  return level(e) < min ? `(${text})` : text;
}

function printBare(e: A.Expr): string {
  switch (e.kind) {
    case "Number":
      return dutchNumber(e.value);
    case "Money":
      return money(e.value);
    case "Text":
      return quote(e.value);
    case "Bool":
      return e.value ? "ja" : "nee";
    case "Date":
      return formatDutchDate(e.day);
    case "Name":
      return e.name;
    case "Call":
      return `${e.callee}(${e.args.map((a) => printExpr(a)).join(", ")})`;
    case "Field":
      return `${printExpr(e.object, 10)}.${e.field}`;
    case "Unit":
      return `${printExpr(e.operand, 10)} ${e.unit}`;
    case "Percent":
      return `${printExpr(e.operand, 10)}%`;
    case "Neg":
      return `-${printExpr(e.operand, 9)}`;
    case "Arith": {
      const l = e.op === "+" || e.op === "-" ? 7 : 8;
      return `${printExpr(e.left, l)} ${e.op} ${printExpr(e.right, l + 1)}`;
    }
    case "Compare":
      return `${printExpr(e.left, 6)} ${e.op} ${printExpr(e.right, 6)}`;
    case "In":
      return `${printExpr(e.operand, 6)} ${e.negated ? "niet in" : "in"} {${e.values.map((v) => printExpr(v, 7)).join(", ")}}`;
    case "InList":
      return `${printExpr(e.operand, 6)} ${e.negated ? "niet in" : "in"} ${printExpr(e.list, 11)}`;
    case "Between":
      return `${printExpr(e.operand, 6)} tussen ${printExpr(e.low, 7)} en ${printExpr(e.high, 7)}`;
    case "Known":
      return `${printExpr(e.operand, 6)} is bekend`;
    case "Not":
      return `niet ${printExpr(e.operand, 4)}`;
    case "Logic":
      return e.op === "of"
        ? `${printExpr(e.left, 2)} of ${printExpr(e.right, 3)}`
        : `${printExpr(e.left, 3)} en ${printExpr(e.right, 4)}`;
    case "Round": {
      const operand = e.operand.kind === "Round" ? printBare(e.operand) : printExpr(e.operand, 7);
      const dir = e.mode === "floor" ? "naar beneden " : e.mode === "ceil" ? "naar boven " : "";
      const target = e.unit === "hele euro" ? "hele euro" : e.unit === "centen" ? "centen" : `${e.decimals} decimalen`;
      return `${operand} ${dir}afgerond op ${target}`;
    }
    case "If":
      return `indien ${printExpr(e.condition)} dan ${printExpr(e.then)} anders ${printExpr(e.else)}`;
    case "Aggregate": {
      const list = printExpr(e.list, 10);
      const filter = e.filter ? ` waarvoor ${printExpr(e.filter)}` : "";
      switch (e.op) {
        case "aantal":
          return `aantal ${e.variable} in ${list}${filter}`;
        case "som":
          return `som van ${printExpr(e.body!)} voor ${e.variable} in ${list}${filter}`;
        case "er is een":
          return `er is een ${e.variable} in ${list}${filter}`;
        case "voor alle":
          return `voor alle ${e.variable} in ${list} geldt ${printExpr(e.filter!)}`;
        case "grootste":
        case "kleinste":
        case "eerste":
        case "laatste":
        case "lopende som":
          return `${e.op} van ${printExpr(e.body!)} voor ${e.variable} in ${list}${filter}`;
        case "elke":
          return `de ${printExpr(e.body!)} van elke ${e.variable} in ${list}${filter}`;
      }
      break;
    }
    case "Period":
      return `periode van ${printExpr(e.from, 7)} ${e.inclusive ? "tot en met" : "tot"} ${printExpr(e.to, 7)}`;
    case "ListLiteral":
      return `[${e.items.map((i) => printExpr(i)).join(", ")}]`;
    case "RecordLiteral":
      return `{${e.fields.map((f) => `${f.name} ${printExpr(f.value)}`).join(", ")}}`;
  }
  return "";
}

export function printType(t: A.TypeRef): string {
  switch (t.kind) {
    case "BuiltinType":
      return t.name;
    case "NamedType":
      return t.name;
    case "ListType":
      return `lijst van ${printType(t.element)}`;
  }
}

function printRestriction(r: A.Restriction): string {
  if (r.kind === "OneOf") return ` uit {${r.values.map((v) => printExpr(v, 7)).join(", ")}}`;
  if (r.min && r.max) return ` vanaf ${printExpr(r.min, 7)} tot en met ${printExpr(r.max, 7)}`;
  if (r.min) return ` vanaf ${printExpr(r.min, 7)}`;
  if (r.max) return ` tot en met ${printExpr(r.max, 7)}`;
  return "";
}

function printField(f: A.FieldDecl): string {
  return `  ${f.name}: ${printType(f.type)}${f.optional ? " optioneel" : ""}${f.restriction ? printRestriction(f.restriction) : ""}${f.default ? ` standaard ${printExpr(f.default)}` : ""}`;
}

/** Lines are kept to this width where a list can go on one line. */
const WIDTH = 88;

/** `gegeven a 1, b 2` on one line when it fits, else one value per line. */
function namedValues(keyword: string, vs: readonly A.NamedValue[]): string {
  const items = vs.map((v) => `${v.name} ${printExpr(v.value)}`);
  const oneLine = `  ${keyword} ${items.join(", ")}`;
  if (items.length === 0) return `  ${keyword}`;
  if (oneLine.length <= WIDTH && !items.some((i) => i.includes("\n"))) return oneLine;
  return [`  ${keyword}`, ...items.map((i) => `    ${i}`)].join("\n");
}

export function printDecl(d: A.Decl): string {
  switch (d.kind) {
    case "Soort":
      return `soort ${d.name}: ${d.values.map((v) => v.name).join(", ")}`;
    case "Gegevens":
      return [`gegevens ${d.name}:`, ...d.fields.map(printField)].join("\n");
    case "Invoer":
      return ["invoer", ...d.fields.map(printField)].join("\n");
    case "Uitvoer":
      return ["uitvoer", ...d.fields.map(printField)].join("\n");
    case "Voorwaarde":
      return `voorwaarde ${printExpr(d.condition)}`;
    case "Parameter":
      if (d.dated) return printDated(`parameter ${d.name}: ${printType(d.type)} =`, d.dated, printArticles(d.articles), printExpr, WIDTH);
      return `parameter ${d.name}: ${printType(d.type)} = ${printExpr(d.value)}${printArticles(d.articles)}`;
    case "Begrip":
      return `begrip ${d.name}: ${printType(d.type)} = ${printExpr(d.value)}${printArticles(d.articles)}`;
    case "Functie":
      return `functie ${d.name}(${d.params.map((p) => `${p.name}: ${printType(p.type)}`).join(", ")}): ${printType(d.result)} =\n  ${printExpr(d.body)}${printArticles(d.articles)}`;
    case "Regel": {
      const head = `regel ${d.name}${printArticles(d.articles)}${d.exceptionTo ? ` uitzondering op ${d.exceptionTo.map((t) => t.name).join(", ")}` : ""}:`;
      const clauses = d.clauses.map((c) => {
        const assignments = c.assignments.map((a) => `${a.target} ${printExpr(a.value)}`).join(", ");
        if (c.head === "indien") {
          const oneLine = `  indien ${printExpr(c.condition!)} dan ${assignments}`;
          return oneLine.length <= WIDTH ? oneLine : `  indien ${printExpr(c.condition!)}\n    dan ${assignments}`;
        }
        if (c.head === "anders") return `  anders ${assignments}`;
        return `  ${assignments}`;
      });
      return [head, ...(d.lid ? [`  lid ${quote(d.lid.text)}`] : []), ...clauses].join("\n");
    }
    case "Tabel":
      return printTable(d, printExpr, printArticles);
    case "Voorbeeld": {
      const lines = [`voorbeeld ${quote(d.name)}:`, namedValues("gegeven", d.given)];
      if (d.expectedError !== undefined) lines.push(`  verwacht fout ${quote(d.expectedError)}`);
      else lines.push(namedValues("verwacht", d.expected));
      return lines.join("\n");
    }
    case "Eigenschap":
      if (d.premise) return `eigenschap ${quote(d.name)}:\n  altijd als ${printExpr(d.premise)}\n    dan ${printExpr(d.condition)}`;
      return `eigenschap ${quote(d.name)}:\n  altijd ${printExpr(d.condition)}`;
  }
}

export function printProgram(p: A.Program): string {
  const header = [`polis ${p.name} ${quote(p.title)}`];
  const h = p.header;
  if (h.version) header.push(`  versie ${/^[0-9]+$/.test(h.version.text) ? h.version.text : quote(h.version.text)}`);
  if (h.validity?.to === undefined && h.validity) header.push(`  geldig vanaf ${formatDutchDate(h.validity.from)}`);
  else if (h.validity?.to !== undefined) {
    const end = h.validity.inclusive ? `tot en met ${formatDutchDate(h.validity.to)}` : `tot ${formatDutchDate(h.validity.to + 1)}`;
    header.push(`  geldig van ${formatDutchDate(h.validity.from)} ${end}`);
  }
  if (h.source) header.push(`  bron ${quote(h.source.text)}`);
  return [header.join("\n"), ...p.declarations.map(printDecl)].join("\n\n") + "\n";
}
