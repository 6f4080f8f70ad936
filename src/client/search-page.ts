/**
 * The search page's behaviour, bundled for that page only: loads Pagefind on first use, searches as the visitor types,
 * keeps the query in the URL, renders the hits and announces their number through the page's status region.
 */
import { joinWords, queryWords } from "../lib/search-words.ts";
import type { SearchConfig } from "../site/search-config.ts";
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
const failure = document.querySelector<HTMLElement>("#search-error")!;
const list = document.querySelector<HTMLOListElement>("#search-hits")!;
const config = JSON.parse(document.querySelector("#search-config")!.textContent!) as SearchConfig;
const plural = new Intl.PluralRules(document.documentElement.lang);
const textFragments = "fragmentDirective" in document;

let pagefind: Promise<Pagefind> | undefined;
let ready = false;
// Loaded on first use, so the page costs nothing more until someone searches.
function loadPagefind(): Promise<Pagefind> {
  pagefind ??= (async () => {
    const url = new URL("/pagefind/pagefind.js", location.href).href;
    const module = (await import(/* @vite-ignore */ url)) as Pagefind;
    // The index is small: searching on the main thread spares the download of Pagefind's worker.
    await module.options({ excerptLength: 40, noWorker: true });
    // Starts fetching the index metadata and compiling the WebAssembly while the visitor is still typing.
    await module.init();
    ready = true;
    return module;
  })();
  return pagefind;
}

const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ""));

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

let latest = 0;
async function search(state: SearchState) {
  history.replaceState(history.state, "", `${location.pathname}${searchStateQuery(state)}`);
  const run = ++latest;
  const term = queryWords(state.q, config.words).trim();
  if (!term) {
    list.replaceChildren();
    status.textContent = "";
    return;
  }
  if (!ready) status.textContent = config.strings.loading;
  try {
    const engine = await loadPagefind();
    const response = await engine.search(term, { filters: searchFilters(state) });
    const hits = await Promise.all(response.results.slice(0, 50).map((hit) => hit.data()));
    if (run !== latest) return;
    failure.hidden = true;
    list.replaceChildren(...hits.map(hitItem));
    const count = response.results.length;
    const { count: counts, none } = config.strings;
    // A browser whose plural data lacks a category the build knew falls back on "other", which every language has.
    const template = count === 0 ? none : (counts[plural.select(count)] ?? counts.other);
    status.textContent = fill(template, { count, query: state.q });
  } catch (error) {
    if (run !== latest) return;
    pagefind = undefined;
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
  // Pagefind starts loading at the first keystroke, while the search waits for a pause in the typing.
  if (input.value.trim()) loadPagefind().catch(() => undefined);
  clearTimeout(typing);
  typing = setTimeout(() => void search(formState()), 150);
});
for (const select of [objective, kind]) select.addEventListener("change", () => void search(formState()));
form.addEventListener("submit", (event) => {
  event.preventDefault();
  clearTimeout(typing);
  void search(formState());
});

// A shared or reloaded URL shows its search straight away.
const initial = readSearchState(location.search);
input.value = initial.q;
objective.value = initial.objective;
kind.value = initial.kind;
if (initial.q) void search(formState());
