// CST → AST. In: the CST of a file without syntax errors and the source text.
// Out: a Program with spans on every node, and diagnostics for literals that
// are lexically fine but invalid (`1.5`, `30 februari 2012`).
// INVARIANT: only called on a CST the parser produced without errors.

import type { CstNode, IToken } from "chevrotain";
import type { Diagnostic, Span } from "../../runtime/diagnostic.js";
import { ratInt, neg as ratNeg } from "../../runtime/rational.js";
import type { Piece } from "../../grammar/pieces.js";
import { joinSpans, tokenSpan } from "../../grammar/span.js";
import type * as A from "./ast.js";
import { readDate, readNumber, readString } from "./literals.js";
import { diagnostic } from "../../runtime/messages.js";
import { datedValues, tableDecl, type CstHelpers } from "./from-cst-table.js";

type Child = CstNode | IToken;

function isToken(c: Child): c is IToken {
  return (c as IToken).image !== undefined;
}

export function fromCst(
  cst: CstNode,
  file: string,
  text: string,
  pieces: readonly Piece[] = [],
): { program: A.Program; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  /** The AST of each piece (grammar/pieces.ts) by its placeholder name, lowered innermost first. */
  const lowered = new Map<string, A.Expr>();
  const span = (t: IToken): Span => tokenSpan(file, t);

  const nodes = (n: CstNode, key: string): CstNode[] => (n.children[key] ?? []) as CstNode[];
  const tokens = (n: CstNode, key: string): IToken[] => (n.children[key] ?? []) as IToken[];
  const node = (n: CstNode, key: string): CstNode | undefined => nodes(n, key)[0];
  const token = (n: CstNode, key: string): IToken | undefined => tokens(n, key)[0];
  /** The rule names of a declaration's `uitzondering op A, B`. */
  const exceptionTargets = (n: CstNode): IToken[] => nodes(n, "exceptionTargets").flatMap((e) => tokens(e, "target"));
  const must = <T>(x: T | undefined, what: string): T => {
    if (x === undefined) throw new Error(`internal: CST without ${what}`);
    return x;
  };

  /** The span of a CST node, from its first to its last token. */
  function nodeSpan(n: CstNode): Span {
    // The parser tracks node locations ("full"): no need to walk the subtree,
    // which made lowering quadratic in the nesting depth.
    const l = n.location;
    if (l && !Number.isNaN(l.startOffset) && l.endOffset !== undefined && !Number.isNaN(l.endOffset)) {
      return {
        file,
        start: l.startOffset,
        end: l.endOffset + 1,
        line: l.startLine ?? 1,
        column: l.startColumn ?? 1,
        endLine: l.endLine ?? l.startLine ?? 1,
        endColumn: (l.endColumn ?? l.startColumn ?? 1) + 1,
      };
    }
    let first: IToken | undefined;
    let last: IToken | undefined;
    const visit = (c: Child) => {
      if (isToken(c)) {
        if (!first || c.startOffset < first.startOffset) first = c;
        if (!last || c.startOffset > last.startOffset) last = c;
      } else for (const k of Object.keys(c.children)) for (const x of c.children[k]!) visit(x as Child);
    };
    visit(n);
    return joinSpans(span(must(first, "tokens")), span(must(last, "tokens")));
  }

  const sourceOf = (s: Span) => text.slice(s.start, s.end);

  // ------------------------------------------------------------- literals

  function numberValue(t: IToken) {
    const r = readNumber(t.image, span(t));
    if (!r.ok) {
      diagnostics.push(r.diagnostic);
      return ratInt(0);
    }
    return r.value;
  }

  function dateValue(n: CstNode): { day: number; text: string; span: Span } {
    const t = must(token(n, "DutchDate") ?? token(n, "IsoDate"), "date");
    const r = readDate(t.image, span(t));
    if (!r.ok) {
      diagnostics.push(r.diagnostic);
      return { day: 0, text: t.image, span: span(t) };
    }
    return { day: r.value, text: t.image.replace(/[ \t]+/g, " "), span: span(t) };
  }

  function articles(n: CstNode | undefined): A.Article[] {
    if (!n) return [];
    return nodes(n, "articleLabel").map((l) => {
      const quoted = token(l, "quoted");
      if (quoted) return { label: readString(quoted.image), span: span(quoted) };
      const label = must(token(l, "label"), "label");
      const lid = token(l, "lid");
      return { label: lid ? `${label.image} lid ${lid.image}` : label.image, span: nodeSpan(l) };
    });
  }

  // ---------------------------------------------------------------- types

  function typeRef(n: CstNode): A.TypeRef {
    const element = node(n, "element");
    if (element) return { kind: "ListType", element: typeRef(element), span: nodeSpan(n) };
    const builtin = token(n, "builtin");
    if (builtin) return { kind: "BuiltinType", name: builtin.image as A.BuiltinTypeName, span: span(builtin) };
    const named = must(token(n, "named"), "type name");
    return { kind: "NamedType", name: named.image, span: span(named) };
  }

  // ---------------------------------------------------------- expressions

  function expression(n: CstNode): A.Expr {
    const ifx = node(n, "ifExpression");
    if (ifx) {
      return {
        kind: "If",
        condition: expression(must(node(ifx, "condition"), "condition")),
        then: expression(must(node(ifx, "then"), "then")),
        else: expression(must(node(ifx, "else"), "else")),
        span: nodeSpan(ifx),
      };
    }
    const agg = node(n, "aggregation");
    if (agg) return aggregation(agg);
    return disjunction(must(node(n, "disjunction"), "disjunction"));
  }

  function aggregation(n: CstNode): A.Expr {
    const pick = token(n, "pick");
    const op: A.AggregateOp = token(n, "count")
      ? "aantal"
      : token(n, "sum")
        ? "som"
        : token(n, "exists")
          ? "er is een"
          : pick
            ? (pick.image.split(/[ \t]+/)[0] as "grootste" | "kleinste" | "eerste" | "laatste")
            : token(n, "running")
              ? "lopende som"
              : token(n, "map")
                ? "elke"
                : "voor alle";
    const variable = must(token(n, "variable"), "variable");
    const body = node(n, "body");
    const filter = node(n, "filter");
    const result: A.Expr = {
      kind: "Aggregate",
      op,
      variable: variable.image,
      variableSpan: span(variable),
      list: postfix(must(node(n, "list"), "list")),
      span: nodeSpan(n),
    };
    if (body) result.body = expression(body);
    if (filter) result.filter = expression(filter);
    return result;
  }

  function leftAssoc(n: CstNode, operand: (c: CstNode) => A.Expr, make: (l: A.Expr, r: A.Expr, i: number) => A.Expr): A.Expr {
    const operands = nodes(n, "operands");
    let acc = operand(must(operands[0], "operand"));
    for (let i = 1; i < operands.length; i++) acc = make(acc, operand(operands[i]!), i - 1);
    return acc;
  }

  function disjunction(n: CstNode): A.Expr {
    return leftAssoc(n, conjunction, (l, r) => ({ kind: "Logic", op: "of", left: l, right: r, span: joinSpans(l.span, r.span) }));
  }

  function conjunction(n: CstNode): A.Expr {
    return leftAssoc(n, negation, (l, r) => ({ kind: "Logic", op: "en", left: l, right: r, span: joinSpans(l.span, r.span) }));
  }

  function negation(n: CstNode): A.Expr {
    const inner = node(n, "negation");
    if (inner) return { kind: "Not", operand: negation(inner), span: nodeSpan(n) };
    return comparison(must(node(n, "comparison"), "comparison"));
  }

  function comparison(n: CstNode): A.Expr {
    const left = rounding(must(node(n, "left"), "left"));
    const op = token(n, "op");
    if (op) {
      const right = rounding(must(node(n, "right"), "right"));
      return { kind: "Compare", op: op.image as A.CompareOp, left, right, opSpan: span(op), span: joinSpans(left.span, right.span) };
    }
    if (token(n, "in") && node(n, "list")) {
      const list = postfix(must(node(n, "list"), "list"));
      return { kind: "InList", negated: token(n, "not") !== undefined, operand: left, list, span: joinSpans(left.span, list.span) };
    }
    if (token(n, "in")) {
      const set = must(node(n, "valueSet"), "set");
      return { kind: "In", negated: token(n, "not") !== undefined, operand: left, values: nodes(set, "values").map(additive), span: joinSpans(left.span, nodeSpan(set)) };
    }
    if (token(n, "is")) return { kind: "Known", operand: left, span: joinSpans(left.span, nodeSpan(n)) };
    if (token(n, "between")) {
      const low = additive(must(node(n, "low"), "low"));
      const high = additive(must(node(n, "high"), "high"));
      return { kind: "Between", operand: left, low, high, span: joinSpans(left.span, high.span) };
    }
    return left;
  }

  function rounding(n: CstNode): A.Expr {
    let acc = additive(must(node(n, "operand"), "operand"));
    for (const s of nodes(n, "roundingSuffix")) {
      const mode: A.RoundMode = token(s, "down") ? "floor" : token(s, "up") ? "ceil" : "half-away";
      let decimals = 0;
      let unit: "hele euro" | "centen" | "decimalen" = "hele euro";
      if (token(s, "cents")) {
        decimals = 2;
        unit = "centen";
      } else {
        const d = token(s, "decimals");
        if (d) {
          unit = "decimalen";
          if (!/^[0-9]+$/.test(d.image) || Number(d.image) > 100) {
            diagnostics.push(diagnostic("P0105", span(d), { text: d.image }));
          } else decimals = Number(d.image);
        }
      }
      acc = { kind: "Round", operand: acc, mode, decimals, unit, span: joinSpans(acc.span, nodeSpan(s)) };
    }
    return acc;
  }

  function additive(n: CstNode): A.Expr {
    const ops = tokens(n, "ops");
    return leftAssoc(n, multiplicative, (l, r, i) => ({
      kind: "Arith", op: ops[i]!.image as A.ArithOp, left: l, right: r, opSpan: span(ops[i]!), span: joinSpans(l.span, r.span),
    }));
  }

  function multiplicative(n: CstNode): A.Expr {
    const ops = tokens(n, "ops");
    return leftAssoc(n, unary, (l, r, i) => ({
      kind: "Arith", op: ops[i]!.image as A.ArithOp, left: l, right: r, opSpan: span(ops[i]!), span: joinSpans(l.span, r.span),
    }));
  }

  function unary(n: CstNode): A.Expr {
    const inner = node(n, "unary");
    if (inner) return { kind: "Neg", operand: unary(inner), span: nodeSpan(n) };
    return postfix(must(node(n, "postfix"), "postfix"));
  }

  function postfix(n: CstNode): A.Expr {
    let acc = atom(must(node(n, "atom"), "atom"));
    const suffixes: { kind: "field" | "unit" | "percent"; t: IToken }[] = [
      ...tokens(n, "field").map((t) => ({ kind: "field" as const, t })),
      ...tokens(n, "unit").map((t) => ({ kind: "unit" as const, t })),
      ...tokens(n, "percent").map((t) => ({ kind: "percent" as const, t })),
    ].sort((a, b) => a.t.startOffset - b.t.startOffset);
    for (const s of suffixes) {
      const whole = joinSpans(acc.span, span(s.t));
      if (s.kind === "field") acc = { kind: "Field", object: acc, field: s.t.image, fieldSpan: span(s.t), span: whole };
      else if (s.kind === "unit") acc = { kind: "Unit", operand: acc, unit: s.t.image as A.UnitWord, span: whole };
      else acc = { kind: "Percent", operand: acc, span: whole };
    }
    return acc;
  }

  function atom(n: CstNode): A.Expr {
    const name = token(n, "name");
    if (name) {
      if (token(n, "call")) {
        return { kind: "Call", callee: name.image, calleeSpan: span(name), args: nodes(n, "args").map(expression), span: nodeSpan(n) };
      }
      const piece = lowered.get(name.image);
      if (piece !== undefined) return piece;
      return { kind: "Name", name: name.image, span: span(name) };
    }
    const num = token(n, "number");
    if (token(n, "euro")) {
      const t = must(num, "money");
      const v = numberValue(t);
      return { kind: "Money", value: token(n, "minus") ? ratNeg(v) : v, text: t.image, span: nodeSpan(n) };
    }
    if (num) return { kind: "Number", value: numberValue(num), text: num.image, span: span(num) };
    const str = token(n, "text");
    if (str) return { kind: "Text", value: readString(str.image), span: span(str) };
    const yes = token(n, "yes") ?? token(n, "no");
    if (yes) return { kind: "Bool", value: yes.image === "ja", span: span(yes) };
    const date = node(n, "dateLiteral");
    if (date) {
      const d = dateValue(date);
      return { kind: "Date", day: d.day, text: d.text, span: d.span };
    }
    const inner = node(n, "inner");
    // The parentheses belong to the span, so a condition's text and a
    // diagnostic's underline start where the author's `(` does.
    if (inner) return { ...expression(inner), span: nodeSpan(n) };
    if (token(n, "period")) {
      return {
        kind: "Period",
        from: additive(must(node(n, "from"), "from")),
        to: additive(must(node(n, "to"), "to")),
        inclusive: token(n, "through") !== undefined,
        span: nodeSpan(n),
      };
    }
    if (token(n, "list")) return { kind: "ListLiteral", items: nodes(n, "items").map(expression), span: nodeSpan(n) };
    if (token(n, "record")) {
      const names = tokens(n, "fields");
      const values = nodes(n, "values");
      return {
        kind: "RecordLiteral",
        fields: names.map((t, i) => {
          const value = expression(values[i]!);
          return { name: t.image, value, span: joinSpans(span(t), value.span) };
        }),
        span: nodeSpan(n),
      };
    }
    throw new Error("internal: unknown atom");
  }

  // --------------------------------------------------------- declarations

  function fieldDecl(n: CstNode): A.FieldDecl {
    const name = must(token(n, "name"), "field name");
    const f: A.FieldDecl = { kind: "Field", name: name.image, nameSpan: span(name), type: typeRef(must(node(n, "typeRef"), "type")), span: nodeSpan(n) };
    if (token(n, "optional")) f.optional = true;
    const r = node(n, "restriction");
    if (r) {
      const rs = nodeSpan(r);
      const set = node(r, "valueSet");
      if (set) f.restriction = { kind: "OneOf", values: nodes(set, "values").map(additive), span: rs, text: sourceOf(rs) };
      else {
        const min = node(r, "min");
        const max = node(r, "max");
        const range: A.Restriction = { kind: "Range", span: rs, text: sourceOf(rs) };
        if (min) range.min = additive(min);
        if (max) range.max = additive(max);
        f.restriction = range;
      }
    }
    const d = node(n, "default");
    if (d) f.default = expression(d);
    return f;
  }

  function namedValues(n: CstNode | undefined): A.NamedValue[] {
    if (!n) return [];
    return nodes(n, "namedValue").map((v) => {
      const name = must(token(v, "name"), "name");
      return { name: name.image, nameSpan: span(name), value: expression(must(node(v, "expression"), "value")), span: nodeSpan(v) };
    });
  }

  function clause(n: CstNode): A.Clause {
    const assignmentNodes = nodes(must(node(n, "assignments"), "assignments"), "assignment");
    const assignments = assignmentNodes.map((a) => {
      const target = must(token(a, "target"), "target");
      return { target: target.image, targetSpan: span(target), value: expression(must(node(a, "expression"), "value")), span: nodeSpan(a) };
    });
    const condition = node(n, "condition");
    if (condition) return { head: "indien", condition: expression(condition), assignments, span: nodeSpan(n) };
    return { head: token(n, "Anders") ? "anders" : "altijd", assignments, span: nodeSpan(n) };
  }

  function declaration(n: CstNode): A.Decl {
    const [kind, d] = Object.entries(n.children)[0] as [string, CstNode[]];
    const c = d[0]!;
    const s = nodeSpan(c);
    const nameTok = token(c, "name");
    const name = nameTok ? (nameTok.tokenType.name === "StringLiteral" ? readString(nameTok.image) : nameTok.image) : "";
    const nameSpan = nameTok ? span(nameTok) : s;
    switch (kind) {
      case "soortDecl":
        return { kind: "Soort", name, nameSpan, values: tokens(c, "values").map((t) => ({ name: t.image, span: span(t) })), span: s };
      case "gegevensDecl":
        return { kind: "Gegevens", name, nameSpan, fields: nodes(c, "fieldDecl").map(fieldDecl), span: s };
      case "invoerDecl":
        return { kind: "Invoer", fields: nodes(c, "fieldDecl").map(fieldDecl), span: s };
      case "uitvoerDecl":
        return { kind: "Uitvoer", fields: nodes(c, "fieldDecl").map(fieldDecl), span: s };
      case "voorwaardeDecl": {
        const condition = expression(must(node(c, "expression"), "condition"));
        return { kind: "Voorwaarde", condition, text: sourceOf(condition.span).replace(/\s+/g, " "), span: s };
      }
      case "parameterDecl":
      case "begripDecl": {
        const decl: A.Decl = {
          kind: kind === "parameterDecl" ? "Parameter" : "Begrip",
          name, nameSpan,
          type: typeRef(must(node(c, "typeRef"), "type")),
          value: expression(must(node(c, "expression"), "value")),
          articles: articles(node(c, "articleRef")),
          span: s,
        };
        const dated = decl.kind === "Parameter" ? datedValues(c, helpers) : undefined;
        if (decl.kind === "Parameter" && dated) decl.dated = dated;
        return decl;
      }
      case "tabelDecl":
        return tableDecl(c, helpers);
      case "functieDecl":
        return {
          kind: "Functie",
          name, nameSpan,
          params: nodes(c, "functionParam").map((p) => {
            const pn = must(token(p, "name"), "param");
            return { name: pn.image, type: typeRef(must(node(p, "typeRef"), "type")), span: span(pn) };
          }),
          result: typeRef(must(node(c, "typeRef"), "result")),
          body: expression(must(node(c, "expression"), "body")),
          articles: articles(node(c, "articleRef")),
          span: s,
        };
      case "regelDecl": {
        const rule: A.RuleDecl = { kind: "Regel", name, nameSpan, articles: articles(node(c, "articleRef")), clauses: nodes(c, "clause").map(clause), span: s };
        const targets = exceptionTargets(c);
        if (targets.length > 0) rule.exceptionTo = targets.map((t) => ({ name: t.image, span: span(t) }));
        const lid = token(c, "lid");
        if (lid) rule.lid = { text: readString(lid.image), span: span(lid) };
        return rule;
      }
      case "voorbeeldDecl": {
        const ex: A.Decl = { kind: "Voorbeeld", name, given: namedValues(node(c, "given")), expected: namedValues(node(c, "expected")), span: s };
        const err = token(c, "error");
        if (err) ex.expectedError = readString(err.image);
        return ex;
      }
      case "eigenschapDecl": {
        const condition = expression(must(node(c, "conclusion"), "condition"));
        const premiseNode = node(c, "premise");
        if (premiseNode) {
          const premise = expression(premiseNode);
          const text = `als ${sourceOf(premise.span)} dan ${sourceOf(condition.span)}`.replace(/\s+/g, " ");
          return { kind: "Eigenschap", name, premise, condition, text, span: s };
        }
        return { kind: "Eigenschap", name, condition, text: sourceOf(condition.span).replace(/\s+/g, " "), span: s };
      }
    }
    throw new Error(`internal: unknown declaration ${kind}`);
  }

  const helpers: CstHelpers = { nodes, tokens, exceptionTargets, span, nodeSpan, expression, additive, articles, dateValue, diagnostics };

  // ----------------------------------------------------------------- file

  const header: A.Header = {};
  for (const h of nodes(cst, "header")) {
    const hs = nodeSpan(h);
    const dup = (what: string, present: unknown) => {
      if (present) diagnostics.push(diagnostic("P0310", hs, { what }));
    };
    const version = token(h, "version");
    if (version) {
      dup("versie", header.version);
      header.version = { text: version.tokenType.name === "StringLiteral" ? readString(version.image) : version.image, span: hs };
    }
    const from = node(h, "from");
    if (from) {
      dup("geldig", header.validity);
      const a = dateValue(from);
      const end = node(h, "to");
      if (end) {
        const b = dateValue(end);
        const inclusive = token(h, "through") !== undefined;
        const to = inclusive ? b.day : b.day - 1;
        if (to < a.day) diagnostics.push(diagnostic("P0106", hs, { reason: "het einde ligt voor het begin" }));
        header.validity = { from: a.day, to, inclusive, text: sourceOf(hs), span: hs };
      } else header.validity = { from: a.day, inclusive: true, text: sourceOf(hs), span: hs };
    }
    const source = token(h, "source");
    if (source) {
      dup("bron", header.source);
      header.source = { text: readString(source.image), span: hs };
    }
  }
  // INVARIANT: a piece refers only to pieces before it, so each is lowered
  // on a shallow stack and found in `lowered` by the expressions around it.
  for (const p of pieces) lowered.set(p.name, expression(p.cst));
  const nameTok = must(token(cst, "name"), "polis name");
  const titleTok = must(token(cst, "title"), "title");
  const program: A.Program = {
    kind: "Program",
    name: nameTok.image,
    nameSpan: span(nameTok),
    title: readString(titleTok.image),
    header,
    declarations: nodes(cst, "declaration").map(declaration),
    file,
    span: { file, start: 0, end: text.length, line: 1, column: 1, endLine: 1, endColumn: 1 },
  };
  return { program, diagnostics };
}
