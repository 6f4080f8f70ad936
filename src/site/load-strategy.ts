/** Reads the content collections once per build and hands pages a checked strategy per locale. */
import { getCollection } from "astro:content";
import { describeFallbacks, withFallbacks } from "./fallback.ts";
import { findContentProblems } from "../checks/integrity.ts";
import { formatProblem } from "../lib/problem.ts";
import { localeCodes, type Locale } from "../lib/locales.ts";
import { buildStrategy } from "../lib/strategy.ts";

async function loadCollections() {
  const [strategy, objectives, results, capabilities] = await Promise.all([
    getCollection("strategy"),
    getCollection("objectives"),
    getCollection("results"),
    getCollection("capabilities"),
  ]);
  // While previewing, a missing translation shows its original's text, marked; the build's checks stop on it first.
  const collections = withFallbacks({ strategy, objectives, results, capabilities }, localeCodes);
  const missing = describeFallbacks(collections).join("\n");
  if (missing && missing !== lastWarned) console.warn(missing);
  lastWarned = missing;
  const problems = findContentProblems(collections, localeCodes);
  if (problems.length > 0)
    throw new Error(`The content has ${problems.length} problem(s):\n${problems.map(formatProblem).join("\n")}`);
  return collections;
}

let lastWarned = "";
let cached: ReturnType<typeof loadCollections> | undefined;

async function strategyOf(locale: Locale) {
  cached ??= loadCollections();
  return buildStrategy(locale, await cached);
}

async function freshStrategy(locale: Locale) {
  return buildStrategy(locale, await loadCollections());
}

const built = new Map<Locale, ReturnType<typeof strategyOf>>();

// Built once per locale: every page asks for it, and regrouping thousands of entries per page made big builds crawl.
export function loadStrategy(locale: Locale): ReturnType<typeof strategyOf> {
  // astro dev keeps this module from one request to the next while the content changes: nothing is kept there.
  if (import.meta.env.DEV) return freshStrategy(locale);
  const strategy = built.get(locale) ?? strategyOf(locale);
  built.set(locale, strategy);
  return strategy;
}

/** The objectives of a locale; while previewing, from its files when the content cannot be loaded whole. */
export async function objectiveNumbers(locale: Locale): Promise<number[]> {
  try {
    return (await loadStrategy(locale)).objectives.map((o) => o.number);
  } catch (error) {
    if (!import.meta.env.DEV) throw error;
    return (await import("./preview-problems.ts")).previewObjectives(locale);
  }
}

export type Strategy = Awaited<ReturnType<typeof loadStrategy>>;
export type StrategyObjective = Strategy["objectives"][number];
export type StrategyResult = StrategyObjective["results"][number];
