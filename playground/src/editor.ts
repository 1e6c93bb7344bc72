// The CodeMirror 6 editor: Polis highlighting (keywords, strings, comments,
// numbers, amounts) and compiler diagnostics as underlines whose hover shows
// the Dutch message and its hint. In: a parent element, the initial text and a
// change callback. Out: the view and a function that shows diagnostics.

import { EditorView, basicSetup } from "codemirror";
import { EditorState } from "@codemirror/state";
import { StreamLanguage, HighlightStyle, syntaxHighlighting } from "@codemirror/language";
import { lintGutter, setDiagnostics, type Diagnostic as CmDiagnostic } from "@codemirror/lint";
import { tags } from "@lezer/highlight";
import type { Diagnostic } from "../../runtime/diagnostic.js";

/** Polis keywords (grammar/tokens.ts); multi-word ones match word by word. */
const KEYWORDS = new Set(
  ("polis versie geldig bron soort gegevens invoer uitvoer voorwaarde parameter begrip functie regel artikel lid " +
    "uitzondering op voorbeeld gegeven verwacht fout eigenschap altijd standaard optioneel bekend indien dan anders " +
    "en of niet in tussen vanaf tot met van uit lijst som voor waarvoor alle geldt er is een afgerond naar beneden " +
    "boven hele euro centen decimalen").split(" "),
);
const TYPES = new Set("bedrag getal aantal percentage datum duur periode janee tekst".split(" "));

const polisLanguage = StreamLanguage.define<null>({
  name: "polis",
  token(stream) {
    if (stream.eatSpace()) return null;
    if (stream.match(/^#.*/)) return "comment";
    if (stream.match(/^"(?:[^"\\]|\\.)*"?/)) return "string";
    if (stream.match(/^€/)) return "number";
    if (stream.match(/^[0-9][0-9.]*(?:,[0-9]+)?%?/)) return "number";
    const word = stream.match(/^[\p{L}_][\p{L}\p{N}_]*/u) as RegExpMatchArray | null;
    if (word) {
      const w = word[0];
      if (KEYWORDS.has(w)) return "keyword";
      if (TYPES.has(w)) return "typeName";
      if (w === "ja" || w === "nee") return "atom";
      return "variableName";
    }
    stream.next();
    return null;
  },
  startState: () => null,
});

const highlight = HighlightStyle.define([
  { tag: tags.keyword, color: "#7a1f5c", fontWeight: "600" },
  { tag: tags.typeName, color: "#1c5d8a" },
  { tag: tags.string, color: "#2f6b1f" },
  { tag: tags.comment, color: "#6b6b6b", fontStyle: "italic" },
  { tag: tags.number, color: "#8a4b00" },
  { tag: tags.atom, color: "#8a4b00" },
]);

export interface PolisEditor {
  view: EditorView;
  text(): string;
  setText(text: string): void;
  showDiagnostics(ds: readonly Diagnostic[]): void;
}

export function createEditor(parent: HTMLElement, initial: string, onChange: () => void): PolisEditor {
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: initial,
      extensions: [
        basicSetup,
        polisLanguage,
        syntaxHighlighting(highlight),
        lintGutter(),
        EditorView.lineWrapping,
        EditorView.contentAttributes.of({ "aria-label": "Polis-tekst", "data-testid": "editor-tekst" }),
        EditorView.updateListener.of((u) => {
          if (u.docChanged) onChange();
        }),
      ],
    }),
  });
  return {
    view,
    text: () => view.state.doc.toString(),
    setText(text) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    },
    showDiagnostics(ds) {
      view.dispatch(setDiagnostics(view.state, ds.map((d) => toCodeMirror(d, view.state.doc.length))));
    },
  };
}

function toCodeMirror(d: Diagnostic, length: number): CmDiagnostic {
  const from = Math.min(d.span?.start ?? 0, length);
  // An empty span (end of file) still gets one character to underline where possible.
  const to = Math.min(Math.max(d.span?.end ?? from, from), length);
  return {
    from,
    to,
    severity: d.severity === "error" ? "error" : "warning",
    source: d.code,
    message: d.message,
    renderMessage: () => diagnosticElement(d),
  };
}

/** The hover text: code, message, hint and related places, as the CLI prints them. */
export function diagnosticElement(d: Diagnostic): HTMLElement {
  const box = document.createElement("div");
  box.className = "diagnose";
  box.dataset.testid = "diagnose-uitleg";
  box.dataset.code = d.code;
  const head = document.createElement("div");
  head.className = "diagnose-bericht";
  head.textContent = `${d.severity === "error" ? "fout" : "waarschuwing"} ${d.code}: ${d.message}`;
  box.append(head);
  if (d.hint) {
    const hint = document.createElement("div");
    hint.className = "diagnose-hint";
    hint.textContent = `hint: ${d.hint}`;
    box.append(hint);
  }
  for (const r of d.related ?? []) {
    const rel = document.createElement("div");
    rel.className = "diagnose-hint";
    rel.textContent = `regel ${r.span.line}: ${r.message}`;
    box.append(rel);
  }
  return box;
}
