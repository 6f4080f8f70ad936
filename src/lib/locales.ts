/** The one declaration of the site's languages: config, pages, tests and scripts import it. */
import type { SearchWords } from "./search-words.ts";

/** Path segments of each kind of page, translated per locale. */
export interface LocaleSegments {
  objectives: string;
  results: string;
  capabilities: string;
  search: string;
  strategy: string;
  /** Folder of the open data files, e.g. /fr/donnees/strategie.json. */
  data: string;
}

export interface LocaleDefinition {
  /** BCP 47 code, also the first URL segment and the content folder name. */
  code: string;
  /** Name of the language in that language, as the switcher shows it. */
  label: string;
  /** Text direction, so a right-to-left locale is configuration only. */
  dir: "ltr" | "rtl";
  /** Localized URL segments, e.g. /fr/objectifs/1/. */
  segments: LocaleSegments;
  /** Prefix of a result's anchor id, e.g. #resultat-2-3. */
  resultAnchor: string;
  /**
   * Anchor ids of the home page's introduction and mandate, and the prefix of each capability's anchor on the
   * capabilities page (#capacite-innovation: the entry's file name after it), in ASCII like the URL segments.
   */
  anchors: { introduction: string; mandate: string; capability: string };
  /**
   * What search splits off a word so the word itself is found (src/lib/search-words.ts): elided words (l', qu'…) and
   * words written attached (Arabic و, ب, ال…). Empty when Pagefind's own stemmer for the language is enough.
   */
  searchWords: SearchWords;
}

export const locales = [
  {
    code: "fr",
    label: "Français",
    dir: "ltr",
    segments: {
      objectives: "objectifs",
      results: "resultats",
      capabilities: "capacites",
      search: "recherche",
      strategy: "strategie",
      data: "donnees",
    },
    resultAnchor: "resultat",
    anchors: { introduction: "introduction", mandate: "mandat", capability: "capacite" },
    searchWords: {
      elisions: ["l", "d", "j", "m", "t", "n", "s", "c", "qu", "jusqu", "lorsqu", "puisqu"],
      proclitics: [],
      stopWords: ["le", "la", "les", "un", "une", "des", "de", "du", "et", "ou", "à", "au", "aux", "en", "par", "pour"],
    },
  },
  {
    code: "en",
    label: "English",
    dir: "ltr",
    segments: {
      objectives: "objectives",
      results: "results",
      capabilities: "capabilities",
      search: "search",
      strategy: "strategy",
      data: "data",
    },
    resultAnchor: "result",
    anchors: { introduction: "introduction", mandate: "mandate", capability: "capability" },
    searchWords: {
      elisions: [],
      proclitics: [],
      stopWords: ["the", "a", "an", "of", "and", "or", "to", "in", "on", "for", "by", "with"],
    },
  },
  {
    code: "ar",
    label: "العربية",
    dir: "rtl",
    // ASCII transliterations, like every other locale's URLs: safe in e-mails, nginx rules and file names.
    segments: {
      objectives: "ahdaf",
      results: "nataij",
      capabilities: "qudurat",
      search: "bahth",
      strategy: "istiratijiya",
      data: "bayanat",
    },
    resultAnchor: "natija",
    anchors: { introduction: "muqaddima", mandate: "wilaya", capability: "qudra" },
    searchWords: {
      elisions: [],
      // The article ال with the conjunctions و ف and prepositions ب ك before it (لل is ل + ال), and ل alone: Pagefind's
      // Arabic stemmer strips some of these and not others, so "فساد" missed "والفساد". It strips و ف ب alone itself;
      // ك alone stays: more words begin with ك (كتاب, كبير) than are written with it attached.
      proclitics: ["وبال", "وكال", "فبال", "فكال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال", "ل"],
      stopWords: ["في", "من", "على", "إلى", "عن", "مع", "أو", "و", "ثم", "أن", "إن"],
    },
  },
  {
    code: "es",
    label: "Español",
    dir: "ltr",
    segments: {
      objectives: "objetivos",
      results: "resultados",
      capabilities: "capacidades",
      search: "busqueda",
      strategy: "estrategia",
      data: "datos",
    },
    resultAnchor: "resultado",
    anchors: { introduction: "introduccion", mandate: "mandato", capability: "capacidad" },
    // Pagefind's Spanish stemmer already finds "evaluación" from "evaluacion" or "evaluaciones".
    searchWords: {
      elisions: [],
      proclitics: [],
      stopWords: ["el", "la", "los", "las", "un", "una", "de", "del", "y", "o", "a", "al", "en", "por", "para", "con"],
    },
  },
] as const satisfies readonly LocaleDefinition[];

export type Locale = (typeof locales)[number]["code"];

/** The source leaflet's language; the x-default of hreflang and the landing page's own lang. */
export const defaultLocale: Locale = "fr";

export const localeCodes: Locale[] = locales.map((l) => l.code);

export function isLocale(value: string): value is Locale {
  return (localeCodes as string[]).includes(value);
}

// Scripts whose typefaces have true italics; any other (Arabic, Hebrew, Devanagari, CJK…) would only be slanted.
const italicScripts = ["Latn", "Cyrl", "Grek"];

/** Whether a locale's script has italics, from its likely script in CLDR (ar → Arab): no declaration needed. */
export function hasItalics(code: Locale): boolean {
  return italicScripts.includes(new Intl.Locale(code).maximize().script ?? "Latn");
}

export function getLocale(code: Locale): LocaleDefinition {
  const found = locales.find((l) => l.code === code);
  if (!found) throw new Error(`Unknown locale "${code}": expected one of ${localeCodes.join(", ")}`);
  return found;
}
