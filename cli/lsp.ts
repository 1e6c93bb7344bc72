// `polis lsp`: the language server over stdio (lsp/server.ts). stdout carries
// the protocol, so nothing else may write to it: console output goes to stderr.

export async function lspCommand(): Promise<number> {
  console.log = console.info = console.warn = console.error;
  (await import("../lsp/server.js")).startServer(process.stdin, process.stdout);
  return 0;
}
