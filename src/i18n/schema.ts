/**
 * The schema every dictionary must match exactly, one per locale; each description tells translators where the string
 * appears. A string that depends on a number has one key per plural category of the locale's language, as CLDR defines
 * them and Intl.PluralRules reports them (en: _one, _other; ar: _zero, _one, _two, _few, _many, _other): i18next picks
 * the key of the category of the count, so each locale writes exactly its own categories, every one of them.
 */
import { z } from "astro/zod";
import type { Locale } from "../lib/locales.ts";

const text = (description: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? "missing, expected a text" : "expected a text") })
    .min(1, "found an empty text, expected the string")
    .describe(description);

/** Strings that do not depend on a number: the same keys in every locale. */
const fixedStrings = {
  "meta.titleTemplate": text("Browser tab title: {{page}} is the page, {{site}} the strategy."),
  skipLink: text("First link of every page, jumps over the header to the main text."),
  "languageSwitcher.label": text("Screen-reader name of the language switcher."),
  "breadcrumbs.label": text("Screen-reader name of the breadcrumb trail."),
  "breadcrumbs.home": text("First crumb of every trail: the home page of this language."),
  "home.mandate": text("Heading above the quoted mandate on the home page."),
  "home.keyFigures": text("Heading of the key figures on the home page."),
  "home.objectives": text("Heading of the list of objectives on the home page."),
  "home.allResults": text("Link from the home page to the page of all expected results."),
  "home.capabilitiesLink": text("Link from the home page to the capabilities page."),
  "figures.period": text("Label under the years the strategy covers."),
  "objective.title": text("Name of an objective: {{number}} is its number."),
  "objective.resultsHeading": text("Heading above an objective's expected results."),
  "objective.pagination": text("Screen-reader name of the previous/next objective links."),
  "objective.previous": text("Link to the previous objective: {{title}} is its name."),
  "objective.next": text("Link to the next objective: {{title}} is its name."),
  "result.title": text("Name of an expected result: {{number}} is its number, such as 2.3."),
  "results.title": text("Title of the page listing every expected result."),
  "capabilities.description": text("Meta description of the capabilities page: {{names}} lists them."),
  "notFound.title": text("Title of the page shown for an unknown address."),
  "notFound.body": text("Sentence explaining that the address leads nowhere."),
  "notFound.home": text("Link from the not-found page to the home page."),
  "notFound.results": text("Link from the not-found page to all expected results."),
  "search.title": text("Title of the search page, and its crumb."),
  "search.description": text("Meta description of the search page."),
  "search.box": text("Screen-reader name of the search box in the header of every page."),
  "search.query": text("Label of the search field on the search page."),
  "search.submit": text("Button that runs a search, in the header and on the search page."),
  "search.objective": text("Label of the search page's objective filter."),
  "search.anyObjective": text("First choice of the objective filter: no filter."),
  "search.kind": text("Label of the search page's filter by kind of text."),
  "search.anyKind": text("First choice of the kind filter: no filter."),
  "search.kind.result": text("Kind filter choice: expected results only."),
  "search.kind.objective": text("Kind filter choice: objectives only."),
  "search.kind.capability": text("Kind filter choice: capabilities only."),
  "search.kind.strategy": text("Kind filter choice: the strategy's introduction and mandate only."),
  "search.none": text("Announced when a search finds nothing: {{query}} is what was searched."),
  "search.tooCommon": text(
    "Announced instead of hits when the query holds only words nearly every text has (l', de la, the): {{query}} is it.",
  ),
  "search.elsewhere": text(
    "Shown under a search that found nothing here but did in other languages: {{links}} lists one link per language.",
  ),
  "search.loading": text("Announced while the search loads, the first time only."),
  "search.error": text("Shown when the search cannot load, before a link to all expected results."),
  "search.noScript": text("Shown when JavaScript is off, before a link to all expected results."),
  "search.allResults": text("Link from the search page to the page of all expected results."),
  "footer.source": text("Footer: where the text comes from; {{organization}} published it, {{title}} is its title."),
  "footer.translations": text("Footer: translations on the site are not official texts."),
  "landing.enter": text("Landing page: link into this language's site."),
  "untranslated.notice": text(
    "Shown above a text not yet translated into this language (live preview only): {{language}} is the language shown.",
  ),
  "editor.placeholder": z
    .string({ error: (issue) => (issue.input === undefined ? "missing, expected a text" : "expected a text") })
    .regex(/^TODO[ \u00a0]?:/, "expected a text starting with TODO:, which the content checks reject")
    .describe("Never published: what npm run new writes where the editor must write; must start with TODO:."),
  "home.fullStrategy": text("Link from the home page to the page that holds the whole strategy."),
  "home.openData": text("Heading of the open data files on the home page."),
  "home.openDataIntro": text("Sentence under that heading: what the files are for and how they are written."),
  "openData.strategyJson": text(
    "Link to the whole strategy as JSON: {{format}} is the format, {{size}} the file size.",
  ),
  "openData.strategySchema": text(
    "Link to the JSON Schema of that file: {{format}} is the format, {{size}} the file size.",
  ),
  "openData.resultsCsv": text(
    "Link to the expected results as a table: {{format}} is the format, {{size}} the file size.",
  ),
  "strategyPage.title": text("Title of the page that holds the whole strategy."),
  "strategyPage.description": text("Meta description of that page."),
  "cms.appTitle": text("CMS at /admin/: the name on its sign-in page and browser tab."),
  "cms.strategy": text("CMS: name of the strategy collection (title, introduction, mandate…)."),
  "cms.objectives": text("CMS: name of the objectives collection."),
  "cms.objectives.singular": text("CMS: one entry of the objectives collection."),
  "cms.results": text("CMS: name of the expected results collection."),
  "cms.results.singular": text("CMS: one entry of the expected results collection."),
  "cms.capabilities": text("CMS: name of the capabilities collection."),
  "cms.capabilities.singular": text("CMS: one entry of the capabilities collection."),
  "cms.strategy.organization": text("CMS field label: the strategy's publishing organization."),
  "cms.strategy.organization.hint": text("CMS field help under that field."),
  "cms.strategy.title": text("CMS field label: the strategy's title."),
  "cms.strategy.title.hint": text("CMS field help under that field."),
  "cms.strategy.subtitle": text("CMS field label: the second line of the title."),
  "cms.strategy.subtitle.hint": text("CMS field help under that field."),
  "cms.strategy.period": text("CMS field label: the years the strategy covers."),
  "cms.strategy.period.hint": text("CMS field help under that field."),
  "cms.strategy.period.start": text("CMS field label: the first year covered."),
  "cms.strategy.period.end": text("CMS field label: the last year covered."),
  "cms.strategy.memberCountries": text("CMS field label: the number of member countries."),
  "cms.strategy.memberCountries.hint": text("CMS field help under that field."),
  "cms.strategy.mandate": text("CMS field label: the mandate."),
  "cms.strategy.mandate.hint": text("CMS field help under that field."),
  "cms.strategy.capabilitiesTitle": text("CMS field label: the heading of the capabilities diagram."),
  "cms.strategy.body": text("CMS field label: the strategy's introduction text."),
  "cms.objectives.number": text("CMS field label: an objective's number."),
  "cms.objectives.number.hint": text("CMS field help under that field."),
  "cms.objectives.body": text("CMS field label: an objective's statement."),
  "cms.results.objective": text("CMS field label: the objective a result belongs to."),
  "cms.results.objective.hint": text("CMS field help under that field."),
  "cms.results.order": text("CMS field label: a result's position under its objective."),
  "cms.results.order.hint": text("CMS field help under that field."),
  "cms.results.body": text("CMS field label: a result's text."),
  "cms.capabilities.name": text("CMS field label: a capability's name."),
  "cms.capabilities.name.hint": text("CMS field help under that field."),
  "cms.capabilities.order": text("CMS field label: a capability's position in the diagram."),
  "cms.capabilities.order.hint": text("CMS field help under that field."),
  "cms.capabilities.slug.hint": text("CMS: help for the file name of a new capability."),
  "cms.capabilities.slug.pattern": text("CMS: message when that file name is not lower case with hyphens."),
  "cms.editorialNote": text("CMS field label: the note for editors."),
  "cms.editorialNote.hint": text("CMS field help under that field."),
  "cms.translatedFrom": text("CMS field label: the language a translation was made from."),
  "cms.translatedFrom.hint": text("CMS field help under that field."),
  "cms.sourceHash": text("CMS field label: the translation status of this language's text."),
  "cms.sourceHash.hint": text("CMS field help under that field."),
  "cms.status.original": text("CMS translation status: this text is the original."),
  "cms.status.translated": text("CMS translation status: this translation matches its original."),
  "cms.status.outdated": text("CMS translation status: the original changed since this was translated."),
  "cms.status.toWrite": text("CMS translation status: the text is still a TODO: placeholder or empty."),
  "cms.status.markUpToDate": text("CMS button: records that this translation matches its original as it is now."),
  "cms.status.outdatedHelp": text("CMS: shown beside an outdated translation, before the button."),
  "cms.status.translations": text("CMS: heading of the list of translations, shown on an original."),
  "cms.file": text("CMS field label: the file an entry is saved in."),
  "cms.file.hint": text("CMS field help under that field."),
  "cms.file.readOnly": text(
    "CMS: a file the editor cannot save without changing other lines; {{file}} is its path, {{line}} the line, {{before}} what it holds, {{after}} what saving would write.",
  ),
  "cms.file.refused": text("CMS: why saving is refused when a file of the entry cannot be edited here."),
  "cms.file.emptyLine": text("CMS: stands for an empty line in the read-only message."),
  "cms.callout": text("CMS: name of the Callout component in the editor's Insert menu."),
  "cms.callout.title": text("CMS: the Callout's title field."),
  "cms.callout.text": text("CMS: the Callout's text field."),
  "cms.keyFigure": text("CMS: name of the KeyFigure component in the editor's Insert menu."),
  "cms.keyFigure.value": text("CMS: the KeyFigure's figure field."),
  "cms.keyFigure.label": text("CMS: the KeyFigure's label field."),
  "cms.noScript": text("CMS page without JavaScript: what to do."),
  "preview.problems.intro": text("Live preview only: what the page is and what to do."),
  "preview.problems.field": text("Live preview only: before the name of the frontmatter field at fault."),
  "preview.problems.found": text("Live preview only: label of what the check found."),
  "preview.problems.expected": text("Live preview only: label of what the check expected instead."),
};

/** Strings that depend on a number, without their plural suffix: what each one is, and where it appears. */
const pluralStrings = {
  "figures.memberCountries": "Label under the member-country figure",
  "figures.objectives": "Label under the number of objectives",
  "figures.results": "Label under the number of expected results",
  "figures.capabilities": "Label under the number of capabilities",
  "objective.resultCount": "How many expected results an objective has, {{count}}",
  "results.description": "Meta description of the page listing every expected result, {{count}} of them",
  "search.count": "Announced after a search: {{count}} hits for {{query}}",
  "preview.problems.title":
    "Live preview only: title of the page shown in place of every page while the content has {{count}} problems",
  "search.elsewhereCount":
    "One link of search.elsewhere: {{count}} hits for the same query in {{language}}, the other language's name in this one",
} as const;

export type PluralCategory = Intl.LDMLPluralRule;
type PluralBase = keyof typeof pluralStrings;
type PluralKey = `${PluralBase}_${PluralCategory}`;

/** The plural categories of a locale's language, as the CLDR data of the running Node gives them; "other" is always one. */
export function pluralCategories(locale: Locale): PluralCategory[] {
  return new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
}

/** Whole numbers a category covers, for translators: 3, 4, 5… for Arabic "few"; none for a category of fractions only. */
function sampleCounts(locale: Locale, category: PluralCategory): number[] {
  const rules = new Intl.PluralRules(locale);
  const candidates = [...Array.from({ length: 1001 }, (_, n) => n), 1_000_000, 2_000_000];
  return candidates.filter((n) => rules.select(n) === category).slice(0, 4);
}

function categoryNote(locale: Locale, category: PluralCategory): string {
  const samples = sampleCounts(locale, category);
  const counts = samples.length > 0 ? `counts such as ${samples.join(", ")}` : "fractional counts";
  return `the form for ${counts} (plural category "${category}" of ${locale})`;
}

/** The dictionary of one locale: every fixed key, and each plural key once per plural category of its language. */
export function dictionarySchema(locale: Locale) {
  const plural = Object.fromEntries(
    Object.entries(pluralStrings).flatMap(([base, what]) =>
      pluralCategories(locale).map((category) => {
        const note = categoryNote(locale, category);
        const schema = z
          .string({ error: (issue) => (issue.input === undefined ? `missing, expected ${note}` : `expected ${note}`) })
          .min(1, `found an empty text, expected ${note}`)
          .describe(`${what}; ${note}.`);
        return [`${base}_${category}`, schema];
      }),
    ),
  );
  // The plural keys differ from one locale to the next, so their type is Dictionary's, not zod's inference.
  return z.strictObject({ ...fixedStrings, ...plural }) as unknown as z.ZodType<Dictionary>;
}

/** Each problem of a dictionary as `"key": what is wrong`, one per key, an unknown key explained when it is plural. */
export function dictionaryProblems(locale: Locale, error: z.ZodError): string[] {
  const categories = pluralCategories(locale);
  const suffixes = categories.map((c) => `_${c}`).join(", ");
  const unknown = (key: string) => {
    const base = Object.keys(pluralStrings).find((b) => key === b || key.startsWith(`${b}_`));
    if (base === undefined) return `"${key}": not a key of the dictionary schema (src/i18n/schema.ts)`;
    if (key === base) return `"${key}": expected one key per plural category of ${locale} instead (${suffixes})`;
    return `"${key}": ${locale} has no plural category "${key.slice(base.length + 1)}", expected only ${suffixes} (the categories Intl.PluralRules("${locale}") reports)`;
  };
  return error.issues.flatMap((issue) =>
    issue.code === "unrecognized_keys" ? issue.keys.map(unknown) : [`"${issue.path.join(".")}": ${issue.message}`],
  );
}

type FixedKey = keyof typeof fixedStrings;

/** A locale's dictionary: the fixed keys, and the plural keys of its categories ("_other" is in every language). */
export type Dictionary = Record<FixedKey, string> &
  Record<`${PluralBase}_other`, string> &
  Partial<Record<PluralKey, string>>;
export type UiKey = keyof Dictionary;
/** Keys without their plural suffix, as t() takes them. */
export type UiStringKey = FixedKey | PluralBase;
