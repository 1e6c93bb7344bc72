// Case files (LANGUAGE.md §10), in three steps, each in its own file:
//   case-json.ts     bytes / text → JSON value (UTF-8 only, exact numbers, depth cap)
//   case-decode.ts   JSON value → runtime values, checked against the inputs
//   case-encode.ts   runtime values → JSON values of the outputs
// with case-compile.ts (the compiled fast paths of both), case-describe.ts
// (the words of input errors) and dutch.ts (values in Polis notation).

export { MAX_DEPTH, decodeCaseBytes, parseCaseText } from "./case-json.js";
export { decodeCase, parseCaseDecimal, voorwaardeError } from "./case-decode.js";
export { encodeOutputs, encodeValue } from "./case-encode.js";
export { formatValueDutch } from "./dutch.js";
