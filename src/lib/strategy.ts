/** The strategy of one locale as pages need it: objectives in order, each with its numbered results. */
import { localeOfId } from "./entry-ids.ts";
import type { Locale } from "./locales.ts";
import { resultAnchor, resultNumber, resultPath } from "./routes.ts";

/** The part of an Astro content entry this module reads; the entry itself is passed through untouched. */
export interface EntryLike<D> {
  id: string;
  data: D;
  body?: string;
  filePath?: string;
}

export type StrategyEntry = EntryLike<{ memberCountries: number }>;
export type ObjectiveEntry = EntryLike<{ number: number }>;
export type ResultEntry = EntryLike<{ objective: { id: string }; order: number }>;
export type CapabilityEntry = EntryLike<{ order: number }>;

/** The four collections as lists of entries: Astro's entries on the site, files read from disk in the checks. */
export interface Collections {
  strategy: StrategyEntry[];
  objectives: ObjectiveEntry[];
  results: ResultEntry[];
  capabilities: CapabilityEntry[];
}

export interface ResultModel<R> {
  entry: R;
  objective: number;
  order: number;
  /** Display number, e.g. "2.3". */
  number: string;
  /** Anchor id on the objective page, e.g. "resultat-2-3". */
  anchor: string;
  /** Root-relative permalink, e.g. "/fr/objectifs/2/#resultat-2-3". */
  path: string;
}

export interface ObjectiveModel<O, R> {
  entry: O;
  number: number;
  results: ResultModel<R>[];
}

/** One locale's strategy; entries keep the type the caller gave (Astro's own entries on the site). */
export interface StrategyModel<C extends Collections = Collections> {
  locale: Locale;
  strategy: C["strategy"][number];
  objectives: ObjectiveModel<C["objectives"][number], C["results"][number]>[];
  capabilities: C["capabilities"];
  resultCount: number;
}

/** Number of the objective a result points to, from its qualified reference id "fr/2". */
export function referencedObjective(result: ResultEntry): number {
  return Number(result.data.objective.id.split("/").pop());
}

const inLocale = (locale: string) => (entry: { id: string }) => localeOfId(entry.id) === locale;

/** Groups one locale's entries into the strategy; assumes findContentProblems found nothing. */
export function buildStrategy<C extends Collections>(locale: Locale, collections: C): StrategyModel<C> {
  type R = C["results"][number];
  type O = C["objectives"][number];
  const all: { strategy: C["strategy"][number][]; objectives: O[]; results: R[]; capabilities: C["capabilities"] } =
    collections;
  const strategy = all.strategy.find(inLocale(locale));
  if (!strategy) throw new Error(`No strategy entry for locale "${locale}": expected content/strategy/${locale}/.`);
  // Grouped once rather than filtered per objective: with thousands of objectives the filter was quadratic.
  const resultsByObjective = new Map<number, R[]>();
  for (const result of all.results.filter(inLocale(locale))) {
    const number = referencedObjective(result);
    const group = resultsByObjective.get(number);
    if (group) group.push(result);
    else resultsByObjective.set(number, [result]);
  }
  const objectives = all.objectives
    .filter(inLocale(locale))
    .sort((a, b) => a.data.number - b.data.number)
    .map((entry) => ({
      entry,
      number: entry.data.number,
      results: (resultsByObjective.get(entry.data.number) ?? [])
        .sort((a, b) => a.data.order - b.data.order)
        .map((result) => {
          const { order } = result.data;
          const objective = entry.data.number;
          return {
            entry: result,
            objective,
            order,
            number: resultNumber(objective, order),
            anchor: resultAnchor(locale, objective, order),
            path: resultPath(locale, objective, order),
          };
        }),
    }));
  const capabilities = all.capabilities
    .filter(inLocale(locale))
    .sort((a, b) => a.data.order - b.data.order) as C["capabilities"];
  const resultCount = objectives.reduce((sum, objective) => sum + objective.results.length, 0);
  return { locale, strategy, objectives, capabilities, resultCount };
}

/** Neighbours of an objective, for previous/next links. */
export function neighbours<T extends { number: number }>(objectives: T[], number: number) {
  const index = objectives.findIndex((o) => o.number === number);
  return { previous: index > 0 ? objectives[index - 1] : undefined, next: objectives[index + 1] };
}
