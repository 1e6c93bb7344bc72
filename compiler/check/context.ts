// What the checker's parts share while they check one program: the input
// (AST, symbols, source text), the diagnostics reported so far, the
// dependency graph being built and two cursors that say what is being
// checked now. Each part (declared-types, expressions, declarations, rules,
// tests) is a set of functions taking this context; check.ts runs them in
// order. In: a resolved program. Out: filled by the parts.

import type { Diagnostic, Span } from "../../runtime/diagnostic.js";
import { diagnostic, type Code, type Extras, type ParamsOf } from "../../runtime/messages.js";
import type * as A from "../syntax/ast.js";
import type * as IR from "../ir/ir.js";
import type { Symbols } from "../resolve/resolve.js";
import { DependencyGraph, type DependencyNode } from "../resolve/dependencies.js";

/** A name a clause reads, for --explain. */
export interface Read {
  ref: IR.RefKind;
  name: string;
  type: IR.Type;
}

export interface CheckContext {
  readonly program: A.Program;
  readonly symbols: Symbols;
  readonly source: string;
  readonly diagnostics: Diagnostic[];
  readonly graph: DependencyGraph;
  /** The definition being checked: what a name read now is a dependency of (null: none). */
  owner: DependencyNode | null;
  /** Names read by the clause being checked (for --explain), or null outside a clause. */
  reads: Map<string, Read> | null;
  /** Declared types already resolved, per symbol kind and name. */
  readonly declTypes: Map<string, IR.Type>;
  /** `gegevens` types already resolved, and those being resolved (to find one that contains itself). */
  readonly records: Map<string, IR.Type>;
  readonly resolvingRecords: Set<string>;
}

export function newContext(program: A.Program, symbols: Symbols, source: string): CheckContext {
  return {
    program,
    symbols,
    source,
    diagnostics: [],
    graph: new DependencyGraph(),
    owner: null,
    reads: null,
    declTypes: new Map(),
    records: new Map(),
    resolvingRecords: new Set(),
  };
}

export function report<C extends Code>(cx: CheckContext, code: C, span: Span, params: ParamsOf<C>, extras: Extras = {}): void {
  cx.diagnostics.push(diagnostic(code, span, params, extras));
}

/** The definition being checked reads `node`. */
export function dependOn(cx: CheckContext, node: DependencyNode): void {
  if (cx.owner !== null) cx.graph.add(cx.owner, node);
}

/** Check `body` as part of the definition `owner`, then restore the previous owner. */
export function within<T>(cx: CheckContext, owner: DependencyNode | null, body: () => T): T {
  const previous = cx.owner;
  cx.owner = owner;
  try {
    return body();
  } finally {
    cx.owner = previous;
  }
}
