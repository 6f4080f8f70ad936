/**
 * The open data files of a locale, built from its strategy model: the whole strategy as JSON, the JSON Schema of
 * that file (generated from the zod schema below, the one source of truth), and the expected results as CSV.
 * Fields are picked one by one, so editorial notes, translation stamps and anything not listed here never leave the site.
 */
import { z } from "astro/zod";
import { toCsv } from "./csv.ts";
import { bodySyntax, plainParagraphs } from "../lib/mdx-text.ts";
import { formatProblem, type Problem } from "../lib/problem.ts";
import { localeCodes, type Locale } from "../lib/locales.ts";
import { absoluteUrl, dataPath, pathFor, type DataFile } from "../lib/routes.ts";
import { capabilitySchema, strategySchema } from "../lib/schemas.ts";

const count = (what: string) => z.number().int().positive().describe(what);
const text = (what: string) => z.string().min(1, "expected some text").describe(what);
const url = (what: string) => z.url().describe(what);

const resultExportSchema = z.strictObject({
  objective: count("Number of the objective this result belongs to."),
  order: count("Position of the result under its objective: result 2.3 has order 3."),
  number: z
    .string()
    .regex(/^\d+\.\d+$/)
    .describe('Number of the result as the site shows it, objective and order, e.g. "2.3".'),
  text: text("The expected result as plain text; paragraphs are separated by a blank line."),
  permalink: url("Permanent address of the result: its objective's page and the result's anchor."),
});

const objectiveExportSchema = z.strictObject({
  number: count("Number of the objective, from 1."),
  statement: text("The objective's statement as plain text."),
  url: url("Address of the objective's page."),
  results: z.array(resultExportSchema).describe("The objective's expected results, in order."),
});

const strategyExportSchema = z
  .strictObject({
    $schema: url("Address of the JSON Schema this file follows."),
    locale: z.enum(localeCodes as [Locale, ...Locale[]]).describe("Language of every text in this file."),
    strategy: strategySchema
      .pick({
        organization: true,
        title: true,
        subtitle: true,
        period: true,
        memberCountries: true,
        mandate: true,
        capabilitiesTitle: true,
      })
      .extend({
        introduction: text("The strategy's introduction as plain text."),
        url: url("Address of the strategy's home page in this language."),
        fullText: url("Address of the page that holds the whole strategy, for reading or printing."),
      })
      .describe("The strategy's title, period, key figure and mandate."),
    objectives: z.array(objectiveExportSchema).describe("The objectives, in order, each with its expected results."),
    capabilities: z
      .array(capabilitySchema.pick({ order: true, name: true }))
      .describe("The capabilities, in the order of the diagram."),
  })
  .meta({
    title: "Strategy",
    description:
      "A strategy published by this site: its objectives, their expected results and its capabilities, in one language.",
  });

export type StrategyExport = z.infer<typeof strategyExportSchema>;

/** What the export reads of a content entry: its Markdown or MDX body and the file it came from. */
interface BodyEntry {
  body?: string;
  filePath?: string;
}

/** The part of a locale's strategy model (src/lib/strategy.ts) the export reads. */
export interface ExportSource {
  locale: Locale;
  strategy: BodyEntry & { data: Omit<StrategyExport["strategy"], "introduction" | "url" | "fullText"> };
  objectives: {
    number: number;
    entry: BodyEntry;
    results: { objective: number; order: number; number: string; path: string; entry: BodyEntry }[];
  }[];
  capabilities: { data: { name: string; order: number } }[];
}

const entryText = (entry: BodyEntry) => plainParagraphs(entry.body, bodySyntax(entry.filePath));

/** The whole strategy of one locale as data, every address absolute on the given site. */
export function buildStrategyExport(source: ExportSource, site: URL | string): StrategyExport {
  const { locale } = source;
  const at = (path: string) => absoluteUrl(site, path);
  const { organization, title, subtitle, period, memberCountries, mandate, capabilitiesTitle } = source.strategy.data;
  const draft = {
    $schema: at(dataPath(locale, "strategySchema")),
    locale,
    strategy: {
      organization,
      title,
      subtitle,
      period: { start: period.start, end: period.end },
      memberCountries,
      mandate,
      capabilitiesTitle,
      introduction: entryText(source.strategy),
      url: at(pathFor(locale, { kind: "home" })),
      fullText: at(pathFor(locale, { kind: "strategy" })),
    },
    objectives: source.objectives.map((objective) => ({
      number: objective.number,
      statement: entryText(objective.entry),
      url: at(pathFor(locale, { kind: "objective", objective: objective.number })),
      results: objective.results.map((result) => ({
        objective: result.objective,
        order: result.order,
        number: result.number,
        text: entryText(result.entry),
        permalink: at(result.path),
      })),
    })),
    capabilities: source.capabilities.map(({ data }) => ({ order: data.order, name: data.name })),
  };
  const parsed = strategyExportSchema.safeParse(draft);
  if (!parsed.success)
    throw new Error(
      `Open data (${locale}) not written:\n${parsed.error.issues.map((i) => formatProblem(exportProblem(source, draft, i))).join("\n")}`,
    );
  return parsed.data;
}

/** A problem of the export told as a content problem: the file behind the field, what was found, what is expected. */
function exportProblem(source: ExportSource, draft: unknown, issue: z.core.$ZodIssue): Problem {
  const [top, i, below, j] = issue.path;
  const objective = top === "objectives" && typeof i === "number" ? source.objectives[i] : undefined;
  const entry: BodyEntry | undefined =
    top === "strategy"
      ? source.strategy
      : below === "results" && typeof j === "number"
        ? objective?.results[j]?.entry
        : objective?.entry;
  const value = issue.path.reduce<unknown>((v, key) => (v as Record<PropertyKey, unknown> | undefined)?.[key], draft);
  return {
    file: entry?.filePath ?? `the ${source.locale} strategy`,
    field: issue.path.join("."),
    found: value === "" ? "no text (an empty body)" : (JSON.stringify(value) ?? "nothing"),
    expected: issue.message.replace(/^(Invalid input: )?expected /i, ""),
  };
}

/** The JSON Schema of the export, published beside the file under its own address. */
function strategyJsonSchema(id: string): Record<string, unknown> {
  const { $schema, ...schema } = z.toJSONSchema(strategyExportSchema, { target: "draft-2020-12" });
  return { $schema, $id: id, ...schema };
}

const csvHeader = ["objective", "result", "text", "permalink"] as const;

/** One row per expected result: objective number, result's order under it, text, permalink. */
function resultsTable(data: StrategyExport): (string | number)[][] {
  return [
    [...csvHeader],
    ...data.objectives.flatMap((o) => o.results.map((r) => [r.objective, r.order, r.text, r.permalink])),
  ];
}

export interface OpenDataFile {
  file: DataFile;
  /** Root-relative address, from routes.ts. */
  path: string;
  /** Name of the format, as the home page shows it. */
  format: string;
  contentType: string;
  body: string;
  /** Size of the body in UTF-8, as served. */
  bytes: number;
}

const utf8 = new TextEncoder();
const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

// One serialisation per locale model and site: three endpoints and the home page ask for it in every build.
const serialised = new WeakMap<ExportSource, Map<string, OpenDataFile[]>>();

/** Every data file of a locale with its exact content: the endpoint serves these bodies, the home page their sizes. */
export function openDataFiles(source: ExportSource, site: URL | string): OpenDataFile[] {
  const bySite = serialised.get(source) ?? new Map<string, OpenDataFile[]>();
  serialised.set(source, bySite);
  const key = String(site);
  const found = bySite.get(key) ?? serialise(source, site);
  bySite.set(key, found);
  return found;
}

function serialise(source: ExportSource, site: URL | string): OpenDataFile[] {
  const data = buildStrategyExport(source, site);
  const { locale } = source;
  const files: Omit<OpenDataFile, "bytes" | "path">[] = [
    { file: "strategyJson", format: "JSON", contentType: "application/json; charset=utf-8", body: json(data) },
    {
      file: "strategySchema",
      format: "JSON Schema",
      contentType: "application/schema+json; charset=utf-8",
      body: json(strategyJsonSchema(data.$schema)),
    },
    { file: "resultsCsv", format: "CSV", contentType: "text/csv; charset=utf-8", body: toCsv(resultsTable(data)) },
  ];
  return files.map((f) => ({ ...f, path: dataPath(locale, f.file), bytes: utf8.encode(f.body).length }));
}
