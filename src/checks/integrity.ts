/** Checks that hold across entries (the zod schemas check each entry alone), with messages editors can act on. */
import { localeOfId, nameOfId, pathInLocale } from "../lib/entry-ids.ts";
import type { Locale } from "../lib/locales.ts";
import type { Collections } from "../lib/strategy.ts";
import { referencedObjective } from "../lib/strategy.ts";
import type { Problem } from "../lib/problem.ts";

type AnyEntry = { id: string; filePath?: string };
const fileOf = (entry: AnyEntry, collection: string) => entry.filePath ?? `content/${collection}/${entry.id}`;

const missingEntry = "no such file, while";

/** Whether a problem is an entry missing in a locale: the live preview shows its original instead (fallback.ts). */
export function isMissingEntry(problem: Problem): boolean {
  return problem.found.startsWith(missingEntry);
}

function parityProblems(collection: string, entries: AnyEntry[], locales: readonly Locale[]): Problem[] {
  const problems: Problem[] = [];
  // Per file name, its first entry (named in the message) and the locales that have it.
  const names = new Map<string, { first: AnyEntry; present: Set<string> }>();
  for (const entry of entries) {
    const group = names.get(nameOfId(entry.id)) ?? { first: entry, present: new Set<string>() };
    group.present.add(localeOfId(entry.id));
    names.set(nameOfId(entry.id), group);
  }
  for (const { first, present } of names.values()) {
    for (const locale of locales) {
      if (present.has(locale)) continue;
      problems.push({
        file: pathInLocale(first, collection, locale),
        found: `${missingEntry} ${fileOf(first, collection)} exists`,
        expected: `the same entry in every locale (${locales.join(", ")}), with the same file name`,
      });
    }
  }
  return problems;
}

function duplicates<E extends AnyEntry>(
  collection: string,
  entries: E[],
  key: (entry: E) => string,
  field: string,
  describe: (entry: E) => string,
): Problem[] {
  const seen = new Map<string, E>();
  const problems: Problem[] = [];
  for (const entry of entries) {
    const k = `${localeOfId(entry.id)}|${key(entry)}`;
    const first = seen.get(k);
    if (first)
      problems.push({
        file: fileOf(entry, collection),
        field,
        found: `${describe(entry)}, already used by ${fileOf(first, collection)}`,
        expected: "a number used by no other entry of this locale",
      });
    else seen.set(k, entry);
  }
  return problems;
}

function mismatchAcrossLocales<E extends AnyEntry>(
  collection: string,
  entries: E[],
  field: string,
  value: (entry: E) => string,
): Problem[] {
  const byName = new Map<string, E>();
  const problems: Problem[] = [];
  for (const entry of entries) {
    const first = byName.get(nameOfId(entry.id));
    if (!first) byName.set(nameOfId(entry.id), entry);
    else if (value(first) !== value(entry))
      problems.push({
        file: fileOf(entry, collection),
        field,
        found: value(entry),
        expected: `${value(first)}, as in ${fileOf(first, collection)}: translations share their numbers`,
      });
  }
  return problems;
}

export function findContentProblems(collections: Collections, locales: readonly Locale[]): Problem[] {
  const { strategy, objectives, results, capabilities } = collections;
  const objectiveIds = new Set(objectives.map((o) => `${localeOfId(o.id)}/${o.data.number}`));
  const problems: Problem[] = [
    ...parityProblems("strategy", strategy, locales),
    ...parityProblems("objectives", objectives, locales),
    ...parityProblems("results", results, locales),
    ...parityProblems("capabilities", capabilities, locales),
  ];
  for (const locale of locales) {
    const count = strategy.filter((s) => localeOfId(s.id) === locale).length;
    if (count !== 1)
      problems.push({
        file: `content/strategy/${locale}/`,
        found: `${count} entries`,
        expected: "exactly one file describing the strategy",
      });
  }
  for (const result of results) {
    const objective = referencedObjective(result);
    if (!objectiveIds.has(`${localeOfId(result.id)}/${objective}`))
      problems.push({
        file: fileOf(result, "results"),
        field: "objective",
        found: String(objective),
        expected: `the number of an existing objective in content/objectives/${localeOfId(result.id)}/ (${[
          ...objectiveIds,
        ]
          .filter((id) => id.startsWith(`${localeOfId(result.id)}/`))
          .map((id) => id.split("/")[1])
          .join(", ")})`,
      });
  }
  problems.push(
    ...duplicates(
      "objectives",
      objectives,
      (o) => String(o.data.number),
      "number",
      (o) => `${o.data.number}`,
    ),
    ...duplicates(
      "results",
      results,
      (r) => `${referencedObjective(r)}.${r.data.order}`,
      "order",
      (r) => `${r.data.order} under objective ${referencedObjective(r)}`,
    ),
    ...duplicates(
      "capabilities",
      capabilities,
      (c) => String(c.data.order),
      "order",
      (c) => `${c.data.order}`,
    ),
    ...mismatchAcrossLocales("objectives", objectives, "number", (o) => String(o.data.number)),
    ...mismatchAcrossLocales("results", results, "objective", (r) => String(referencedObjective(r))),
    ...mismatchAcrossLocales("results", results, "order", (r) => String(r.data.order)),
    ...mismatchAcrossLocales("capabilities", capabilities, "order", (c) => String(c.data.order)),
  );
  return problems;
}
