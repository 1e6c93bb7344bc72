// A large, valid policy for measuring the language server: `n` articles,
// each with a parameter, a begrip, a rule with three clauses and a voorbeeld,
// about 2.000 lines at n = 100. Used by bench/lsp.ts and its test.

export function largePolicy(n: number): string {
  const lines: string[] = [
    'polis groot "Een grote polis om de taalserver te meten"',
    "  versie 2024",
    "  geldig vanaf 1 januari 2024",
    "",
    "soort Zorgsoort: huisarts, ziekenhuis, fysiotherapie",
    "",
    "invoer",
    "  geboortedatum: datum vanaf 1 januari 1900",
    "  kosten: bedrag vanaf 0",
    "  zorgsoort: Zorgsoort",
    "  behandeldatum: datum",
    "",
    "begrip leeftijd: aantal = leeftijd_op(geboortedatum, behandeldatum)",
    "",
    "uitvoer",
  ];
  for (let i = 1; i <= n; i++) lines.push(`  vergoeding_${i}: bedrag`);
  lines.push("");
  for (let i = 1; i <= n; i++) {
    lines.push(
      `# Artikel ${i}: het maximum en de eigen bijdrage.`,
      `parameter maximum_${i}: bedrag = € ${100 + i} (artikel ${i}.1)`,
      `parameter bijdrage_${i}: percentage = ${i % 50} % (artikel ${i}.2)`,
      "",
      `begrip eigen_deel_${i}: bedrag =`,
      `  (kosten * bijdrage_${i}) afgerond op centen`,
      "",
      `regel vergoeding_artikel_${i} (artikel ${i}.3):`,
      `  indien zorgsoort = huisarts dan vergoeding_${i} 0`,
      `  indien leeftijd < 18 dan vergoeding_${i} min(kosten, maximum_${i})`,
      `  anders vergoeding_${i} max(min(kosten, maximum_${i}) - eigen_deel_${i}, 0)`,
      "",
      `voorbeeld "artikel ${i}: een kind bij de fysiotherapeut":`,
      `  gegeven geboortedatum 1 januari 2015, kosten € 50, zorgsoort fysiotherapie, behandeldatum 1 maart 2024`,
      `  verwacht vergoeding_${i} € ${Math.min(50, 100 + i)}`,
      "",
    );
  }
  return lines.join("\n") + "\n";
}
