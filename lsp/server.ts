// `polis lsp`: the language server, over stdio (vscode-languageserver). Every
// answer comes from the compiler's own pipeline (lsp/analysis.ts) and from
// the symbol index built on its AST; no second parser. A document is
// re-analysed once per burst of edits (coalesced with setImmediate), and at
// once when a request needs the newest text.

import {
  CodeActionKind, ProposedFeatures, SymbolKind, ResponseError, ErrorCodes, TextDocuments, TextDocumentSyncKind, createConnection,
  type CodeAction, type CodeLens, type SymbolInformation, type Connection, type InitializeResult, type ServerCapabilities, type Location, type WorkspaceEdit,
} from "vscode-languageserver/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Diagnostic } from "../runtime/diagnostic.js";
import { load } from "../compiler/emit/load.js";
import { formatSource } from "../compiler/format/format.js";
import { isReserved } from "../compiler/resolve/resolve.js";
import { Positions, fixesOf, toLspDiagnostic } from "./convert.js";
import { hoverAt } from "./hover.js";
import { complete } from "./complete.js";
import { outline } from "./outline.js";
import { occurrenceAt, occurrencesOf } from "./symbols.js";
import { runAnalysisExamples, type ExampleOutcome } from "./analysis.js";
import { Workspace, policyFiles, type Entry } from "./workspace.js";

const CONFLICT_DELAY_MS = 400;
export const RUN_EXAMPLES = "polis.voorbeeldenUitvoeren";

const CAPABILITIES: ServerCapabilities = {
  textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
  hoverProvider: true,
  definitionProvider: true,
  referencesProvider: true,
  documentHighlightProvider: true,
  renameProvider: { prepareProvider: true },
  completionProvider: { triggerCharacters: ["."] },
  documentSymbolProvider: true,
  workspaceSymbolProvider: true,
  documentFormattingProvider: true,
  codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
  codeLensProvider: { resolveProvider: false },
  executeCommandProvider: { commands: [RUN_EXAMPLES] },
};
const NAME = /^[\p{L}][\p{L}\p{M}\p{N}_]*$/u;

export function startServer(input: NodeJS.ReadableStream = process.stdin, output: NodeJS.WritableStream = process.stdout): Connection {
  const connection = createConnection(ProposedFeatures.all, input, output);
  const documents = new TextDocuments(TextDocument);
  const workspace = new Workspace();
  const pending = new Map<string, NodeJS.Immediate>();
  /** Failing voorbeelden per URI, shown until the text changes. */
  const exampleDiagnostics = new Map<string, { text: string; outcomes: ExampleOutcome[] }>();
  let folders: string[] = [];

  /** Conflicting rules found on generated cases (as `polis check`), per URI, for the text they were found in. */
  const conflicts = new Map<string, { text: string; diagnostics: Diagnostic[] }>();
  const conflictTimers = new Map<string, NodeJS.Timeout>();

  const publish = (e: Entry) => {
    const ran = exampleDiagnostics.get(e.uri);
    const found = conflicts.get(e.uri);
    const extra = [
      ...(ran && ran.text === e.analysis.text ? ran.outcomes.flatMap((o) => o.diagnostics) : []),
      ...(found && found.text === e.analysis.text ? found.diagnostics : []),
    ];
    if (e.analysis.policy && found?.text !== e.analysis.text) scheduleConflicts(e);
    const diagnostics = [...e.analysis.diagnostics, ...extra].map((d) => toLspDiagnostic(d, e.at, Workspace.uriOf));
    void connection.sendDiagnostics({ uri: e.uri, version: e.open ? e.version : undefined, diagnostics });
  };

  // Looking for conflicting rules tries the policy on generated cases: too slow
  // for every keystroke, so it runs once the author pauses.
  const scheduleConflicts = (e: Entry) => {
    clearTimeout(conflictTimers.get(e.uri));
    conflictTimers.set(e.uri, setTimeout(async () => {
      conflictTimers.delete(e.uri);
      // Loaded on first use: fast-check is not needed to answer an editor quickly.
      const { findConflicts } = await import("../compiler/cases/conflicts.js");
      const now = workspace.get(e.uri);
      if (now !== e || !e.analysis.policy) return;
      // A copy: the spans of a cached AST move with later edits (lsp/incremental.ts).
      conflicts.set(e.uri, { text: e.analysis.text, diagnostics: structuredClone(findConflicts(e.analysis.policy, load(e.analysis.policy))) });
      publish(e);
    }, CONFLICT_DELAY_MS));
  };

  /** The analysis of the newest text of `uri`. */
  const fresh = (uri: string): Entry | undefined => {
    const doc = documents.get(uri);
    if (!doc) return workspace.get(uri);
    const e = workspace.get(uri);
    if (e && e.version === doc.version && e.open) return e;
    const updated = workspace.update(uri, doc.getText(), doc.version, true);
    publish(updated);
    return updated;
  };

  const schedule = (uri: string) => {
    const p = pending.get(uri);
    if (p) clearImmediate(p);
    pending.set(uri, setImmediate(() => {
      pending.delete(uri);
      fresh(uri);
    }));
  };

  connection.onInitialize((params): InitializeResult => {
    const roots = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : params.rootPath ? [pathToFileURL(params.rootPath).href] : []);
    folders = roots.filter((u) => u.startsWith("file:")).map((u) => fileURLToPath(u));
    return { capabilities: CAPABILITIES, serverInfo: { name: "polis", version: "0.1.0" } };
  });

  const session: Session = { connection, workspace, fresh, publish, exampleDiagnostics };
  synchronization(session, documents, schedule, () => folders);
  navigation(session);
  editing(session);
  voorbeelden(session);

  documents.listen(connection);
  connection.listen();
  return connection;
}

const spanStub = { file: "", line: 1, column: 1, endLine: 1, endColumn: 1 };

/** What the handlers share: the connection, the policies, and the newest analysis of a document. */
interface Session {
  connection: Connection;
  workspace: Workspace;
  fresh(uri: string): Entry | undefined;
  publish(e: Entry): void;
  exampleDiagnostics: Map<string, { text: string; outcomes: ExampleOutcome[] }>;
}

/** Hover, definition, references, highlights, rename, completion, document and workspace symbols. */
function navigation(s: Session): void {
  s.connection.onHover((p) => {
    const e = s.fresh(p.textDocument.uri);
    const h = e && hoverAt(e.analysis, e.at.offset(p.position));
    if (!e || !h) return null;
    return { contents: { kind: "markdown", value: h.markdown }, range: e.at.range({ ...spanStub, start: h.start, end: h.end }) };
  });

  const occurrence = (uri: string, position: { line: number; character: number }) => {
    const e = s.fresh(uri);
    if (!e?.analysis.index) return undefined;
    const occ = occurrenceAt(e.analysis.index, e.at.offset(position));
    return occ ? { e, occ, index: e.analysis.index } : undefined;
  };

  s.connection.onDefinition((p): Location | null => {
    const found = occurrence(p.textDocument.uri, p.position);
    return found ? { uri: found.e.uri, range: found.e.at.range(found.occ.def.span) } : null;
  });

  s.connection.onReferences((p): Location[] => {
    const found = occurrence(p.textDocument.uri, p.position);
    if (!found) return [];
    return occurrencesOf(found.index, found.occ.def)
      .filter((o) => p.context.includeDeclaration || !o.isDef)
      .map((o) => ({ uri: found.e.uri, range: found.e.at.range(o.span) }));
  });

  s.connection.onDocumentHighlight((p) => {
    const found = occurrence(p.textDocument.uri, p.position);
    if (!found) return [];
    return occurrencesOf(found.index, found.occ.def).map((o) => ({ range: found.e.at.range(o.span), kind: o.isDef ? 3 : 2 }));
  });

  s.connection.onPrepareRename((p) => {
    const found = occurrence(p.textDocument.uri, p.position);
    if (!found) return null;
    return { range: found.e.at.range(found.occ.span), placeholder: found.occ.def.name };
  });

  s.connection.onRenameRequest((p): WorkspaceEdit => {
    const found = occurrence(p.textDocument.uri, p.position);
    if (!found) throw new ResponseError(ErrorCodes.InvalidRequest, "hier staat geen naam om te hernoemen");
    const { e, occ, index } = found;
    if (!NAME.test(p.newName)) throw new ResponseError(ErrorCodes.InvalidParams, `\`${p.newName}\` is geen geldige naam`);
    if (isReserved(p.newName)) throw new ResponseError(ErrorCodes.InvalidParams, `\`${p.newName}\` is een gereserveerd woord en kan geen naam zijn`);
    const global = occ.def.kind === "rule" ? index.rules : occ.def.kind === "soort" || occ.def.kind === "gegevens" ? index.types : occ.def.kind === "field" ? index.fields.get(occ.def.owner ?? "") : index.values;
    const clash = global?.get(p.newName);
    if (clash && clash !== occ.def) throw new ResponseError(ErrorCodes.InvalidParams, `\`${p.newName}\` is al gedeclareerd`);
    const edits = occurrencesOf(index, occ.def).map((o) => ({ range: e.at.range(o.span), newText: p.newName }));
    return { changes: { [e.uri]: edits } };
  });

  s.connection.onCompletion((p) => {
    const e = s.fresh(p.textDocument.uri);
    if (!e) return [];
    return complete(e.analysis, e.lastIndexed, e.at.offset(p.position));
  });

  s.connection.onDocumentSymbol((p) => {
    const e = s.fresh(p.textDocument.uri);
    const program = e?.analysis.program ?? e?.lastIndexed?.program;
    if (!e || !program) return [];
    return outline(program, e.analysis.program ? e.at : new Positions(e.uri, e.lastIndexed!.text));
  });

  s.connection.onWorkspaceSymbol((p) => {
    const q = p.query.toLowerCase();
    const out: SymbolInformation[] = [];
    for (const e of s.workspace.all()) {
      for (const def of e.analysis.index?.defs ?? []) {
        if (def.kind === "param" || def.kind === "variable") continue;
        if (q && !def.name.toLowerCase().includes(q)) continue;
        out.push({ name: def.name, kind: SymbolKind.Variable, containerName: e.analysis.program?.name ?? "", location: { uri: e.uri, range: e.at.range(def.span) } });
      }
    }
    return out;
  });

}

/** Formatting (polis fmt) and quick fixes. */
function editing(s: Session): void {
  s.connection.onDocumentFormatting((p) => {
    const e = s.fresh(p.textDocument.uri);
    if (!e) return [];
    const formatted = formatSource(e.analysis.text, e.analysis.file);
    if (formatted.text === undefined || formatted.text === e.analysis.text) return [];
    return [{ range: { start: { line: 0, character: 0 }, end: e.at.position(e.analysis.text.length) }, newText: formatted.text }];
  });

  s.connection.onCodeAction((p): CodeAction[] => {
    const e = s.fresh(p.textDocument.uri);
    if (!e) return [];
    const from = e.at.offset(p.range.start);
    const to = e.at.offset(p.range.end);
    const actions: CodeAction[] = [];
    for (const d of e.analysis.diagnostics) {
      if (!d.span || d.span.end < from || d.span.start > to) continue;
      const lsp = toLspDiagnostic(d, e.at, Workspace.uriOf);
      fixesOf(d, e.analysis.text).forEach((f, i) => {
        actions.push({
          title: f.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [lsp],
          isPreferred: i === 0,
          edit: { changes: { [e.uri]: [{ range: e.at.range({ ...d.span!, start: f.start, end: f.end }), newText: f.newText }] } },
        });
      });
    }
    return actions;
  });

}

/** Code lenses on voorbeelden and the command that runs them. */
function voorbeelden(s: Session): void {
  s.connection.onCodeLens((p): CodeLens[] => {
    const e = s.fresh(p.textDocument.uri);
    const program = e?.analysis.program;
    if (!e || !program) return [];
    const outcomes = e.analysis.policy ? examplesOf(e) : undefined;
    return program.declarations.filter((d) => d.kind === "Voorbeeld").map((d, i) => {
      const o = outcomes?.[i];
      const title = !o ? "▶ voorbeelden uitvoeren" : o.passed ? "✓ voorbeeld geslaagd" : `✗ voorbeeld mislukt: ${o.diagnostics[0]?.message ?? ""}`;
      const start = e.at.position(d.span.start);
      return { range: { start, end: start }, command: { title, command: RUN_EXAMPLES, arguments: [e.uri] }, data: o ? { passed: o.passed } : undefined };
    });
  });

  const examplesOf = (e: Entry): ExampleOutcome[] | undefined => {
    const ran = s.exampleDiagnostics.get(e.uri);
    if (ran && ran.text === e.analysis.text) return ran.outcomes;
    const outcomes = runAnalysisExamples(e.analysis);
    if (outcomes) s.exampleDiagnostics.set(e.uri, { text: e.analysis.text, outcomes: structuredClone(outcomes) });
    return outcomes;
  };

  s.connection.onExecuteCommand((p) => {
    if (p.command !== RUN_EXAMPLES) throw new ResponseError(ErrorCodes.InvalidParams, `onbekend commando ${p.command}`);
    const uri = String(p.arguments?.[0] ?? "");
    const e = s.fresh(uri);
    if (!e) throw new ResponseError(ErrorCodes.InvalidParams, `onbekend document ${uri}`);
    const outcomes = examplesOf(e);
    if (!outcomes) {
      void s.connection.window.showErrorMessage("De voorbeelden kunnen niet uitgevoerd worden: de polis bevat fouten.");
      return { ok: false, passed: 0, failed: 0, results: [] };
    }
    s.publish(e);
    const failed = outcomes.filter((o) => !o.passed).length;
    const summary = `${outcomes.length - failed} voorbeelden geslaagd, ${failed} mislukt`;
    void (failed > 0 ? s.connection.window.showWarningMessage(summary) : s.connection.window.showInformationMessage(summary));
    return {
      ok: failed === 0,
      passed: outcomes.length - failed,
      failed,
      results: outcomes.map((o) => ({ name: o.name, passed: o.passed, line: e.at.position(o.start).line, messages: o.diagnostics.map((d) => d.message) })),
    };
  });

}

/** Documents opened, changed and closed in the editor; files of the workspace folders on disk. */
function synchronization(s: Session, documents: TextDocuments<TextDocument>, schedule: (uri: string) => void, folders: () => string[]): void {
  // The policies of the workspace folders get their diagnostics without being opened.
  s.connection.onInitialized(() => {
    for (const dir of folders()) {
      for (const file of policyFiles(dir)) {
        const uri = pathToFileURL(file).href;
        if (documents.get(uri)) continue;
        const e = s.workspace.refreshFromDisk(uri);
        if (e) s.publish(e);
      }
    }
  });

  documents.onDidOpen((ev) => {
    s.publish(s.workspace.update(ev.document.uri, ev.document.getText(), ev.document.version, true));
  });
  documents.onDidChangeContent((ev) => schedule(ev.document.uri));
  documents.onDidClose((ev) => {
    s.workspace.close(ev.document.uri);
    const e = s.workspace.get(ev.document.uri);
    if (e) s.publish(e);
    else void s.connection.sendDiagnostics({ uri: ev.document.uri, diagnostics: [] });
  });
  s.connection.onDidChangeWatchedFiles((ev) => {
    for (const c of ev.changes) {
      if (!c.uri.endsWith(".polis")) continue;
      const e = s.workspace.refreshFromDisk(c.uri);
      if (e) s.publish(e);
      else if (!documents.get(c.uri)) void s.connection.sendDiagnostics({ uri: c.uri, diagnostics: [] });
    }
  });
}
