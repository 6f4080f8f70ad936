/**
 * A visitor's query as search runs it and as the page says it back. The box and the URL keep what was typed; what is
 * searched loses the characters no one sees, and what the status line repeats (aloud, for a screen reader) is that,
 * shortened.
 */

/**
 * Invisible format characters (Unicode category Cf): zero-width space, word joiner, byte-order mark, soft hyphen,
 * direction marks, embeddings, overrides and isolates. Inside a word they hide it from the index ("évalu\u200Bation"),
 * and a right-to-left override in a shared link would reorder the status line. The zero-width non-joiner and joiner
 * stay: Persian and Indic scripts spell words with them.
 */
const invisible = /(?![\u200C\u200D])\p{Cf}/gu;

/** The query search runs: invisible characters out, canonical composition (é typed as e + ◌́ is é), spaces collapsed. */
export function cleanQuery(query: string): string {
  return query.replace(invisible, "").normalize("NFC").replace(/\s+/g, " ").trim();
}

/** How much of a query the status line repeats, in user-perceived characters. */
export const shownQueryLength = 60;

/**
 * The query as the page says it back: cleaned, and cut after `max` user-perceived characters (an accented letter or
 * an emoji is one) at the last word boundary before, with an ellipsis: a 5 KB query is not read aloud whole.
 */
export function shownQuery(query: string, locale: string, max = shownQueryLength): string {
  const clean = cleanQuery(query);
  const graphemes = [...new Intl.Segmenter(locale, { granularity: "grapheme" }).segment(clean)];
  if (graphemes.length <= max) return clean;
  const cut = graphemes
    .slice(0, max)
    .map((g) => g.segment)
    .join("");
  const lastSpace = cut.lastIndexOf(" ");
  return `${(lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}
