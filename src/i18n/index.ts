/** UI strings through i18next: one dictionary per declared locale, each checked against its locale's schema. */
import i18next from "i18next";
import { localeCodes, type Locale } from "../lib/locales";
import { dictionaryProblems, dictionarySchema, type Dictionary, type UiStringKey } from "./schema";

const files = import.meta.glob<Dictionary>("./*.json", { eager: true, import: "default" });

/**
 * Each locale's dictionary, validated against that locale's schema (its plural keys are its language's plural
 * categories); a missing file, a missing or unknown key stops the build with the file and the key.
 */
export function loadDictionaries(source: Record<string, unknown> = files): Record<Locale, Dictionary> {
  const dictionaries = {} as Record<Locale, Dictionary>;
  for (const locale of localeCodes) {
    const file = `./${locale}.json`;
    if (!(file in source)) throw new Error(`src/i18n/${locale}.json: missing; expected one dictionary per locale.`);
    const parsed = dictionarySchema(locale).safeParse(source[file]);
    if (!parsed.success)
      throw new Error(`src/i18n/${locale}.json: ${dictionaryProblems(locale, parsed.error).join("; ")}`);
    dictionaries[locale] = parsed.data;
  }
  return dictionaries;
}

const instance = i18next.createInstance();
void instance.init({
  resources: Object.fromEntries(
    Object.entries(loadDictionaries()).map(([locale, translation]) => [locale, { translation }]),
  ),
  lng: localeCodes[0],
  fallbackLng: false,
  keySeparator: false,
  nsSeparator: false,
  interpolation: { escapeValue: false },
  initAsync: false,
});

export type Translate = (key: UiStringKey, options?: Record<string, unknown>) => string;

/** The t() of one locale; Astro escapes the output, so i18next does not. */
export function useTranslations(locale: Locale): Translate {
  // i18next's own key typing knows nothing of our schema; UiStringKey already restricts the keys.
  const t = instance.getFixedT(locale) as unknown as (key: string, options?: Record<string, unknown>) => string;
  return (key, options) => t(key, options);
}

/** A message cut where its values go: text as strings, each value apart so a page can isolate its direction. */
export type MessagePart = string | { value: string };

/**
 * The parts of a message of one locale: "Expected result {{number}}" gives ["Expected result ", { value: "2.3" }].
 * The plural form is chosen by `count` as t() chooses it; every value, the count included, comes out as its own part.
 */
export function useMessageParts(locale: Locale) {
  const t = instance.getFixedT(locale) as unknown as (key: string, options?: Record<string, unknown>) => string;
  return (key: UiStringKey, values: Record<string, string | number> = {}): MessagePart[] => {
    const template = t(key, { ...values, skipInterpolation: true });
    return template
      .split(/\{\{(\w+)\}\}/)
      .map((piece, i) => (i % 2 === 0 ? piece : { value: String(values[piece] ?? "") }))
      .filter((part) => part !== "");
  };
}
