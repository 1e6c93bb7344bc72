// Golden tests of the code generator: test/golden/emit/<name>.polis → <name>.ts,
// the module `polis build` writes (emitModule: ts-morph, then prettier). The
// expected files import the repository's runtime, so `npm run typecheck`
// type-checks them and this runner imports them: the module on disk must
// decide the policy's `voorbeeld`s as the in-process module (load) does.

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/pipeline.js";
import { emitModule } from "../../compiler/emit/typescript.js";
import { load } from "../../compiler/emit/load.js";
import { evalConstant } from "../../compiler/ir/constant.js";
import { encodeValue } from "../../runtime/case.js";
import { GOLDEN, ROOT, caseName, listFiles, read, repoPath, sibling } from "./golden.js";

const DIR = path.join(GOLDEN, "emit");
const files = listFiles(DIR, ".polis");

function importPath(from: string, to: string): string {
  const rel = path.relative(path.dirname(from), to).split(path.sep).join("/");
  return rel.startsWith(".") ? rel : `./${rel}`;
}

describe("golden TypeScript", () => {
  it("has inputs", () => expect(files.length).toBeGreaterThan(0));

  for (const file of files) {
    it(caseName(DIR, file), async () => {
      const shown = repoPath(file);
      const r = compile(read(file), shown);
      expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      const code = await emitModule(r.policy!, {
        runtimeImport: importPath(file, path.join(ROOT, "runtime", "index.js")),
        stdlibImport: importPath(file, path.join(ROOT, "stdlib", "index.js")),
        sourcePath: shown,
      });
      const expectedFile = sibling(file, ".ts");
      await expect(code).toMatchFileSnapshot(expectedFile);

      // The written module decides the voorbeelden like the in-process one,
      // from the same case-file encoding. (Right after `vitest -u` rewrote
      // the file it is not on disk yet; the next run imports it.)
      if (!fs.existsSync(expectedFile) || read(expectedFile) !== code) return;
      type Evaluate = { evaluate(input: Record<string, unknown>): unknown };
      const built = (await import(pathToFileURL(expectedFile).href)) as Evaluate;
      const live = load(r.policy!) as Evaluate;
      for (const ex of r.policy!.examples) {
        const json: Record<string, unknown> = {};
        for (const g of ex.given) {
          const input = r.policy!.inputs.find((i) => i.name === g.name)!;
          json[g.name] = encodeValue(evalConstant(g.value), input.desc.type);
        }
        const outcome = (m: Evaluate) => {
          try {
            return { output: m.evaluate(json) };
          } catch (e) {
            return { error: (e as { diagnostic?: unknown }).diagnostic ?? String(e) };
          }
        };
        expect(outcome(built), ex.name).toEqual(outcome(live));
      }
    });
  }
});

describe("golden TypeScript type-checks", () => {
  // The project's own tsconfig excludes test/golden/emit (generated code need
  // not pass its lint-like `noUnusedLocals`); a library user compiles it with
  // `tsc --strict`, and so does this test.
  it("with `tsc --strict`", () => {
    const expected = files.map((f) => sibling(f, ".ts")).filter((f) => fs.existsSync(f));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "polis-golden-emit-"));
    try {
      fs.writeFileSync(
        path.join(dir, "tsconfig.json"),
        JSON.stringify({
          compilerOptions: {
            strict: true, noEmit: true, target: "ES2022", lib: ["ES2022"],
            module: "NodeNext", moduleResolution: "NodeNext", types: [], skipLibCheck: true,
          },
          files: expected,
        }),
      );
      const r = spawnSync(path.join(ROOT, "node_modules", ".bin", "tsc"), ["-p", path.join(dir, "tsconfig.json")], { encoding: "utf8" });
      expect(r.stdout + r.stderr).toBe("");
      expect(r.status).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
