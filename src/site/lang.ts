/** The attributes of an element that holds text of one locale, wherever it sits: the page, a landing block, a fallback. */
import { getLocale, hasItalics, type Locale } from "../lib/locales.ts";

export interface LangAttributes {
  lang: Locale;
  dir: "ltr" | "rtl";
  /** "upright" for a script without italics (site.css then slants nothing inside it). */
  class?: string;
}

export function langAttributes(locale: Locale): LangAttributes {
  return { lang: locale, dir: getLocale(locale).dir, ...(hasItalics(locale) ? {} : { class: "upright" }) };
}
