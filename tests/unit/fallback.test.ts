import { describe, expect, it } from "vitest";
import type { Locale } from "../../src/lib/locales";
import { describeFallbacks, fallbackLocale, languageName, withFallbacks } from "../../src/site/fallback";

const entry = (id: string, data: Record<string, unknown> = {}) => ({ id, filePath: `content/results/${id}.mdx`, data });

describe("previewing an entry missing in a locale", () => {
  const filled = withFallbacks(
    {
      strategy: [entry("fr/strategy"), entry("en/strategy", { translatedFrom: "fr" })],
      objectives: [],
      results: [entry("en/2-5", { translatedFrom: "fr" }), entry("fr/2-5"), entry("fr/2-6")],
      capabilities: [],
    },
    // A third locale, as if one were being added: fallback must not assume two.
    ["fr", "en", "es"] as Locale[],
  );

  it("fills each missing translation with its original, marked with the original's language", () => {
    expect(filled.results.map((e) => [e.id, fallbackLocale(e)])).toEqual([
      ["en/2-5", undefined],
      ["fr/2-5", undefined],
      ["fr/2-6", undefined],
      ["es/2-5", "fr"],
      ["en/2-6", "fr"],
      ["es/2-6", "fr"],
    ]);
    expect(filled.results.find((e) => e.id === "es/2-5")?.filePath).toBe("content/results/fr/2-5.mdx");
  });

  it("says which files are missing, for the dev server's log", () => {
    expect(describeFallbacks(filled)).toContain(
      "content/results/en/2-6.mdx is missing: showing its fr text, marked as untranslated",
    );
  });

  it("names the text's language in the page's language", () => {
    expect(languageName("en", "fr")).toBe("French");
    expect(languageName("fr", "en")).toBe("anglais");
  });
});
