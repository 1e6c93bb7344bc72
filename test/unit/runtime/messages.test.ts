// The one diagnostic catalog (runtime/messages.ts): every code has a Dutch
// message in the house style, every diagnostic keeps the parameters it was
// built from, and a stdlib error reaches `polis run` with the catalog's text.

import { describe, expect, it } from "vitest";
import { MESSAGES, diagnostic, paramsOf, wording, type Code } from "../../../runtime/messages.js";
import { PolisError } from "../../../runtime/diagnostic.js";
import { compile } from "../../../compiler/pipeline.js";
import { load } from "../../../compiler/emit/load.js";
import { assertBuilt, polis } from "../../e2e/cli.js";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** Parameters for any code: lists where a message lists names, a word elsewhere. */
const anyParams = new Proxy({} as Record<string, unknown>, {
  get: (_, key) =>
    ["cycle", "suggestions", "expectedFields", "values", "outputs", "others"].includes(key as string)
      ? ["a", "b"]
      : key === "form"
        ? { type: "bedrag" }
        : key === "missing" || key === "advice"
          ? undefined
          : "x",
  has: (_, key) => key !== "missing",
});

const SPAN = { file: "p.polis", start: 0, end: 1, line: 1, column: 1, endLine: 1, endColumn: 2 };

describe("the diagnostic catalog", () => {
  it("has one sentence per code: lowercase, no final period, codes grouped P01–P09", () => {
    const codes = Object.keys(MESSAGES) as Code[];
    expect(codes.length).toBeGreaterThan(70);
    for (const code of codes) {
      expect(code).toMatch(/^P0[1-9]\d\d$/);
      const { message, hint } = wording(code, anyParams as never);
      expect(message, code).not.toMatch(/\.$/);
      expect(message[0], code).toBe(message[0]!.toLowerCase());
      if (hint !== undefined) expect(hint, code).not.toBe("");
    }
  });

  it("builds message and hint from the parameters, and keeps them", () => {
    const d = diagnostic("P0301", SPAN, { name: "leeftyd", suggestions: ["leeftijd"] });
    expect(d).toMatchObject({
      code: "P0301",
      severity: "error",
      params: { name: "leeftyd", suggestions: ["leeftijd"] },
      message: "onbekende naam `leeftyd`",
      hint: "bedoelde u `leeftijd`?",
    });
    expect(diagnostic("P0301", SPAN, { name: "x", suggestions: [] }).hint).toBeUndefined();
    expect(paramsOf(d, "P0301")?.name).toBe("leeftyd");
    expect(paramsOf(d, "P0302")).toBeUndefined();
  });

  it("rejects an unknown code at compile time", () => {
    // @ts-expect-error: "P0399" is not a key of the catalog.
    expect(() => diagnostic("P0399", SPAN, {})).toThrow();
  });

  it("keeps the parameters of checker diagnostics, so tools need not read the message", () => {
    const src = `polis p "P"\n\ninvoer\n  leeftijd: aantal\n\nuitvoer\n  x: aantal\n\nregel r (artikel 1):\n  x leeftyd\n`;
    const d = compile(src, "p.polis").diagnostics.find((x) => x.code === "P0301");
    expect(d?.params).toEqual({ name: "leeftyd", suggestions: ["leeftijd"] });
  });
});

const AGE = `polis leeftijd "Leeftijd"

invoer
  geboortedatum: datum
  peildatum: datum

uitvoer
  leeftijd: aantal

regel bepaal (artikel 1):
  leeftijd leeftijd_op(geboortedatum, peildatum)
`;

describe("a stdlib error at run time", () => {
  it("carries the catalog's P0805 text and its parameters, naming where it happened", () => {
    const r = compile(AGE, "leeftijd.polis");
    expect(r.diagnostics).toEqual([]);
    const module = load(r.policy!);
    let err: unknown;
    try {
      module.evaluateJson('{"geboortedatum": "2012-01-02", "peildatum": "2012-01-01"}');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(PolisError);
    const d = (err as PolisError).diagnostic;
    expect(d.code).toBe("P0805");
    expect(d.params).toMatchObject({ birth: "2 januari 2012", date: "1 januari 2012" });
    expect(d.message).toBe(
      "de geboortedatum 2 januari 2012 ligt na 1 januari 2012, dus er is geen leeftijd op die datum in regel `bepaal` (artikel 1)",
    );
  });

  it("is printed by `polis run` with that text", async () => {
    assertBuilt();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "polis-p0805-"));
    fs.writeFileSync(path.join(dir, "leeftijd.polis"), AGE);
    fs.writeFileSync(path.join(dir, "case.json"), '{"geboortedatum": "2012-01-02", "peildatum": "2012-01-01"}');
    const r = await polis(["run", path.join(dir, "leeftijd.polis"), "--input", path.join(dir, "case.json")]);
    expect(r.status).toBe(1);
    expect(r.stderr + r.stdout).toMatch(/P0805.*de geboortedatum 2 januari 2012 ligt na 1 januari 2012/);
  });
});
