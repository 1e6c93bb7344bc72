// The Polis extension for VS Code: starts `polis lsp` (the language server of
// this repository) for .polis files. Highlighting, brackets, indentation and
// snippets are declarative (package.json); everything else comes from the
// server: diagnostics, hover, navigation, rename, completion, formatting,
// quick fixes and the voorbeelden code lenses.

import fs from "node:fs";
import path from "node:path";
import * as vscode from "vscode";
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from "vscode-languageclient/node";

let client: LanguageClient | undefined;

/** `polis.server.command`, else the workspace's own `polis`, else `polis` on the PATH. */
function serverCommand(): { command: string; args: string[] } {
  const config = vscode.workspace.getConfiguration("polis");
  const configured = config.get<string>("server.command", "").trim();
  const args = config.get<string[]>("server.args", []);
  if (configured !== "") return { command: configured, args: [...args, "lsp"] };
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const root = folder.uri.fsPath;
    const local = path.join(root, "node_modules", ".bin", process.platform === "win32" ? "polis.cmd" : "polis");
    if (fs.existsSync(local)) return { command: local, args: [...args, "lsp"] };
    // The Polis repository itself.
    const bin = path.join(root, "bin", "polis.js");
    if (fs.existsSync(bin)) return { command: "node", args: [bin, ...args, "lsp"] };
  }
  return { command: "polis", args: [...args, "lsp"] };
}

async function start(context: vscode.ExtensionContext): Promise<void> {
  const { command, args } = serverCommand();
  const serverOptions: ServerOptions = { command, args, transport: TransportKind.stdio };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: "polis" }],
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher("**/*.polis") },
  };
  client = new LanguageClient("polis", "Polis", serverOptions, clientOptions);
  context.subscriptions.push(client);
  try {
    await client.start();
  } catch (e) {
    void vscode.window.showErrorMessage(`De Polis-taalserver start niet (${command} ${args.join(" ")}): ${e instanceof Error ? e.message : String(e)}. Stel \`polis.server.command\` in.`);
  }
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  context.subscriptions.push(
    vscode.commands.registerCommand("polis.voorbeeldenInEditor", async () => {
      const doc = vscode.window.activeTextEditor?.document;
      if (doc?.languageId !== "polis") return;
      // The server's own command; the language client forwards it.
      await vscode.commands.executeCommand("polis.voorbeeldenUitvoeren", doc.uri.toString());
    }),
    vscode.commands.registerCommand("polis.herstartServer", async () => {
      await client?.stop();
      await start(context);
    }),
  );
  await start(context);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
