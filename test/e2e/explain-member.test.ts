// `polis run … --explain --voor lid` (issue 16): the decision as a member
// reads it, through the built CLI.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT, assertBuilt, polis } from "./cli.js";

const POLICY = path.join(ROOT, "policies/vgz/2012/eigen-risico.polis");

describe("polis run --explain --voor lid", () => {
  let dir: string;
  beforeAll(() => {
    assertBuilt();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "polis-lid-"));
    fs.writeFileSync(
      path.join(dir, "case.json"),
      JSON.stringify({ geboortedatum: "1970-03-12", polis_start: "2012-01-01", polis_eind: "2012-01-30", vrijwillig_eigen_risico: "100", eerdere_verzekeringen: [], zorgkosten: [{ zorgsoort: "medisch_specialistische_zorg", datum: "2012-01-10", kosten: "1234.56" }] }),
    );
  });

  it("writes a letter in Dutch notation, with articles and no internal names", async () => {
    const r = await polis(["run", POLICY, "--input", path.join(dir, "case.json"), "--explain", "--voor", "lid"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("U betaalt € 18 verplicht eigen risico");
    expect(r.stdout).toContain("vanaf 1 januari 2012 tot en met 30 januari 2012");
    expect(r.stdout).toContain("Aan dit kalenderjaar rekenen wij € 1.234,56 aan zorgkosten toe");
    expect(r.stdout).toContain("(artikel 7.1, 7.4)");
    expect(r.stdout).not.toMatch(/[a-z]_[a-z]/);
    expect(r.stdout).not.toContain("{");
  });

  it("adds the letter text to the JSON explanation", async () => {
    const r = await polis(["run", POLICY, "--input", path.join(dir, "case.json"), "--explain", "--voor", "lid", "--format", "json"]);
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout) as { uitvoer: Record<string, string>; tekst: string };
    expect(j.uitvoer.totaal).toBe("26.00");
    expect(j.tekst).toContain("Uw eigen risico is in totaal € 26");
  });

  it("rejects --voor without --explain, and an unknown reader", async () => {
    const a = await polis(["run", POLICY, "--input", path.join(dir, "case.json"), "--voor", "lid"]);
    expect(a.status).toBe(2);
    expect(a.stderr).toContain("--voor hoort bij --explain");
    const b = await polis(["run", POLICY, "--input", path.join(dir, "case.json"), "--explain", "--voor", "directeur"]);
    expect(b.status).toBe(2);
  });
});
