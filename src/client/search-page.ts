/**
 * The search page's behaviour, bundled for that page only: loads Pagefind as soon as the page has painted (or the box
 * is focused), searches as the visitor types, puts exact phrases first, keeps the query in the URL, renders the hits
 * and announces their number through the page's status region; a query with no hit here is tried in the other
 * locales, whose hits are offered as links.
 */
import { hitText, rankHits } from "../lib/search-rank.ts";
import { cleanQuery, shownQuery } from "../lib/search-query.ts";
import { joinWords, onlyStopWords, queryWords, type SearchWords } from "../lib/search-words.ts";
import type { OtherLocale, PluralStrings, SearchConfig } from "../site/search-config.ts";
import {
  blockSeparator,
  hitLink,
  readSearchState,
  searchFilters,
  searchStateQuery,
  type SearchState,
} from "../lib/search-url.ts";

interface PagefindData {
  url: string;
  excerpt: string;
  /** The record's whole text, for ranking (src/lib/search-rank.ts). */
  content: string;
  meta: Record<string, string | undefined>;
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(
    term: string,
    options: { filters: Record<string, string> },
  ): Promise<{ results: { data: () => Promise<PagefindData> }[] }>;
}

const form = document.querySelector<HTMLFormElement>("#search-form")!;
const input = form.querySelector<HTMLInputElement>("[name=q]")!;
const objective = form.querySelector<HTMLSelectElement>("[name=objective]")!;
const kind = form.querySelector<HTMLSelectElement>("[name=kind]")!;
const status = document.querySelector<HTMLElement>("#search-status")!;
const elsewhere = document.querySelector<HTMLElement>("#search-elsewhere")!;
const failure = document.querySelector<HTMLElement>("#search-error")!;
const list = document.querySelector<HTMLOListElement>("#search-hits")!;
const config = JSON.parse(document.querySelector("#search-config")!.textContent!) as SearchConfig;
const pageLocale = document.documentElement.lang;
const plural = new Intl.PluralRules(pageLocale);
const textFragments = "fragmentDirective" in document;

/**
 * Asks for a locale's Pagefind files side by side, before Pagefind itself asks for them one after the other. What it
 * reads as it starts is preloaded, so its own fetch() takes the response; the index chunks and fragments, named by
 * their content and cached for a year, go to the HTTP cache: preloaded when a search is on its way, fetched at low
 * priority otherwise, so they never hold up the WebAssembly.
 */
function fetchBundle(code: string, searching: boolean) {
  const bundle = config.bundles?.[code];
  if (!bundle) return;
  for (const href of searching ? [...bundle.start, ...bundle.search] : bundle.start) {
    const link = document.createElement("link");
    link.rel = "preload";
    link.as = "fetch";
    link.crossOrigin = "anonymous";
    link.href = href;
    document.head.append(link);
  }
  if (!searching) for (const href of bundle.search) void fetch(href, { priority: "low" }).catch(() => undefined);
}

const engines = new Map<string, Promise<Pagefind>>();
let ready = false;

/**
 * A locale's Pagefind. Another locale's is a module of its own (pagefind.js?<code>): Pagefind keeps one WebAssembly
 * per module, and each language's carries its own stemmer. Pagefind takes the language from <html lang> as it
 * starts, with no option for it, so <html lang> names the other locale during that one synchronous call.
 */
function engine(code: string, searching = false): Promise<Pagefind> {
  let loading = engines.get(code);
  if (!loading) {
    loading = (async () => {
      fetchBundle(code, searching);
      const own = code === pageLocale;
      const url = new URL(`/pagefind/pagefind.js${own ? "" : `?${code}`}`, location.href).href;
      const module = (await import(/* @vite-ignore */ url)) as Pagefind;
      const tag = config.bundles?.[code]?.tag;
      // The index is small: searching on the main thread spares the download of Pagefind's worker.
      await module.options({ excerptLength: 40, noWorker: true, ...(tag ? { metaCacheTag: tag } : {}) });
      const html = document.documentElement;
      html.lang = code;
      try {
        // Starts fetching the entry file, the metadata and the WebAssembly; a search waits for them.
        void module.init();
      } finally {
        html.lang = pageLocale;
      }
      if (own) ready = true;
      return module;
    })();
    // A failed load is tried again by the next search.
    loading.catch(() => engines.delete(code));
    engines.set(code, loading);
  }
  return loading;
}

/** Loads this page's Pagefind ahead of the first keystroke; the search that needs it reports any error. */
const warmUp = () => void engine(pageLocale).catch(() => undefined);

const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ""));
// A browser whose plural data lacks a category the build knew falls back on "other", which every language has.
const pick = (strings: PluralStrings, count: number) => strings[plural.select(count)] ?? strings.other;

/** The excerpt's text and its <mark>s as nodes, never as HTML: the text comes from the index, not from us. */
function excerptNodes(excerpt: string): Node[] {
  const entities: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" };
  const decode = (text: string) =>
    text.replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => entities[e]!).replaceAll(` ${blockSeparator} `, " ");
  return excerpt.split(/(<mark>[^<]*<\/mark>)/).map((part) => {
    const marked = /^<mark>([^<]*)<\/mark>$/.exec(part);
    if (!marked) return document.createTextNode(decode(part));
    const mark = document.createElement("mark");
    mark.textContent = decode(marked[1]!);
    return mark;
  });
}

function hitItem(data: PagefindData): HTMLLIElement {
  const excerpt = joinWords(data.excerpt, config.words);
  const item = document.createElement("li");
  const heading = document.createElement("h2");
  const link = document.createElement("a");
  link.href = hitLink(data.url, excerpt, textFragments);
  link.textContent = data.meta.title ?? data.url;
  heading.append(link);
  item.append(heading);
  if (data.meta.kind === "result" && data.meta.objectiveTitle) {
    const context = document.createElement("p");
    context.className = "hit-context";
    context.textContent = data.meta.objectiveTitle;
    item.append(context);
  }
  const text = document.createElement("p");
  text.append(...excerptNodes(excerpt));
  item.append(text);
  return item;
}

/**
 * A query's hits in one locale's index, exact phrases and word forms first, and how many there are. The first 50 are
 * loaded and ranked (the leaflet's index holds fewer); those that share no word with the query are left out.
 */
async function rankedSearch(pagefind: Pagefind, query: string, words: SearchWords, state: SearchState) {
  const response = await pagefind.search(queryWords(query, words), { filters: searchFilters(state) });
  const loaded = await Promise.all(response.results.slice(0, 50).map((hit) => hit.data()));
  const hits = rankHits(query, loaded, hitText, words);
  return { hits, count: hits.length + response.results.length - loaded.length };
}

/** "In other languages: 3 results in English", each a link to that locale's search page with the same search. */
async function showElsewhere(run: number, query: string, state: SearchState) {
  const found = await Promise.all(
    config.others.map(async (other): Promise<[OtherLocale, number]> => {
      try {
        return [other, (await rankedSearch(await engine(other.code, true), query, other.words, state)).count];
      } catch (error) {
        console.error(error);
        return [other, 0];
      }
    }),
  );
  const links = found
    .filter(([, count]) => count > 0)
    .map(([other, count]) => {
      const link = document.createElement("a");
      link.href = `${other.searchPath}${searchStateQuery(state)}`;
      link.hreflang = other.code;
      link.textContent = fill(pick(config.strings.elsewhereCount, count), { count, language: other.name });
      return link;
    });
  if (run !== latest || links.length === 0) return;
  const [before = "", after = ""] = config.strings.elsewhere.split("{{links}}");
  const parts: (Node | string)[] = [before];
  // The links as the page's language lists things: "3 résultats en anglais et 1 résultat en espagnol".
  for (const part of new Intl.ListFormat(pageLocale).formatToParts(links.map((_, i) => String(i))))
    parts.push(part.type === "element" ? links[Number(part.value)]! : part.value);
  parts.push(after);
  elsewhere.replaceChildren(...parts);
}

let latest = 0;
async function search(state: SearchState) {
  history.replaceState(history.state, "", `${location.pathname}${searchStateQuery(state)}`);
  const run = ++latest;
  const query = cleanQuery(state.q);
  elsewhere.replaceChildren();
  if (!queryWords(query, config.words).trim()) {
    list.replaceChildren();
    status.textContent = "";
    return;
  }
  // The box and the URL keep what was typed; the status line says it back cleaned and shortened.
  const shown = shownQuery(query, pageLocale);
  if (onlyStopWords(query, config.words)) {
    list.replaceChildren();
    status.textContent = fill(config.strings.tooCommon, { query: shown });
    return;
  }
  if (!ready) status.textContent = config.strings.loading;
  try {
    const { hits, count } = await rankedSearch(await engine(pageLocale, true), query, config.words, state);
    if (run !== latest) return;
    failure.hidden = true;
    list.replaceChildren(...hits.map(hitItem));
    const template = count === 0 ? config.strings.none : pick(config.strings.count, count);
    status.textContent = fill(template, { count, query: shown });
    if (count === 0) void showElsewhere(run, query, state);
  } catch (error) {
    if (run !== latest) return;
    status.textContent = "";
    failure.hidden = false;
    console.error(error);
  }
}

const formState = (): SearchState =>
  readSearchState(
    searchStateQuery({ q: input.value, objective: objective.value, kind: kind.value as SearchState["kind"] }),
  );

let typing: ReturnType<typeof setTimeout> | undefined;
input.addEventListener("input", () => {
  warmUp();
  clearTimeout(typing);
  // Pagefind is loaded by then, so a search costs milliseconds: the pause only spares the searches of a burst of keys.
  typing = setTimeout(() => void search(formState()), 60);
});
for (const select of [objective, kind]) select.addEventListener("change", () => void search(formState()));
form.addEventListener("submit", (event) => {
  event.preventDefault();
  clearTimeout(typing);
  void search(formState());
});

// A shared or reloaded URL, or the header's search form, shows its search straight away.
const initial = readSearchState(location.search);
input.value = initial.q;
objective.value = initial.objective;
kind.value = initial.kind;
if (initial.q) void search(formState());
else {
  // Otherwise Pagefind loads once the page has painted and gone idle, or when the visitor reaches for the box,
  // whichever comes first: the first render waits for none of it, and typing only runs the query.
  input.addEventListener("focus", warmUp, { once: true });
  input.addEventListener("pointerdown", warmUp, { once: true });
  const idle = () => ("requestIdleCallback" in window ? requestIdleCallback(warmUp, { timeout: 1000 }) : warmUp());
  if (PerformanceObserver.supportedEntryTypes?.includes("paint"))
    // The first contentful paint as the browser reports it, once it is on screen.
    new PerformanceObserver((entries, observer) => {
      if (entries.getEntriesByName("first-contentful-paint").length === 0) return;
      observer.disconnect();
      idle();
    }).observe({ type: "paint", buffered: true });
  else if (document.readyState === "complete") idle();
  else addEventListener("load", idle, { once: true });
}
