import { describe, expect, it } from "vitest";
import { loadDictionaries } from "../../src/i18n";
import { getLocale, localeCodes, type Locale } from "../../src/lib/locales";
import { pathFor } from "../../src/lib/routes";
import { scriptJson, searchBundle, searchConfig } from "../../src/site/search-config";

describe("the search page's configuration in its page", () => {
  it("is JSON in which no text can close the <script> element that carries it", () => {
    const value = { strings: { none: "</script><script>alert(1)</script> « {{query}} »" } };
    const json = scriptJson(value);
    expect(json).not.toMatch(/<\/?script/i);
    expect(JSON.parse(json)).toEqual(value);
  });

  it("isolates the visitor's words in every message of every locale, so they keep their own direction", () => {
    const dictionaries = loadDictionaries();
    for (const locale of localeCodes) {
      const { strings, words } = searchConfig(locale, dictionaries[locale]);
      for (const template of [...Object.values(strings.count), strings.none, strings.tooCommon])
        expect(template, locale).toMatch(/\u2068\{\{query\}\}\u2069/);
      expect(words, locale).toHaveProperty("proclitics");
    }
  });
});

describe("the other locales a search page can point to", () => {
  it("are every other locale, each named in the page's language, with its search page and its own search words", () => {
    const dictionaries = loadDictionaries();
    for (const locale of localeCodes) {
      const { others, strings } = searchConfig(locale, dictionaries[locale]);
      expect(others.map((o) => o.code)).toEqual(localeCodes.filter((code) => code !== locale));
      for (const other of others) {
        expect(other.name).toBe(new Intl.DisplayNames([locale], { type: "language" }).of(other.code));
        expect(other.name).not.toBe(other.code);
        expect(other.searchPath).toBe(pathFor(other.code as Locale, { kind: "search" }));
        expect(other.words).toEqual(getLocale(other.code as Locale).searchWords);
      }
      expect(strings.elsewhere, locale).toContain("{{links}}");
      for (const template of Object.values(strings.elsewhereCount))
        expect(template, locale).toMatch(/\{\{language\}\}/);
    }
  });
});

describe("a locale's Pagefind files, for the page to fetch side by side", () => {
  const entry = JSON.stringify({
    version: "1.6.0",
    languages: { fr: { hash: "fr_abc", wasm: "fr", page_count: 25 }, he: { hash: "he_def", wasm: null } },
  });

  it("lists what Pagefind reads as it starts, under URLs it will ask for, and the locale's few chunks and fragments", () => {
    const bundle = searchBundle(entry, "fr", ["fr_1.pf_index", "he_2.pf_index"], ["fr_g.pf_fragment"], "t4g");
    expect(bundle).toEqual({
      tag: "t4g",
      start: [
        "/pagefind/pagefind-entry.json?ts=t4g",
        "/pagefind/pagefind.fr_abc.pf_meta",
        "/pagefind/wasm.fr.pagefind",
      ],
      search: ["/pagefind/index/fr_1.pf_index", "/pagefind/fragment/fr_g.pf_fragment"],
    });
    expect(searchBundle(entry, "he", [], [], "t")!.start).toContain("/pagefind/wasm.unknown.pagefind");
    expect(searchBundle(entry, "es", [], [], "t")).toBeUndefined();
  });

  it("leaves the chunks and fragments of a large index to the search that needs them", () => {
    const many = Array.from({ length: 9 }, (_, i) => `fr_${i}.pf_index`);
    expect(searchBundle(entry, "fr", many, ["fr_g.pf_fragment"], "t")!.search).toEqual([]);
  });
});
