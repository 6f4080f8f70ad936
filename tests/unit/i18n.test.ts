import { describe, expect, it } from "vitest";
import en from "../../src/i18n/en.json";
import fr from "../../src/i18n/fr.json";
import { loadDictionaries, useTranslations } from "../../src/i18n";
import { localeCodes } from "../../src/lib/locales";

describe("UI strings", () => {
  it("has a valid dictionary for every declared locale", () => {
    expect(Object.keys(loadDictionaries()).sort()).toEqual([...localeCodes].sort());
  });

  it("names the key when one is missing from a locale", () => {
    const incomplete: Record<string, string> = { ...fr };
    delete incomplete["breadcrumbs.home"];
    expect(() => loadDictionaries({ "./fr.json": incomplete, "./en.json": en })).toThrow(
      /src\/i18n\/fr\.json: .*"breadcrumbs\.home"/,
    );
  });

  it("names the key when a locale has one the schema does not know", () => {
    expect(() => loadDictionaries({ "./fr.json": fr, "./en.json": { ...en, "home.typo": "x" } })).toThrow(
      /src\/i18n\/en\.json: .*home\.typo/,
    );
  });

  it("names the missing dictionary file", () => {
    expect(() => loadDictionaries({ "./fr.json": fr })).toThrow(/src\/i18n\/en\.json: missing/);
  });

  it("translates with interpolation and plural rules of each language", () => {
    expect(useTranslations("fr")("objective.resultCount", { count: 1 })).toBe("1 résultat escompté");
    expect(useTranslations("fr")("objective.resultCount", { count: 4 })).toBe("4 résultats escomptés");
    expect(useTranslations("en")("objective.resultCount", { count: 1 })).toBe("1 expected result");
    expect(useTranslations("en")("result.title", { number: "2.3" })).toBe("Expected result 2.3");
  });
});
