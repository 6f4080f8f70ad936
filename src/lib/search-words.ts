/**
 * Words search must see apart, declared per locale (locales.ts `searchWords`). Pagefind splits words on whitespace
 * and ASCII punctuation only, and stems each word whole: French elisions written with a typographic apostrophe
 * ("l’évaluation") and Arabic conjunctions, prepositions and article written attached to the next word ("والفساد")
 * hide that word. Indexed text gets a hair space after each such part, queries lose them, and excerpts get the hair
 * space taken out again before anyone sees them.
 */

export interface SearchWords {
  /** Words elided before a vowel with an apostrophe (French l', qu'…): "évaluation" finds "l'évaluation". */
  readonly elisions: readonly string[];
  /**
   * Conjunctions, prepositions and articles written attached to the next word, each combination in full (Arabic
   * "وال" = و + ال): "فساد" and "الفساد" find "والفساد". Split off only when at least `minStemLetters` letters remain.
   */
  readonly proclitics: readonly string[];
  /**
   * Articles, prepositions and conjunctions that nearly every text holds, lower-case: a query made of these alone
   * (with elided words and proclitics) would list every page, so the page asks for another word instead.
   */
  readonly stopWords: readonly string[];
}

/** Apostrophes an elision is written with: straight, typographic (’) and the modifier letter (ʼ). */
export const apostrophes = "'\u2019\u02BC";

/** Whitespace to both Pagefind's indexer and its excerpts, invisible in print: U+200A HAIR SPACE. */
export const wordSeparator = "\u200A";

/** Letters a word keeps after its proclitic, so short words that merely begin like one ("لكن", "بال") stay whole. */
export const minStemLetters = 3;

const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
// Longest first, so "jusqu'" is never read as "qu'", nor "وال" as "و".
const alternatives = (words: readonly string[]) =>
  `(?:${[...words]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join("|")})`;

interface PartPattern {
  regex: RegExp;
  /** Capturing groups per match: the part, and whatever `after` captures. */
  groups: number;
}

const patterns = new Map<string, PartPattern | undefined>();

/**
 * Matches, at the start of a word, an elided word with its apostrophe or a proclitic, then `after`; both captured. What
 * must follow is looked at, not consumed: a letter after an elision, a stem of `minStemLetters` after a proclitic.
 */
function partPattern(words: SearchWords, after: string): PartPattern | undefined {
  const key = `${words.elisions.join(" ")}\n${words.proclitics.join(" ")}\n${after}`;
  // Built once per locale: the indexer asks for it for every record of a large site.
  if (!patterns.has(key)) {
    const kinds: string[] = [];
    if (words.elisions.length > 0) kinds.push(`(${alternatives(words.elisions)}[${apostrophes}])${after}(?=\\p{L})`);
    if (words.proclitics.length > 0)
      kinds.push(`(${alternatives(words.proclitics)})${after}(?=\\p{L}{${minStemLetters}})`);
    // The look-behind keeps "aujourd'hui", and a word that merely contains a proclitic, whole.
    const source = `(?<![\\p{L}\\p{M}\\p{N}])(?:${kinds.join("|")})`;
    patterns.set(
      key,
      kinds.length === 0
        ? undefined
        : { regex: new RegExp(source, "giu"), groups: new RegExp(`${source}|`, "u").exec("")!.length - 1 },
    );
  }
  const pattern = patterns.get(key);
  if (pattern) pattern.regex.lastIndex = 0;
  return pattern;
}

/** Replaces each part `partPattern` finds by what `replace` makes of its captured strings, in order. */
function replaceParts(text: string, words: SearchWords, after: string, replace: (captured: string) => string): string {
  const pattern = partPattern(words, after);
  if (!pattern) return text;
  return text.replace(pattern.regex, (...args: unknown[]) =>
    replace(
      args
        .slice(1, 1 + pattern.groups)
        .filter((g) => typeof g === "string")
        .join(""),
    ),
  );
}

/** The text with a hair space after every elided word and proclitic, for the indexer: "والفساد" → "وال فساد". */
export function splitWords(text: string, words: SearchWords): string {
  return replaceParts(text, words, "", (part) => `${part}${wordSeparator}`);
}

/** A query without its elided words and proclitics, so "l'évaluation" and "الفساد" search for what the index holds. */
export function queryWords(query: string, words: SearchWords): string {
  return replaceParts(query, words, "", () => "");
}

/**
 * An excerpt as Pagefind returns it (its words joined by spaces, the matches in <mark>) with the split parts joined
 * back: "l' <mark>évaluation</mark>" → "l'<mark>évaluation</mark>", "وال <mark>فساد</mark>" → "وال<mark>فساد</mark>".
 */
export function joinWords(excerpt: string, words: SearchWords): string {
  return replaceParts(excerpt, words, `(</mark>)?[ ${wordSeparator}](<mark>)?`, (joined) => joined);
}

/** Whether a query's words are all elided words ("l’"), proclitics ("وال") or stop words ("de la"): nothing to search. */
export function onlyStopWords(query: string, words: SearchWords): boolean {
  const common = new Set([...words.elisions, ...words.proclitics, ...words.stopWords]);
  const found = query.toLocaleLowerCase().match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
  return found.length > 0 && found.every((word) => common.has(word));
}
