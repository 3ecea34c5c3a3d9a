declare module 'stopword' {
  /** Stop word lists by ISO 639-3 code. */
  export const swe: string[];
  export const eng: string[];
}

declare module 'snowball-stemmers' {
  export interface Stemmer {
    stem(word: string): string;
  }
  export function newStemmer(language: string): Stemmer;
  export function algorithms(): string[];
  const stemmers: { newStemmer: typeof newStemmer; algorithms: typeof algorithms };
  export default stemmers;
}
