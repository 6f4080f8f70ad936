/**
 * The ids the site's own pages give their elements, so that no id written in content (an id= attribute, or the id a
 * Markdown heading gets) can take one: the skip link's target, the search form's fields, each objective's heading,
 * each result's and capability's anchor, and the introduction's and mandate's. tests/build/page-ids.test.ts fails when a view adds an id this list does not know.
 */
import { locales } from "./locales.ts";

/** Ids written by the layouts and views, once per page at most. */
const layoutIds = new Set([
  "main",
  "site-search-q",
  "search-form",
  "search-q",
  "search-objective",
  "search-kind",
  "search-status",
  "search-elsewhere",
  "search-error",
  "search-hits",
  "search-config",
  "capabilities-title",
]);

/** Ids that follow a pattern or a locale: objective headings, the landing page's sections, anchors in every locale. */
const patterns: [RegExp, string][] = [
  [/^objective-\d+$/, "an objective's heading"],
  [/^landing-/, "a section of the landing page"],
  ...locales.map(({ resultAnchor }): [RegExp, string] => [
    new RegExp(`^${resultAnchor}-\\d+-\\d+$`),
    "an expected result's anchor",
  ]),
  ...locales.flatMap(({ anchors }): [RegExp, string][] => [
    [new RegExp(`^${anchors.capability}-`), "a capability's anchor"],
    [new RegExp(`^${anchors.introduction}$`), "the introduction's anchor"],
    [new RegExp(`^${anchors.mandate}$`), "the mandate's anchor"],
  ]),
];

/** What the site uses an id for, or undefined when content may use it. */
export function reservedId(id: string): string | undefined {
  if (layoutIds.has(id)) return id === "main" ? "the main text, which the skip link leads to" : "the page's own layout";
  return patterns.find(([pattern]) => pattern.test(id))?.[1];
}
