// The `polis` command (commander): a file per command, exit codes here.
// 0 ok; 1 errors in a policy, an evaluation error or a failing test;
// 2 a bad case file or bad usage. A user error never prints a stack trace;
// anything else is a Polis bug and is reported as an internal error.
// Each command's module is loaded only when it runs, so `polis run` does not
// pay for fast-check, ts-morph or prettier. commander's own texts are Dutch
// (commander-nl.ts).

import { CommanderError, InvalidArgumentError, Option } from "commander";
import { dutchProgram } from "./commander-nl.js";
import { EXIT_USAGE, UsageError } from "./io.js";
import { toolchain } from "./version.js";

const EXIT_INTERNAL = 70;

function parseWhole(value: string): number {
  if (!/^[0-9]{1,9}$/.test(value)) throw new InvalidArgumentError("verwacht een geheel getal");
  return Number(value);
}

function parsePositive(value: string): number {
  const n = parseWhole(value);
  if (n < 1 || n > 256) throw new InvalidArgumentError("verwacht een geheel getal van 1 tot en met 256");
  return n;
}

async function main(argv: string[]): Promise<number> {
  let code = 0;
  const program = dutchProgram("polis")
    .description("Polis: polisvoorwaarden als code — controleren, uitvoeren, testen en bouwen")
    .version(toolchain().version, "-V, --version", "toon het versienummer van Polis")
    .enablePositionalOptions()
    .showHelpAfterError("(polis help voor de opdrachten, polis help OPDRACHT voor hun opties)")
    .exitOverride();

  program
    .command("check")
    .description("controleer polis-bestanden (syntaxis en types)")
    .argument("<bestanden...>", ".polis-bestanden of mappen")
    .addOption(new Option("-f, --format <formaat>", "text (voor mensen) of json (één JSON-document op stdout)").choices(["text", "json"]).default("text"))
    .action(async (files: string[], opts: { format: "text" | "json" }) => {
      code = await (await import("./check.js")).checkCommand(files, opts);
    });

  program
    .command("run")
    .description("beslis één case (.json) of een stroom cases (.jsonl)")
    .argument("<bestand>", "het .polis-bestand")
    .option("-i, --input <case>", "case-bestand: .json (één case) of .jsonl (één case per regel); - is stdin; met --engine duckdb ook .parquet of .csv")
    .option("-o, --output <bestand>", "schrijf de uitkomst hierheen; - is stdout", "-")
    .addOption(new Option("-f, --format <formaat>", "json (één case) of jsonl (één case per regel); standaard naar de extensie van de invoer").choices(["json", "jsonl"]))
    .option("--explain", "leg de beslissing uit: welke regels, met welke waarden en artikelen (als JSON met --format json of jsonl)")
    .addOption(new Option("--voor <lezer>", "voor wie de uitleg is: auteur (regels en waarden) of lid (een brief aan de verzekerde)").choices(["auteur", "lid"]))
    .option("-j, --jobs <n>", "aantal worker threads voor een .jsonl-bestand (standaard: het aantal processorkernen)", parsePositive)
    .option("--engine <engine>", "beslis de hele tabel in een database: duckdb of postgres (zie het README, deel SQL)")
    .option("--database <url>", "met --engine postgres: de PostgreSQL-URL")
    .option("--table <naam>", "met --engine postgres: de tabel met een rij per case")
    .action(async (file: string, opts: { input?: string; output: string; format?: "json" | "jsonl"; explain?: boolean; voor?: "auteur" | "lid"; jobs?: number; engine?: string; database?: string; table?: string }) => {
      code = await (await import("./run.js")).runCommand(file, opts);
    });

  program
    .command("sql")
    .description("druk de SQL-query af die elke rij van een tabel beslist (duckdb, postgres of spark)")
    .argument("<bestand>", "het .polis-bestand")
    .option("--dialect <dialect>", "duckdb, postgres of spark", "duckdb")
    .option("--table <naam>", "de tabel met een rij per case", "cases")
    .option("--trace", "per uitvoer een kolom met de regel en het artikel dat besliste")
    .action(async (file: string, opts: { dialect?: string; table?: string; trace?: boolean }) => {
      code = (await import("./sql.js")).sqlCommand(file, opts);
    });

  program
    .command("test")
    .description("voer de voorbeelden van polis-bestanden uit")
    .argument("[paden...]", ".polis-bestanden of mappen (standaard: de huidige map)")
    .option("--seed <n>", "seed voor de gegenereerde gevallen van eigenschappen", parseWhole)
    .option("--runs <n>", "aantal gegenereerde gevallen per eigenschap (standaard 100)", parseWhole)
    .addOption(new Option("-r, --reporter <soort>", "text (voor mensen), json of junit (JUnit-XML voor CI) op stdout").choices(["text", "json", "junit"]).default("text"))
    .action(async (paths: string[], opts: { seed?: number; runs?: number; reporter: "text" | "json" | "junit" }) => {
      code = (await import("./test.js")).testCommand(paths, opts);
    });

  program
    .command("build")
    .description("bouw een installeerbaar npm-pakket (JavaScript, typen, JSON Schema) uit een map met polis-bestanden")
    .argument("<map>", "map met .polis-bestanden")
    .requiredOption("-o, --out <map>", "uitvoermap (een nieuwe of lege map, of een eerdere build)")
    .option("--name <naam>", "pakketnaam (standaard: de naam van de map)")
    .option("--version <versie>", "pakketversie (standaard 1.0.0)")
    .action(async (dir: string, opts: { out: string; name?: string; version?: string }) => {
      code = await (await import("./build.js")).buildCommand(dir, opts);
    });

  program
    .command("diff")
    .description("wat veranderde tussen twee versies van een polis (bestanden, of mappen gepaard op polisnaam)")
    .argument("<oud>", "de oude versie: een .polis-bestand of een map")
    .argument("<nieuw>", "de nieuwe versie: een .polis-bestand of een map")
    .option("-f, --format <formaat>", "text, json, markdown of html", "text")
    .option("--witnesses <n>", "hoogstens zoveel voorbeeldgevallen, één per groep gevallen die om dezelfde reden verandert (standaard 8)", parseWhole)
    .option("--samples <n>", "grootte van de steekproef (standaard 10.000)", parseWhole)
    .option("--seed <n>", "seed van de gegenereerde gevallen", parseWhole)
    .action(async (oldPath: string, newPath: string, opts: { format?: string; witnesses?: number; samples?: number; seed?: number }) => {
      code = await (await import("./diff.js")).diffCommand(oldPath, newPath, opts);
    });

  program
    .command("doc")
    .description("schrijf een documentatiesite (HTML) van een map met polis-bestanden")
    .argument("<map>", "map met .polis-bestanden")
    .requiredOption("-o, --out <map>", "uitvoermap van de site")
    .option("--changes <map>", "map met wijzigingsrapporten (standaard: de dichtstbijzijnde docs/changes)")
    .option("--playground <url>", "adres van de speelplaats (standaard: een kopie in <uitvoermap>/playground)")
    .action(async (dir: string, opts: { out: string; changes?: string; playground?: string }) => {
      code = (await import("./doc.js")).docCommand(dir, opts);
    });

  program
    .command("fmt")
    .description("maak polis-bestanden op in de vaste vorm (commentaar blijft staan)")
    .argument("<bestanden...>", ".polis-bestanden of mappen")
    .option("--check", "schrijf niets; exit 1 als een bestand niet opgemaakt is")
    .action(async (files: string[], opts: { check?: boolean }) => {
      code = (await import("./fmt.js")).fmtCommand(files, opts);
    });

  program
    .command("lsp")
    .description("start de taalserver (Language Server Protocol) op stdin en stdout, voor editors")
    .option("--stdio", "communiceer via stdin en stdout (de standaard)")
    .action(async () => {
      code = await (await import("./lsp.js")).lspCommand();
    });

  try {
    await program.parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === "commander.helpDisplayed" || e.code === "commander.version") return 0;
      // `polis help` exits 0; `polis` without a command shows the help on stderr: bad usage.
      if (e.code === "commander.help") return e.exitCode === 0 ? 0 : EXIT_USAGE;
      return EXIT_USAGE;
    }
    throw e;
  }
  return code;
}

// `polis run … | head -1`: a closed pipe ends the output, quietly.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw e;
});

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    if (e instanceof UsageError) {
      process.stderr.write(`polis: ${e.message}\n`);
      process.exitCode = e.exitCode;
      return;
    }
    process.stderr.write(`polis: interne fout (dit is een fout in Polis, niet in uw polis):\n${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
    process.exitCode = EXIT_INTERNAL;
  },
);
