/**
 * Ids written in content must be unique on every page that shows them together: all the entries of a locale share
 * its full-strategy page, and the strategy entries of every locale share the landing page.
 */
import type { AuthorId } from "./body-checks.ts";
import type { LocalizedFile } from "./content-files.ts";
import type { Problem } from "../lib/problem.ts";

/** The pages an entry's text appears on together with other entries', named for messages. */
function sharedPages(file: LocalizedFile): string[] {
  return [
    `the full-strategy page of "${file.locale}"`,
    ...(file.collection === "strategy" ? ["the landing page /"] : []),
  ];
}

/** A problem for each id given a second time on a page, naming where it was given first. */
export function sharedIdProblems(reports: { file: LocalizedFile; ids: AuthorId[] }[]): Problem[] {
  const first = new Map<string, AuthorId>();
  const problems: Problem[] = [];
  for (const { file, ids } of reports)
    for (const given of ids)
      for (const page of sharedPages(file)) {
        const earlier = first.get(`${page}\n${given.id}`);
        if (!earlier) {
          first.set(`${page}\n${given.id}`, given);
          continue;
        }
        problems.push({
          file: given.where,
          found: `the id "${given.id}", already given at ${earlier.where}, which ${page} shows too`,
          expected: "another id (or, for a heading, other words): two elements of a page may not share an id",
        });
        break;
      }
  return problems;
}
