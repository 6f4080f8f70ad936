/**
 * French elisions for search. Pagefind splits a word on ASCII punctuation only, so "l’évaluation" (curly apostrophe)
 * is indexed as one word and a search for "évaluation" misses it. Indexed text gets a hair space after each elided
 * word, queries lose their elided words, and excerpts get the hair space taken out again before anyone sees them.
 */

/** Apostrophes an elision is written with: straight, typographic (’) and the modifier letter (ʼ). */
export const apostrophes = "'\u2019\u02BC";

/** Whitespace to both Pagefind's indexer and its excerpts, invisible in print: U+200A HAIR SPACE. */
export const elisionSeparator = "\u200A";

const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const patterns = new Map<string, RegExp>();

/** Matches an elided word at the start of a word, its apostrophe, and (looking ahead) the letter it is elided before. */
function elisionPattern(elisions: readonly string[], after: string): RegExp | undefined {
  if (elisions.length === 0) return undefined;
  const key = `${elisions.join(" ")}\n${after}`;
  // Built once per list: the indexer asks for it for every record of a large site.
  if (!patterns.has(key)) patterns.set(key, buildPattern(elisions, after));
  const pattern = patterns.get(key)!;
  pattern.lastIndex = 0;
  return pattern;
}

function buildPattern(elisions: readonly string[], after: string): RegExp {
  // Longest first, so "jusqu'" is never read as "qu'"; the look-behind keeps "aujourd'hui" whole.
  const words = [...elisions].sort((a, b) => b.length - a.length).map(escape);
  return new RegExp(`(?<![\\p{L}\\p{N}])(${words.join("|")})([${apostrophes}])${after}(?=\\p{L})`, "giu");
}

/** The text with a hair space after every elided word, for the indexer: "l'évaluation" → "l' évaluation". */
export function splitElisions(text: string, elisions: readonly string[]): string {
  const pattern = elisionPattern(elisions, "");
  return pattern ? text.replace(pattern, `$1$2${elisionSeparator}`) : text;
}

/** A query without its elided words, so "l'évaluation" searches for "évaluation" like the index holds it. */
export function queryWithoutElisions(query: string, elisions: readonly string[]): string {
  const pattern = elisionPattern(elisions, "");
  return pattern ? query.replace(pattern, "") : query;
}

/**
 * An excerpt as Pagefind returns it (its words joined by spaces, the matches in <mark>) with the elisions joined back:
 * "l' <mark>évaluation</mark>" → "l'<mark>évaluation</mark>".
 */
export function joinElisions(excerpt: string, elisions: readonly string[]): string {
  const pattern = elisionPattern(elisions, `[ ${elisionSeparator}](<mark>)?`);
  return pattern ? excerpt.replace(pattern, "$1$2$3") : excerpt;
}
