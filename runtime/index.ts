// The runtime as generated modules see it: one namespace, imported as `R`.
// Exact numbers, calendar, stdlib, case decoding/encoding, evaluation support.

export * from "./rational.js";
export * from "./calendar.js";
export * from "./diagnostic.js";
export * from "./messages.js";
export * from "./types.js";
export * from "./case.js";
export * from "./evaluate.js";
export * from "./explain.js";
export * from "./lists.js";
export * from "./module.js";
