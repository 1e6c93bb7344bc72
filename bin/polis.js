#!/usr/bin/env node
// The `polis` command. `npm run build` (run by `npm ci` through `prepare`, and
// before `npm pack`) bundles the CLI into dist/bundle/; this file only hands
// over to it. The published package ships dist/, so `npx polis` works from a
// tarball without building anything.
import("../dist/bundle/main.js").catch((error) => {
  if (error && error.code === "ERR_MODULE_NOT_FOUND" && String(error.message).includes("dist/bundle/main.js")) {
    console.error("polis: de toolchain is nog niet gebouwd; voer `npm run build` uit");
    process.exit(2);
  }
  throw error;
});
