/** Frontmatter schemas, one per collection; pure zod so scripts can use them outside Astro. */
import { z } from "astro/zod";
import { localeCodes, type Locale } from "./locales.ts";

/** The field of a result that names its objective: a whole number, qualified with the locale by the loader. */
export const objectiveNumber = z
  .number({ error: "expected the number of an objective, a whole number such as 2" })
  .int("expected a whole number such as 2")
  .positive("expected a number of 1 or more");

/** A note for editors only: never rendered, never indexed, never exported. */
const editorialNote = z
  .string()
  .min(1, "expected a sentence, or no editorialNote field at all")
  .optional()
  .describe("Note for editors about this entry; never shown to the public.");

/** Set in a translation only: the locale of the original it was translated from. */
const translatedFrom = z
  .enum(localeCodes as [Locale, ...Locale[]], {
    error: `expected the code of a declared locale (${localeCodes.join(", ")})`,
  })
  .optional()
  .describe("In a translation only: the locale of the original, e.g. fr. The original has no such field.");

/** Set in a translation only, by npm run i18n:translated: which version of the original it translates. */
const sourceHash = z
  .string({ error: 'expected the hash written by npm run i18n:translated, such as "3f2a9c1b7d0e"' })
  .regex(/^[0-9a-f]{12}$/, "expected the 12-character hash written by npm run i18n:translated")
  .optional()
  .describe("In a translation only: written by npm run i18n:translated; do not edit by hand.");

/** Fields every collection has: notes for editors and the translation's provenance. */
const editorial = { editorialNote, translatedFrom, sourceHash };

const positiveInt = (what: string) =>
  z
    .number({ error: `expected ${what}, a whole number such as 1` })
    .int(`expected ${what} as a whole number`)
    .positive(`expected ${what} of 1 or more`);

export const strategySchema = z.strictObject({
  /** Publishing organization, shown before the title. */
  organization: z.string().min(1).describe("Publishing organization, e.g. INTERPOL."),
  /** Main title of the strategy in this locale. */
  title: z.string().min(1).describe("Title of the strategy, e.g. Lutte antiterroriste."),
  /** Second line of the title. */
  subtitle: z.string().min(1).describe("Second line of the title, e.g. Stratégie mondiale."),
  /** Years the strategy covers. */
  period: z
    .strictObject({
      /** First year covered. */
      start: positiveInt("the first year"),
      /** Last year covered. */
      end: positiveInt("the last year"),
    })
    .refine((p) => p.end >= p.start, "expected period.end to be the same as or after period.start")
    .describe("Years covered, e.g. start: 2022 and end: 2025."),
  /** Number of member countries as the source states it (not updated silently). */
  memberCountries: positiveInt("the number of member countries").describe(
    "Number of member countries as the source gives it.",
  ),
  /** The mandate, quoted as the source gives it. */
  mandate: z.string().min(1).describe("The mandate, quoted as the source gives it."),
  /** Heading of the capabilities diagram. */
  capabilitiesTitle: z.string().min(1).describe("Heading of the capabilities diagram, e.g. Capacités."),
  ...editorial,
});

export const objectiveSchema = z.strictObject({
  /** Position of the objective, 1 to n; also its number in URLs. */
  number: positiveInt("the objective's number").describe("Number of the objective, e.g. 2."),
  ...editorial,
});

/** Builds the result schema around Astro's reference(), which only exists inside Astro. */
export function resultSchema<R extends z.ZodType>(objectiveReference: R) {
  return z.strictObject({
    /** The objective this result belongs to, by its number, e.g. 2. */
    objective: objectiveReference.describe("Number of the objective this result belongs to, e.g. 2."),
    /** Position of the result under its objective: result 2.3 has order 3. */
    order: positiveInt("the result's order").describe("Position under its objective: result 2.3 has order 3."),
    ...editorial,
  });
}

export const capabilitySchema = z.strictObject({
  /** Name of the capability as the source gives it. */
  name: z.string().min(1).describe("Name of the capability, e.g. Appui stratégique."),
  /** Position in the diagram, 1 to n. */
  order: positiveInt("the capability's order").describe("Position in the diagram, e.g. 1."),
  ...editorial,
});
