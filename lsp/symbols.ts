// Every name of a policy, where it is declared and where it is used: the
// index behind hover, go to definition, find references, rename and
// completion. In: the AST and the resolver's tables (compiler/resolve). Out:
// definitions and occurrences with spans. Computed here from the public AST,
// not from the checker's internals, with the same scopes the checker uses:
// function parameters and aggregation variables shadow nothing (they may not
// reuse a policy name, P0309), so a name is local first, then global.

import type { Span } from "../runtime/diagnostic.js";
import type * as A from "../compiler/syntax/ast.js";
import type { Symbols } from "../compiler/resolve/resolve.js";
import { STDLIB_BY_NAME } from "../stdlib/index.js";

export type DefKind =
  | "input" | "output" | "parameter" | "begrip" | "functie" | "soort" | "gegevens"
  | "soortValue" | "field" | "rule" | "param" | "variable" | "voorbeeld" | "eigenschap";

/** A type as the author writes it, or a stdlib result such as `lijst van periode`. */
export type TypeText = A.TypeRef;

export interface Def {
  name: string;
  kind: DefKind;
  /** The declared name. */
  span: Span;
  /** The whole declaration. */
  declSpan: Span;
  type?: TypeText;
  articles?: A.Article[];
  /** The soort of a soort value, the gegevens of a field, the functie of a param. */
  owner?: string;
  /** Parameters and begrippen: the value expression. */
  value?: A.Expr;
  decl?: A.Decl;
  optional?: boolean;
}

export interface Occurrence {
  def: Def;
  span: Span;
  /** The declaration itself rather than a use. */
  isDef: boolean;
}

export interface SymbolIndex {
  defs: Def[];
  occurrences: Occurrence[];
  /** Global value names (inputs, outputs, parameters, begrippen, functies, soort values). */
  values: Map<string, Def>;
  types: Map<string, Def>;
  rules: Map<string, Def>;
  /** Fields per gegevens name. */
  fields: Map<string, Map<string, Def>>;
  /** Calls of stdlib functions, for hover. */
  stdlibCalls: { name: string; span: Span }[];
}

const t = (name: A.BuiltinTypeName, span: Span): A.TypeRef => ({ kind: "BuiltinType", name, span });

export function buildIndex(program: A.Program, symbols: Symbols): SymbolIndex {
  const index: SymbolIndex = { defs: [], occurrences: [], values: new Map(), types: new Map(), rules: new Map(), fields: new Map(), stdlibCalls: [] };
  const define = (def: Def): Def => {
    index.defs.push(def);
    index.occurrences.push({ def, span: def.span, isDef: true });
    return def;
  };
  const use = (def: Def | undefined, span: Span) => {
    if (def) index.occurrences.push({ def, span, isDef: false });
  };
  declare(program, symbols, index, define);
  const b = new Binder(index, use);
  for (const d of program.declarations) b.decl(d);
  return index;
}

function declare(program: A.Program, symbols: Symbols, index: SymbolIndex, define: (d: Def) => Def): void {
  for (const d of program.declarations) {
    switch (d.kind) {
      case "Soort": {
        const soort = define({ name: d.name, kind: "soort", span: d.nameSpan, declSpan: d.span, decl: d });
        if (symbols.types.get(d.name)?.decl === d) index.types.set(d.name, soort);
        for (const v of d.values) {
          const def = define({ name: v.name, kind: "soortValue", span: v.span, declSpan: d.span, owner: d.name, type: { kind: "NamedType", name: d.name, span: d.nameSpan } });
          if (!index.values.has(v.name)) index.values.set(v.name, def);
        }
        break;
      }
      case "Gegevens": {
        const g = define({ name: d.name, kind: "gegevens", span: d.nameSpan, declSpan: d.span, decl: d });
        if (symbols.types.get(d.name)?.decl === d) index.types.set(d.name, g);
        const fields = new Map<string, Def>();
        for (const f of d.fields) {
          const def = define({ name: f.name, kind: "field", span: f.nameSpan, declSpan: f.span, type: f.type, owner: d.name });
          if (!fields.has(f.name)) fields.set(f.name, def);
        }
        if (!index.fields.has(d.name)) index.fields.set(d.name, fields);
        break;
      }
      case "Invoer":
      case "Uitvoer":
        for (const f of d.fields) {
          const kind = d.kind === "Invoer" ? "input" : "output";
          const def = define({ name: f.name, kind, span: f.nameSpan, declSpan: f.span, type: f.type, optional: f.optional ?? false });
          if (!index.values.has(f.name)) index.values.set(f.name, def);
        }
        break;
      case "Parameter":
      case "Begrip":
      case "Functie": {
        const kind = d.kind === "Parameter" ? "parameter" : d.kind === "Begrip" ? "begrip" : "functie";
        const def = define({
          name: d.name, kind, span: d.nameSpan, declSpan: d.span, articles: d.articles, decl: d,
          type: d.kind === "Functie" ? d.result : d.type,
          ...(d.kind === "Functie" ? {} : { value: d.value }),
        });
        if (!index.values.has(d.name)) index.values.set(d.name, def);
        break;
      }
      case "Regel": {
        const def = define({ name: d.name, kind: "rule", span: d.nameSpan, declSpan: d.span, articles: d.articles, decl: d });
        if (!index.rules.has(d.name)) index.rules.set(d.name, def);
        break;
      }
      default:
        break;
    }
  }
}

type Scope = ReadonlyMap<string, Def>;

/** Binds every use of a name to its definition, with the local scopes of the checker. */
class Binder {
  constructor(private readonly index: SymbolIndex, private readonly use: (def: Def | undefined, span: Span) => void) {}

  decl(d: A.Decl): void {
    const none: Scope = new Map();
    switch (d.kind) {
      case "Gegevens":
      case "Invoer":
      case "Uitvoer":
        for (const f of d.fields) this.field(f);
        break;
      case "Voorwaarde":
      case "Eigenschap":
        this.expr(d.condition, none);
        break;
      case "Parameter":
      case "Begrip":
        this.typeRef(d.type);
        this.expr(d.value, none);
        break;
      case "Functie": {
        const scope = new Map<string, Def>();
        for (const p of d.params) {
          this.typeRef(p.type);
          const def: Def = { name: p.name, kind: "param", span: nameSpanOf(p.span, p.name), declSpan: p.span, type: p.type, owner: d.name };
          this.index.defs.push(def);
          this.index.occurrences.push({ def, span: def.span, isDef: true });
          scope.set(p.name, def);
        }
        this.typeRef(d.result);
        this.expr(d.body, scope);
        break;
      }
      case "Regel":
        for (const target of d.exceptionTo ?? []) this.use(this.index.rules.get(target.name), target.span);
        for (const c of d.clauses) {
          if (c.condition) this.expr(c.condition, none);
          for (const a of c.assignments) {
            this.use(this.index.values.get(a.target), a.targetSpan);
            this.expr(a.value, none);
          }
        }
        break;
      case "Voorbeeld":
        for (const g of [...d.given, ...d.expected]) {
          const def = this.index.values.get(g.name);
          this.use(def, g.nameSpan);
          this.literal(g.value, def?.type);
        }
        break;
      default:
        break;
    }
  }

  private field(f: A.FieldDecl): void {
    this.typeRef(f.type);
    const none: Scope = new Map();
    if (f.restriction?.kind === "Range") {
      if (f.restriction.min) this.expr(f.restriction.min, none);
      if (f.restriction.max) this.expr(f.restriction.max, none);
    } else if (f.restriction?.kind === "OneOf") for (const v of f.restriction.values) this.expr(v, none);
    if (f.default) this.expr(f.default, none);
  }

  private typeRef(r: A.TypeRef): void {
    if (r.kind === "NamedType") this.use(this.index.types.get(r.name), r.span);
    else if (r.kind === "ListType") this.typeRef(r.element);
  }

  /** A voorbeeld value: record literals name the fields of the expected gegevens. */
  private literal(e: A.Expr, type: TypeText | undefined): void {
    if (e.kind === "ListLiteral") {
      for (const item of e.items) this.literal(item, type?.kind === "ListType" ? type.element : undefined);
    } else if (e.kind === "RecordLiteral") {
      const fields = type?.kind === "NamedType" ? this.index.fields.get(type.name) : undefined;
      for (const f of e.fields) {
        const def = fields?.get(f.name);
        this.use(def, nameSpanOf(f.span, f.name));
        this.literal(f.value, def?.type);
      }
    } else this.expr(e, new Map());
  }

  /** Visits an expression and returns its type where the index can tell (for field access). */
  expr(e: A.Expr, scope: Scope): TypeText | undefined {
    switch (e.kind) {
      case "Name": {
        const def = scope.get(e.name) ?? this.index.values.get(e.name);
        this.use(def, e.span);
        return def?.type;
      }
      case "Call": {
        const std = STDLIB_BY_NAME.get(e.callee);
        const own = this.index.values.get(e.callee);
        const argTypes = e.args.map((a) => this.expr(a, scope));
        if (own?.kind === "functie") {
          this.use(own, e.calleeSpan);
          return own.type;
        }
        if (std) {
          this.index.stdlibCalls.push({ name: e.callee, span: e.calleeSpan });
          if (std.result === "same") return argTypes[0];
          if (std.result === "lijst van periode") return { kind: "ListType", element: t("periode", e.span), span: e.span };
          return t(std.result, e.span);
        }
        return undefined;
      }
      case "Field": {
        const objectType = this.expr(e.object, scope);
        const fields = objectType?.kind === "NamedType" ? this.index.fields.get(objectType.name) : undefined;
        const def = fields?.get(e.field);
        this.use(def, e.fieldSpan);
        return def?.type;
      }
      case "Aggregate": {
        const listType = this.expr(e.list, scope);
        const def: Def = { name: e.variable, kind: "variable", span: e.variableSpan, declSpan: e.span };
        if (listType?.kind === "ListType") def.type = listType.element;
        this.index.defs.push(def);
        this.index.occurrences.push({ def, span: e.variableSpan, isDef: true });
        const inner = new Map(scope);
        inner.set(e.variable, def);
        if (e.body) this.expr(e.body, inner);
        if (e.filter) this.expr(e.filter, inner);
        return undefined;
      }
      case "Unit": case "Percent": case "Neg": case "Not": case "Known": case "Round":
        return this.passThrough(e, this.expr(e.operand, scope));
      case "Arith": {
        const l = this.expr(e.left, scope);
        this.expr(e.right, scope);
        return l;
      }
      case "Compare": case "Logic":
        this.expr(e.left, scope);
        this.expr(e.right, scope);
        return undefined;
      case "In":
        this.expr(e.operand, scope);
        for (const v of e.values) this.expr(v, scope);
        return undefined;
      case "Between":
        this.expr(e.operand, scope);
        this.expr(e.low, scope);
        this.expr(e.high, scope);
        return undefined;
      case "If": {
        this.expr(e.condition, scope);
        const a = this.expr(e.then, scope);
        this.expr(e.else, scope);
        return a;
      }
      case "Period":
        this.expr(e.from, scope);
        this.expr(e.to, scope);
        return t("periode", e.span);
      case "ListLiteral":
        for (const i of e.items) this.expr(i, scope);
        return undefined;
      case "RecordLiteral":
        for (const f of e.fields) this.expr(f.value, scope);
        return undefined;
      default:
        return undefined;
    }
  }

  private passThrough(e: A.Expr, inner: TypeText | undefined): TypeText | undefined {
    return e.kind === "Round" || e.kind === "Neg" ? inner : undefined;
  }
}

/** The span of `name` at the start of `span` (a parameter `naam: type`, a record field `naam: waarde`). */
export function nameSpanOf(span: Span, name: string): Span {
  return { ...span, end: span.start + name.length, endLine: span.line, endColumn: span.column + name.length };
}

/** The occurrence under a 0-based offset (its end included, so a cursor right after a name finds it). */
export function occurrenceAt(index: SymbolIndex, offset: number): Occurrence | undefined {
  let best: Occurrence | undefined;
  for (const o of index.occurrences) {
    if (o.span.start <= offset && offset <= o.span.end) {
      if (!best || o.span.end - o.span.start < best.span.end - best.span.start) best = o;
    }
  }
  return best;
}

export function occurrencesOf(index: SymbolIndex, def: Def): Occurrence[] {
  return index.occurrences.filter((o) => o.def === def);
}

/** The type as the author writes it: `bedrag`, `lijst van Zitting`. */
export function typeText(r: TypeText | undefined): string {
  if (!r) return "?";
  if (r.kind === "ListType") return `lijst van ${typeText(r.element)}`;
  return r.name;
}
