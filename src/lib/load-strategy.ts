/** Reads the content collections once per build and hands pages a checked strategy per locale. */
import { getCollection } from "astro:content";
import { findContentProblems, formatProblem } from "./integrity.ts";
import { localeCodes, type Locale } from "./locales.ts";
import { buildStrategy } from "./strategy.ts";

async function loadCollections() {
  const [strategy, objectives, results, capabilities] = await Promise.all([
    getCollection("strategy"),
    getCollection("objectives"),
    getCollection("results"),
    getCollection("capabilities"),
  ]);
  const collections = { strategy, objectives, results, capabilities };
  const problems = findContentProblems(collections, localeCodes);
  if (problems.length > 0)
    throw new Error(`The content has ${problems.length} problem(s):\n${problems.map(formatProblem).join("\n")}`);
  return collections;
}

let cached: ReturnType<typeof loadCollections> | undefined;

export async function loadStrategy(locale: Locale) {
  cached ??= loadCollections();
  return buildStrategy(locale, await cached);
}

export type Strategy = Awaited<ReturnType<typeof loadStrategy>>;
export type StrategyObjective = Strategy["objectives"][number];
export type StrategyResult = StrategyObjective["results"][number];
