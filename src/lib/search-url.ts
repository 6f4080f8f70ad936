/**
 * The search page's state in its URL (?q=…&objective=…&kind=…), so a search can be shared and reloaded, and the
 * links of its hits: each result's permalink plus a text fragment (#resultat-3-2:~:text=…) that makes the browser
 * scroll to the searched words and highlight them, with no script on the reading page.
 */

/**
 * The kinds of text the index holds: values of its `kind` filter and of the page's kind parameter; "strategy" is the
 * home page's introduction and mandate.
 */
export const searchKinds = ["result", "objective", "capability", "strategy"] as const;
export type SearchKind = (typeof searchKinds)[number];

/**
 * Stands between two blocks (paragraphs, list items) of a record's text: U+2063 INVISIBLE SEPARATOR, a word to
 * Pagefind's excerpts but nothing to its index. A text directive's context may not run across blocks, so
 * textDirectives stops there.
 */
export const blockSeparator = "\u2063";

export interface SearchState {
  /** What the visitor typed, trimmed; "" when nothing. */
  q: string;
  /** Objective number as a string, or "" for every objective. */
  objective: string;
  kind: SearchKind | "";
}

/** The state a query string stands for; values that are not possible are dropped rather than trusted. */
export function readSearchState(search: string): SearchState {
  const params = new URLSearchParams(search);
  const objective = params.get("objective") ?? "";
  const kind = params.get("kind") ?? "";
  return {
    q: (params.get("q") ?? "").trim(),
    objective: /^[1-9]\d{0,5}$/.test(objective) ? objective : "",
    kind: (searchKinds as readonly string[]).includes(kind) ? (kind as SearchKind) : "",
  };
}

/** The query string of a state, "" when empty; same parameter names as the page's form, so both give one URL. */
export function searchStateQuery(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q) params.set("q", state.q);
  if (state.objective) params.set("objective", state.objective);
  if (state.kind) params.set("kind", state.kind);
  const query = params.toString();
  return query ? `?${query}` : "";
}

/** Pagefind's filters for a state: only those set. */
export function searchFilters(state: SearchState): Record<string, string> {
  const filters: Record<string, string> = {};
  if (state.objective) filters.objective = state.objective;
  if (state.kind) filters.kind = state.kind;
  return filters;
}

// A text directive's reserved characters: "-", "," and "&" separate its parts, so they are escaped with the rest.
const encodeDirective = (text: string) => encodeURIComponent(text).replace(/-/g, "%2D");
const stripTags = (html: string) => html.replace(/<[^>]*>/g, "");
const entities: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" };
const decode = (text: string) => text.replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => entities[e]!);
const contextWords = 8;

/**
 * Text directives for the marked words of an excerpt: "prefix-,word,-suffix". A directive highlights the first match
 * on the page, and texts here repeat whole phrases ("des services chargés de l'application de la loi"), so each word
 * takes up to eight words of context either side, as far as its block goes: enough for the match to be the one
 * inside this hit.
 */
export function textDirectives(excerptHtml: string, max = 3): string[] {
  const words = excerptHtml.split(/\s+/).filter(Boolean);
  const directives: string[] = [];
  const seen = new Set<string>();
  const plain = (from: number, to: number) => words.slice(from, to).map(stripTags).map(decode).join(" ");
  words.forEach((word, i) => {
    if (!word.includes("<mark>") || directives.length >= max) return;
    const text = decode(stripTags(word));
    if (!text || text === blockSeparator || seen.has(text.toLowerCase())) return;
    seen.add(text.toLowerCase());
    let from = i;
    while (from > Math.max(0, i - contextWords) && words[from - 1] !== blockSeparator) from--;
    let to = i + 1;
    while (to < Math.min(words.length, i + 1 + contextWords) && words[to] !== blockSeparator) to++;
    const prefix = plain(from, i);
    const suffix = plain(i + 1, to);
    directives.push(
      [prefix && `${encodeDirective(prefix)}-`, encodeDirective(text), suffix && `-${encodeDirective(suffix)}`]
        .filter(Boolean)
        .join(","),
    );
  });
  return directives;
}

/** A hit's link: its URL, plus a text fragment when the browser understands them (`document.fragmentDirective`). */
export function hitLink(url: string, excerptHtml: string, textFragments: boolean): string {
  const directives = textFragments ? textDirectives(excerptHtml) : [];
  if (directives.length === 0) return url;
  const text = directives.map((d) => `text=${d}`).join("&");
  return `${url}${url.includes("#") ? "" : "#"}:~:${text}`;
}
