// The JavaScript of a generated decision module (emit/generate.ts, `ts: false`)
// → a live module. Imports only runtime/ and stdlib/, so a batch worker can
// instantiate the code the main thread generated without loading the compiler.

import * as R from "../../runtime/index.js";
import * as S from "../../stdlib/index.js";
import type { DecisionModule } from "./load.js";

export function instantiate(code: string): DecisionModule {
  // The code is generated from a checked IR; every policy name in it is a
  // mangled identifier or a JSON string literal (emit/generate.ts INVARIANT).
  const factory = new Function("R", "S", `"use strict";\n${code}`) as (r: typeof R, s: typeof S) => DecisionModule;
  return factory(R, S);
}
