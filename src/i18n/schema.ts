/** The one schema both dictionaries must match exactly; each description tells translators where the string appears. */
import { z } from "astro/zod";

const text = (description: string) => z.string().min(1).describe(description);

export const dictionarySchema = z.strictObject({
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
  "figures.memberCountries_one": text("Label under the member-country figure, singular."),
  "figures.memberCountries_other": text("Label under the member-country figure, plural."),
  "figures.objectives_one": text("Label under the number of objectives, singular."),
  "figures.objectives_other": text("Label under the number of objectives, plural."),
  "figures.results_one": text("Label under the number of expected results, singular."),
  "figures.results_other": text("Label under the number of expected results, plural."),
  "figures.capabilities_one": text("Label under the number of capabilities, singular."),
  "figures.capabilities_other": text("Label under the number of capabilities, plural."),
  "figures.period": text("Label under the years the strategy covers."),
  "objective.title": text("Name of an objective: {{number}} is its number."),
  "objective.resultCount_one": text("How many expected results an objective has, singular: {{count}}."),
  "objective.resultCount_other": text("How many expected results an objective has, plural: {{count}}."),
  "objective.resultsHeading": text("Heading above an objective's expected results."),
  "objective.pagination": text("Screen-reader name of the previous/next objective links."),
  "objective.previous": text("Link to the previous objective: {{title}} is its name."),
  "objective.next": text("Link to the next objective: {{title}} is its name."),
  "result.title": text("Name of an expected result: {{number}} is its number, such as 2.3."),
  "results.title": text("Title of the page listing every expected result."),
  "results.description_one": text("Meta description of that page, singular: {{count}}."),
  "results.description_other": text("Meta description of that page, plural: {{count}}."),
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
  "search.count_one": text("Announced after a search, singular: {{count}} hits for {{query}}."),
  "search.count_other": text("Announced after a search, plural: {{count}} hits for {{query}}."),
  "search.none": text("Announced when a search finds nothing: {{query}} is what was searched."),
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
    .string()
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
});

export type Dictionary = z.infer<typeof dictionarySchema>;
export type UiKey = keyof Dictionary;
/** Keys without their plural suffix, as t() takes them. */
export type UiStringKey = UiKey extends infer K ? (K extends `${infer B}_${"one" | "other"}` ? B : K) : never;
