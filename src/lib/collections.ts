/** The content collections, declared once: their folders under content/ and the schema of each file's frontmatter. */
import { capabilitySchema, objectiveNumber, objectiveSchema, resultSchema, strategySchema } from "./schemas.ts";

export const collectionNames = ["strategy", "objectives", "results", "capabilities"] as const;
export type CollectionName = (typeof collectionNames)[number];

/** Schemas as editors write the files (a result's objective is a plain number), for checks run outside Astro. */
export const fileSchemas = {
  strategy: strategySchema,
  objectives: objectiveSchema,
  results: resultSchema(objectiveNumber),
  capabilities: capabilitySchema,
} as const;

/** Frontmatter fields that name another entry by its number; the loader qualifies them with the entry's locale. */
export const referenceFields: Record<CollectionName, readonly string[]> = {
  strategy: [],
  objectives: [],
  results: ["objective"],
  capabilities: [],
};
