#!/usr/bin/env node
// The `polis` command. The TypeScript sources are compiled to dist/ by `npm ci`
// (the `prepare` script); this file only hands over to the compiled CLI.
import("../dist/cli/main.js").catch((error) => {
  if (error && error.code === "ERR_MODULE_NOT_FOUND" && String(error.message).includes("dist/cli/main.js")) {
    console.error("polis: de toolchain is nog niet gebouwd; voer `npm run build` uit");
    process.exit(2);
  }
  throw error;
});
