// commander speaks English; Polis speaks Dutch to its users. This file gives
// commander Dutch headings, usage words and error messages, and the colour
// choice of NO_COLOR / FORCE_COLOR (https://no-color.org).

import { Command, Help, type Option } from "commander";

const TITLES: Record<string, string> = {
  "Usage:": "Gebruik:",
  "Options:": "Opties:",
  "Commands:": "Opdrachten:",
  "Arguments:": "Argumenten:",
  "Global Options:": "Algemene opties:",
};

class DutchHelp extends Help {
  override styleTitle(str: string): string {
    return super.styleTitle(TITLES[str] ?? str);
  }
  override commandUsage(cmd: Command): string {
    return dutchUsage(super.commandUsage(cmd));
  }
  override subcommandTerm(cmd: Command): string {
    return dutchUsage(super.subcommandTerm(cmd));
  }
  override optionDescription(option: Option): string {
    return super.optionDescription(option).replace(/\(default: /, "(standaard: ").replace(/choices: /, "keuzes: ");
  }
}

function dutchUsage(s: string): string {
  return s.replace(/\[options\]/g, "[opties]").replace(/\[command\]/g, "[opdracht]");
}

const ERRORS: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^error: unknown option '(.*)'/, (m) => `onbekende optie '${m[1]}'`],
  [/^error: unknown command '(.*)'/, (m) => `onbekende opdracht '${m[1]}'`],
  [/^error: missing required argument '(.*)'/, (m) => `argument '${m[1]}' ontbreekt`],
  [/^error: option '(.*)' argument missing/, (m) => `optie '${m[1]}' mist haar waarde`],
  [/^error: required option '(.*)' not specified/, (m) => `verplichte optie '${m[1]}' ontbreekt`],
  [/^error: too many arguments(?: for '(.*)')?\. Expected (\d+) arguments? but got (\d+)\./, (m) => `te veel argumenten${m[1] ? ` voor '${m[1]}'` : ""}: ${m[2]} verwacht, ${m[3]} gekregen`],
  [/^error: option '(.*)' argument '(.*)' is invalid\. ?(.*)/, (m) => `optie '${m[1]}': ongeldige waarde '${m[2]}'${m[3] ? `: ${m[3]}` : ""}`],
  [/^error: command-argument value '(.*)' is invalid for argument '(.*)'\. ?(.*)/, (m) => `ongeldige waarde '${m[1]}' voor argument '${m[2]}'${m[3] ? `: ${m[3]}` : ""}`],
  [/^error: (.*) cannot be used with (.*)/, (m) => `${m[1]} gaat niet samen met ${m[2]}`],
];

/** commander's English error text (and its "Did you mean" suggestion) in Dutch, prefixed like every Polis usage error. */
export function dutchError(text: string): string {
  const [first = "", ...rest] = text.replace(/\n$/, "").split("\n");
  let out = first.replace(/^error: /, "");
  for (const [re, make] of ERRORS) {
    const m = re.exec(first);
    if (m) {
      out = make(m);
      break;
    }
  }
  const more = rest
    .map((l) => l.replace(/^\(Did you mean one of (.*)\?\)$/, "(bedoelde u een van $1?)").replace(/^\(Did you mean (.*)\?\)$/, "(bedoelde u $1?)"))
    .join("\n");
  return `polis: ${out}${more ? `\n${more}` : ""}\n`;
}

/** Colour on a terminal; FORCE_COLOR (not 0/false) forces it, NO_COLOR (not empty) turns it off. */
export function colorWanted(stream: { isTTY?: boolean }): boolean {
  const force = process.env["FORCE_COLOR"];
  if (force !== undefined) return !["0", "false"].includes(force.toLowerCase());
  const no = process.env["NO_COLOR"];
  if (no !== undefined && no !== "") return false;
  return stream.isTTY === true;
}

/** A commander Command whose help, and whose subcommands' help, is Dutch. */
export class DutchCommand extends Command {
  override createCommand(name?: string): Command {
    return new DutchCommand(name);
  }
  override createHelp(): Help {
    return Object.assign(new DutchHelp(), this.configureHelp());
  }
}

/** The program: Dutch help and errors; subcommands created afterwards inherit them. */
export function dutchProgram(name: string): DutchCommand {
  const program = new DutchCommand(name);
  program
    .helpOption("-h, --help", "toon deze hulp")
    .helpCommand("help [opdracht]", "toon de hulp bij een opdracht")
    .configureOutput({
      outputError: (s, write) => write(dutchError(s)),
      getOutHasColors: () => colorWanted(process.stdout),
      getErrHasColors: () => colorWanted(process.stderr),
    });
  return program;
}
