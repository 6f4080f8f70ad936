import { describe, expect, it } from "vitest";
import { loadDictionaries, useMessageParts, useTranslations } from "../../src/i18n";
import { pluralCategories, type PluralCategory } from "../../src/i18n/schema";
import { localeCodes, type Locale } from "../../src/lib/locales";

/** The real dictionaries, keyed as loadDictionaries() finds them ("./fr.json"). */
const files = Object.fromEntries(
  Object.entries(
    import.meta.glob<Record<string, string>>("../../src/i18n/*.json", { eager: true, import: "default" }),
  ).map(([file, dictionary]) => [file.replace(/^.*\//, "./"), dictionary]),
);
const dictionaryOf = (locale: Locale) => ({ ...files[`./${locale}.json`]! });
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const allCategories: PluralCategory[] = ["zero", "one", "two", "few", "many", "other"];
const [first, second] = localeCodes as [Locale, Locale, ...Locale[]];

describe("UI strings", () => {
  it("has a valid dictionary for every declared locale", () => {
    expect(Object.keys(loadDictionaries()).sort()).toEqual([...localeCodes].sort());
  });

  it("names the key when one is missing from a locale", () => {
    const incomplete = dictionaryOf(first);
    delete incomplete["breadcrumbs.home"];
    expect(() => loadDictionaries({ ...files, [`./${first}.json`]: incomplete })).toThrow(
      new RegExp(`src/i18n/${first}\\.json: .*"breadcrumbs\\.home": missing`),
    );
  });

  it("names the key when a locale has one the schema does not know", () => {
    expect(() =>
      loadDictionaries({ ...files, [`./${second}.json`]: { ...dictionaryOf(second), "home.typo": "x" } }),
    ).toThrow(new RegExp(`src/i18n/${second}\\.json: .*"home\\.typo": not a key`));
  });

  it("names the missing dictionary file", () => {
    const others = Object.fromEntries(Object.entries(files).filter(([file]) => file !== `./${second}.json`));
    expect(() => loadDictionaries(others)).toThrow(new RegExp(`src/i18n/${second}\\.json: missing`));
  });

  describe.each(localeCodes)("the plural keys of %s", (locale) => {
    const categories = pluralCategories(locale);
    const file = escape(`src/i18n/${locale}.json`);

    it("are exactly the plural categories Intl.PluralRules reports for the language", () => {
      const suffixes = Object.keys(dictionaryOf(locale))
        .filter((key) => key.startsWith("search.count_"))
        .map((key) => key.slice("search.count_".length));
      expect(suffixes.sort()).toEqual([...categories].sort());
    });

    it.each(categories)("require _%s, naming the file and the key when it is missing", (category) => {
      const incomplete = dictionaryOf(locale);
      delete incomplete[`objective.resultCount_${category}`];
      expect(() => loadDictionaries({ ...files, [`./${locale}.json`]: incomplete })).toThrow(
        new RegExp(`${file}: .*"objective\\.resultCount_${category}": missing, expected the form for .*"${category}"`),
      );
    });

    // A CLDR category the language lacks, or, for a language that has all six, a suffix no language has.
    const foreign = allCategories.find((c) => !categories.includes(c)) ?? "plural";
    it(`refuse _${foreign}, a category the language does not have, naming the file and the key`, () => {
      const key = `figures.results_${foreign}`;
      expect(() =>
        loadDictionaries({ ...files, [`./${locale}.json`]: { ...dictionaryOf(locale), [key]: "x" } }),
      ).toThrow(new RegExp(`${file}: .*"${escape(key)}": ${locale} has no plural category "${foreign}"`));
    });

    it("refuse a plural key without its suffix", () => {
      expect(() =>
        loadDictionaries({ ...files, [`./${locale}.json`]: { ...dictionaryOf(locale), "search.count": "x" } }),
      ).toThrow(new RegExp(`${file}: .*"search\\.count": expected one key per plural category`));
    });
  });

  it("translates with interpolation and plural rules of each language", () => {
    expect(useTranslations("fr")("objective.resultCount", { count: 1 })).toBe("1 résultat escompté");
    expect(useTranslations("fr")("objective.resultCount", { count: 4 })).toBe("4 résultats escomptés");
    expect(useTranslations("fr")("objective.resultCount", { count: 1_000_000 })).toBe("1000000 de résultats escomptés");
    expect(useTranslations("en")("objective.resultCount", { count: 1 })).toBe("1 expected result");
    expect(useTranslations("en")("result.title", { number: "2.3" })).toBe("Expected result 2.3");
    expect(useTranslations("es")("objective.resultCount", { count: 3 })).toBe("3 resultados esperados");
  });

  it("says each Arabic count with the form of its category", () => {
    const t = useTranslations("ar");
    const counts = [0, 1, 2, 4, 13, 195, 100].map((count) => t("figures.memberCountries", { count }));
    expect(counts).toEqual(["بلد عضو", "بلد عضو", "بلدان عضوان", "بلدان أعضاء", "بلدًا عضوًا", "بلدًا عضوًا", "بلد عضو"]);
    expect(t("objective.resultCount", { count: 2 })).toBe("نتيجتان متوقعتان");
    expect(t("objective.resultCount", { count: 4 })).toBe("4 نتائج متوقعة");
    expect(t("objective.resultCount", { count: 13 })).toBe("13 نتيجة متوقعة");
  });

  it("cuts a message where its values go, in the plural form of the count, so pages can isolate each value", () => {
    for (const locale of localeCodes) {
      const parts = useMessageParts(locale)("objective.resultCount", { count: 13 });
      expect(parts.map((p) => (typeof p === "string" ? p : `[${p.value}]`)).join(""), locale).toBe(
        useTranslations(locale)("objective.resultCount", { count: 13 }).replace("13", "[13]"),
      );
    }
    expect(useMessageParts("en")("result.title", { number: "2.3" })).toEqual(["Expected result ", { value: "2.3" }]);
    expect(useMessageParts("ar")("result.title", { number: "2.3" })).toEqual(["النتيجة المتوقعة ", { value: "2.3" }]);
  });
});
