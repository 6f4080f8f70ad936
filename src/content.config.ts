import { defineCollection, reference } from "astro:content";
import { z } from "astro/zod";
import { contentDir } from "./lib/content-dir";
import { localizedGlob } from "./astro/localized-glob";
import { referenceFields } from "./lib/collections";
import { capabilitySchema, objectiveSchema, resultSchema, strategySchema } from "./lib/schemas";

const base = (collection: string) => `${contentDir()}/${collection}`;

/** A reference written as a number in frontmatter and qualified with the locale by localizedGlob. */
const objectiveReference = z
  .string({ error: "expected the number of an objective, a whole number such as 2" })
  .regex(/^[^/]+\/\d+$/, "expected the number of an objective, a whole number such as 2")
  .pipe(reference("objectives"))
  // Editors write a number, which the loader qualifies: the JSON Schema VS Code checks frontmatter with must say so.
  .meta({ type: "integer", exclusiveMinimum: 0, pattern: undefined });

export const collections = {
  strategy: defineCollection({ loader: localizedGlob({ base: base("strategy") }), schema: strategySchema }),
  objectives: defineCollection({ loader: localizedGlob({ base: base("objectives") }), schema: objectiveSchema }),
  results: defineCollection({
    loader: localizedGlob({ base: base("results"), references: referenceFields.results }),
    schema: resultSchema(objectiveReference),
  }),
  capabilities: defineCollection({ loader: localizedGlob({ base: base("capabilities") }), schema: capabilitySchema }),
};
