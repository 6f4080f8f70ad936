/**
 * Puts the exact phrase and the exact word form first among Pagefind's hits. Pagefind scores each word on its own, by
 * its stem (menace and menaces are one word to it), and favours short records, so "évolution de la menace
 * terroriste" ranked 4.2 ("l'évolution des menaces terroristes") above 2.1, which holds the phrase as typed. This
 * re-orders the hits the page has loaded (each hit's text comes with its data), and drops only the hits that share
 * no word with the query at all (see `weak`).
 *
 * Order, each criterion breaking the ties of the one before, and Pagefind's own order breaking the last ties:
 *   1. the query as a phrase: 3 with every word as typed, accents included; 2 once accents are set aside; 1 with its
 *      last word still being typed (a prefix); 0 not as a phrase;
 *   2. how many query words the text has as typed;
 *   3. how many once accents are set aside.
 * A lexicographic order rather than weights added up: a phrase as typed always comes first, whatever else a shorter
 * record has going for it, which is what a reader who types a phrase expects (README, "Search").
 */
import { blockSeparator } from "./search-url.ts";
import { joinWords, queryWords, type SearchWords } from "./search-words.ts";

/** Words of a text, lower-cased: runs of letters, marks and digits, so apostrophes, hyphens and spaces part them. */
export function textWords(text: string): string[] {
  return (
    text
      .normalize("NFC")
      .toLocaleLowerCase()
      .match(/[\p{L}\p{M}\p{N}]+/gu) ?? []
  );
}

/** Without accents and other marks (Arabic short vowels included): "évolution" → "evolution". */
export function fold(word: string): string {
  return word.normalize("NFD").replace(/\p{M}/gu, "").normalize("NFC");
}

export interface MatchQuality {
  /** 3: the phrase as typed; 2: the phrase without accents; 1: the phrase, its last word a prefix; 0: no phrase. */
  phrase: 0 | 1 | 2 | 3;
  /** Query words found as typed. */
  exact: number;
  /** Query words found once accents are set aside. */
  folded: number;
  /** Query words whose first half (three letters at least) a word of the text contains. */
  related: number;
}

/**
 * A hit none of whose words comes near a query word: Pagefind matches a word it cannot find to a short prefix of it
 * ("axyzq" found every "à" of the French index). Such hits are not shown, and a query with nothing else finds nothing.
 */
export const weak = (quality: MatchQuality) => quality.related === 0;

function containsSequence(haystack: readonly string[], needle: readonly string[], lastIsPrefix: boolean): boolean {
  if (needle.length === 0) return false;
  const last = needle.length - 1;
  for (let i = 0; i + needle.length <= haystack.length; i++) {
    const at = (j: number) =>
      j === last && lastIsPrefix ? haystack[i + j]!.startsWith(needle[j]!) : haystack[i + j] === needle[j];
    if (needle.every((_, j) => at(j))) return true;
  }
  return false;
}

/** How well a text's words match the query's words (both as `textWords` gives them). */
export function matchQuality(query: readonly string[], text: readonly string[]): MatchQuality {
  const foldedText = text.map(fold);
  const foldedQuery = query.map(fold);
  const phrase = containsSequence(text, query, false)
    ? 3
    : containsSequence(foldedText, foldedQuery, false)
      ? 2
      : containsSequence(foldedText, foldedQuery, true)
        ? 1
        : 0;
  const present = new Set(text);
  const presentFolded = new Set(foldedText);
  return {
    phrase,
    exact: query.filter((w) => present.has(w)).length,
    folded: foldedQuery.filter((w) => presentFolded.has(w)).length,
    // "Contains", not "begins with": Arabic writes و, ف and ب attached, and the stemmer finds "تفكيك" in "وتفكيكها".
    related: foldedQuery.filter((w) => {
      const start = w.slice(0, Math.max(3, Math.ceil(w.length / 2)));
      return foldedText.some((t) => t.includes(start));
    }).length,
  };
}

const compare = (a: MatchQuality, b: MatchQuality) => b.phrase - a.phrase || b.exact - a.exact || b.folded - a.folded;

/**
 * The hits in the order above, weak ones left out. `query` is what the visitor typed; `text` gives a hit's whole
 * searchable text as the index holds it (Pagefind's data().content), whose split-off parts are dropped like the
 * query's ("activités d'enquête" is the phrase "activités enquête" on both sides).
 */
export function rankHits<T>(query: string, hits: readonly T[], text: (hit: T) => string, words: SearchWords): T[] {
  const wanted = textWords(queryWords(query, words));
  return hits
    .map((hit, index) => ({
      hit,
      index,
      quality: matchQuality(wanted, textWords(queryWords(joinWords(text(hit), words), words))),
    }))
    .filter(({ quality }) => !weak(quality))
    .sort((a, b) => compare(a.quality, b.quality) || a.index - b.index)
    .map(({ hit }) => hit);
}

/** What a hit is ranked on: its title, which Pagefind searches too ("mandat" is the mandate's heading), and its text. */
export function hitText(hit: { content: string; meta: { title?: string } }): string {
  return `${hit.meta.title ?? ""} ${blockSeparator} ${hit.content}`;
}
