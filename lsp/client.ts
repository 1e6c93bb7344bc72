// A minimal LSP client, for the tests (test/lsp) and the benchmark
// (bench/lsp.ts): spawns `polis lsp` and speaks JSON-RPC with Content-Length
// framing over its stdin and stdout, as an editor does. Not used by the server.

import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** The repository root, from lsp/ or from dist/lsp/. */
const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, path.basename(path.dirname(HERE)) === "dist" ? "../.." : "..");
export const POLIS = path.join(ROOT, "bin/polis.js");

export interface Message {
  jsonrpc: "2.0";
  id?: number;
  method?: string;
  params?: any;
  result?: any;
  error?: { code: number; message: string };
}

export class LspClient {
  readonly child: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly waiting = new Map<number, (m: Message) => void>();
  readonly notifications: Message[] = [];
  private listeners: (() => void)[] = [];
  stderr = "";

  constructor(cwd = ROOT) {
    this.child = spawn(process.execPath, [POLIS, "lsp"], { cwd, stdio: ["pipe", "pipe", "pipe"] });
    this.child.stdout.on("data", (chunk: Buffer) => this.receive(chunk));
    this.child.stderr.on("data", (chunk: Buffer) => (this.stderr += chunk.toString()));
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf("\r\n\r\n");
      if (headerEnd < 0) return;
      const header = this.buffer.subarray(0, headerEnd).toString("ascii");
      const length = Number(/Content-Length: (\d+)/i.exec(header)?.[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString("utf8");
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      const m = JSON.parse(body) as Message;
      if (m.id !== undefined && m.method === undefined) {
        this.waiting.get(m.id)?.(m);
        this.waiting.delete(m.id);
      } else if (m.id !== undefined && m.method !== undefined) {
        // A request from the server (window/workDoneProgress/create, client/registerCapability …).
        this.send({ jsonrpc: "2.0", id: m.id, result: null });
        this.notifications.push(m);
      } else {
        this.notifications.push(m);
      }
      for (const l of this.listeners) l();
    }
  }

  private send(m: Message): void {
    const body = Buffer.from(JSON.stringify(m), "utf8");
    this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin.write(body);
  }

  request(method: string, params: unknown): Promise<any> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, (m) => (m.error ? reject(Object.assign(new Error(m.error.message), { code: m.error.code })) : resolve(m.result)));
      this.send({ jsonrpc: "2.0", id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: "2.0", method, params });
  }

  /** The first notification (from `from` on) that satisfies `test`. */
  waitFor(test: (m: Message) => boolean, from = 0): Promise<Message> {
    return new Promise((resolve) => {
      const check = () => {
        const found = this.notifications.slice(from).find(test);
        if (found) {
          this.listeners = this.listeners.filter((l) => l !== check);
          resolve(found);
        }
      };
      this.listeners.push(check);
      check();
    });
  }

  /**
   * The next diagnostics published for `uri` after the notifications seen so
   * far; with `version`, the next ones for that version of the document.
   */
  diagnostics(uri: string, from = this.notifications.length, version?: number): Promise<any[]> {
    return this.waitFor((m) => m.method === "textDocument/publishDiagnostics" && m.params.uri === uri && (version === undefined || m.params.version === version), from).then((m) => m.params.diagnostics);
  }

  async initialize(rootDir?: string): Promise<any> {
    const result = await this.request("initialize", {
      processId: process.pid,
      rootUri: rootDir ? pathToFileURL(rootDir).href : null,
      workspaceFolders: rootDir ? [{ uri: pathToFileURL(rootDir).href, name: "polissen" }] : null,
      capabilities: {
        textDocument: {
          publishDiagnostics: { relatedInformation: true },
          hover: { contentFormat: ["markdown", "plaintext"] },
          completion: { completionItem: { snippetSupport: true } },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          rename: { prepareSupport: true },
        },
        workspace: { workspaceFolders: true, applyEdit: true },
      },
    });
    this.notify("initialized", {});
    return result;
  }

  open(uri: string, text: string, version = 1): void {
    this.notify("textDocument/didOpen", { textDocument: { uri, languageId: "polis", version, text } });
  }

  change(uri: string, version: number, changes: unknown[]): void {
    this.notify("textDocument/didChange", { textDocument: { uri, version }, contentChanges: changes });
  }

  async shutdown(): Promise<number | null> {
    await this.request("shutdown", null);
    const exited = new Promise<number | null>((resolve) => this.child.on("exit", (code) => resolve(code)));
    this.notify("exit", null);
    return exited;
  }
}

/** Line and character of the `n`-th (0-based) occurrence of `needle` in `text`, plus `delta` characters. */
export function positionOf(text: string, needle: string, n = 0, delta = 0): { line: number; character: number } {
  let at = -1;
  for (let i = 0; i <= n; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`\`${needle}\` #${n} not in text`);
  }
  at += delta;
  const before = text.slice(0, at);
  const line = before.split("\n").length - 1;
  return { line, character: at - (before.lastIndexOf("\n") + 1) };
}
