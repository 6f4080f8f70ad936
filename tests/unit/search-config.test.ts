import { describe, expect, it } from "vitest";
import { loadDictionaries } from "../../src/i18n";
import { localeCodes } from "../../src/lib/locales";
import { scriptJson, searchConfig } from "../../src/site/search-config";

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
      for (const template of [...Object.values(strings.count), strings.none])
        expect(template, locale).toMatch(/\u2068\{\{query\}\}\u2069/);
      expect(words, locale).toHaveProperty("proclitics");
    }
  });
});
