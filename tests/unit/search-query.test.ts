import { describe, expect, it } from "vitest";
import { getLocale, localeCodes } from "../../src/lib/locales";
import { cleanQuery, shownQuery, shownQueryLength } from "../../src/lib/search-query";
import { onlyStopWords } from "../../src/lib/search-words";

describe("a query as search runs it", () => {
  it("loses invisible characters: zero-width spaces, joiners, marks, overrides and isolates", () => {
    expect(cleanQuery("évalu\u200Bation")).toBe("évaluation");
    expect(cleanQuery("\u202Eevila\u202C \u2066x\u2069\uFEFF\u00AD\u2060\u200E\u061C")).toBe("evila x");
    // The non-joiner and the joiner spell words in Persian and Indic scripts.
    expect(cleanQuery("می\u200Cخواهم")).toBe("می\u200Cخواهم");
  });

  it("is composed canonically and has its spaces collapsed", () => {
    expect(cleanQuery("  e\u0301valuation \n comparative ")).toBe("évaluation comparative");
  });
});

describe("a query as the status line says it back", () => {
  it("is whole when short, and cut at a word with an ellipsis when long", () => {
    expect(shownQuery("évaluation", "fr")).toBe("évaluation");
    const long = "coopération policière ".repeat(250);
    const shown = shownQuery(long, "fr");
    expect(long.length).toBeGreaterThan(5000);
    expect(shown.endsWith("…")).toBe(true);
    expect([...shown].length).toBeLessThanOrEqual(shownQueryLength + 1);
    expect(
      shown
        .slice(0, -1)
        .trim()
        .split(" ")
        .every((w) => ["coopération", "policière"].includes(w)),
    ).toBe(true);
  });

  it("never cuts inside a user-perceived character", () => {
    const flags = "🇫🇷".repeat(100);
    const shown = shownQuery(flags, "fr", 10);
    expect(shown).toBe(`${"🇫🇷".repeat(10)}…`);
  });

  it("carries no direction override", () => {
    expect(shownQuery("\u202Eabc", "ar")).toBe("abc");
  });
});

describe("a query of common words only", () => {
  it("is a lone elided article, proclitic or stop word, in any locale that declares them", () => {
    const fr = getLocale("fr").searchWords;
    for (const query of ["l’", "l'", "L’", "de la", "d’", "des"]) expect(onlyStopWords(query, fr), query).toBe(true);
    for (const query of ["l’évaluation", "menace", "de la menace", "!!!", ""])
      expect(onlyStopWords(query, fr), query).toBe(false);
    expect(onlyStopWords("وال", getLocale("ar").searchWords)).toBe(true);
    expect(onlyStopWords("the of", getLocale("en").searchWords)).toBe(true);
  });

  it("has stop words declared in every locale, lower-case", () => {
    for (const locale of localeCodes) {
      const { stopWords } = getLocale(locale).searchWords;
      expect(stopWords.length, locale).toBeGreaterThan(3);
      for (const word of stopWords) expect(word).toBe(word.toLocaleLowerCase(locale));
    }
  });
});
