// The toolchain's own package.json, found from wherever this module runs
// (cli/ under vitest, dist/cli/ after tsc, dist/bundle/ in the bundle): the
// nearest package.json above it named "polis".

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export interface ToolchainPackage {
  root: string;
  version: string;
}

let found: ToolchainPackage | undefined;

export function toolchain(): ToolchainPackage {
  if (found) return found;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const file = path.join(dir, "package.json");
    if (fs.existsSync(file)) {
      const pkg = JSON.parse(fs.readFileSync(file, "utf8")) as { name?: string; version?: string };
      if (pkg.name === "polis" && typeof pkg.version === "string") return (found = { root: dir, version: pkg.version });
    }
    const up = path.dirname(dir);
    if (up === dir) throw new Error("internal: the package.json of polis was not found");
    dir = up;
  }
}
