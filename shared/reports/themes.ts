/** Words that say nothing about a theme, in Swedish and English (plus the customer terms we ship). */
const STOP_WORDS = new Set(
  `och i att det som en på är av för med till den har de inte om ett vi man så kan du från men var sig eller vara
  när han hon ska skulle vad alla mer där bara också efter blir blev inom under utan denna detta dessa dem deras
  vår våra vårt er era ert min mitt mina sin sitt sina hos mot mycket mest få många nog än då nu här ju väl även
  hur vilka vilken vilket varför kunde finns fanns görs gör göra få får fick tror tycker ingen inget inga något
  någon några jag mig oss ni dig honom henne dom the a an and or of to in on for with is are was were be been it
  this that these those we our you your they their them he she his her not no at by from as but if so than then
  there here what which who why how can could would should will do does did have has had more most very just also
  about into over only all any some such own same other its us i me my mine kund kunden kunder kundens customer
  customers patient patienten medborgare medborgaren brukare brukaren elev eleven klient klienten organisation
  organisationen ranking rankingen`.split(/\s+/),
);

const wordsOf = (text: string) =>
  new Set(
    text
      .toLocaleLowerCase('sv')
      .split(/[^\p{L}\p{N}]+/u)
      .filter((word) => word.length >= 3 && !STOP_WORDS.has(word) && !/^\d+$/.test(word)),
  );

/** Counts, for each word, how many comments mention it: a theme is what many people bring up, not one long rant. */
export class ThemeCounter {
  private readonly mentions = new Map<string, number>();

  add(text: string): void {
    for (const word of wordsOf(text)) this.mentions.set(word, (this.mentions.get(word) ?? 0) + 1);
  }

  /** The most mentioned words that at least `minMentions` comments share. */
  top(limit: number, minMentions: number): { word: string; mentions: number }[] {
    return [...this.mentions]
      .filter(([, mentions]) => mentions >= minMentions)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'sv'))
      .slice(0, limit)
      .map(([word, mentions]) => ({ word, mentions }));
  }
}
