/**
 * Writes a made-up strategy of any size, in every locale, for benchmarks: never into content/.
 * Page shape: results share their objective's page, as on the real site; `perObjective` results per objective
 * (default 4, the leaflet has 3 or 4), so 10,000 results make 2,500 objective pages per locale.
 * Texts are recombined from the real content's sentences, so the search index holds real French and English words.
 * Every file is .mdx unless --format md; with --callout-every n, every nth result uses the editors' <Callout>.
 * Usage: node scripts/generate-strategy.ts --results 10000 --out tmp/strategy-10k [--per-objective 4] [--format mdx|md]
 *        [--callout-every 100]
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseContentFile, readContentFiles } from "../src/lib/content-files.ts";
import { defaultLocale, localeCodes, type Locale } from "../src/lib/locales.ts";
import { recordTranslation, sourceHash } from "../src/lib/translations.ts";

export interface GenerateOptions {
  /** Expected results per locale. */
  results: number;
  perObjective: number;
  format: "md" | "mdx";
  /** Every nth result wraps its text in the editors' <Callout> component (MDX only); 0 for none. */
  calloutEvery: number;
  /** Sentences per locale to recombine, e.g. the real results' texts. */
  sentences: Record<Locale, string[]>;
}

export interface GeneratedFile {
  /** Relative to the generated content folder, e.g. results/fr/2-3.mdx. */
  path: string;
  text: string;
}

/** Deterministic pseudo-random numbers (mulberry32), so two runs generate the same strategy. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** YAML frontmatter; a key such as "period.start" is written as a nested field. */
function frontmatter(fields: Record<string, string | number>): string {
  const lines: string[] = [];
  for (const [key, value] of Object.entries(fields)) {
    const [parent, child] = key.split(".");
    const yamlValue = typeof value === "string" ? JSON.stringify(value) : String(value);
    if (!child) lines.push(`${key}: ${yamlValue}`);
    else lines.push(...(lines.includes(`${parent}:`) ? [] : [`${parent}:`]), `  ${child}: ${yamlValue}`);
  }
  return `---\n${lines.join("\n")}\n---\n\n`;
}

/** A paragraph made of the start of one sentence and the end of another, plus the entry's number to keep it unique. */
function paragraph(sentences: string[], next: () => number, label: string): string {
  const pick = () => sentences[Math.floor(next() * sentences.length)]!.replace(/\.\s*$/, "");
  const first = pick().split(" ");
  const second = pick().split(" ");
  const head = first.slice(0, Math.max(3, Math.ceil(first.length / 2)));
  const tail = second.slice(Math.floor(second.length / 2));
  return `${[...head, ...tail].join(" ")} (${label}).`;
}

/** Every file of a generated strategy: strategy, objectives, results and capabilities in every locale. */
export function generateStrategy(options: GenerateOptions): GeneratedFile[] {
  const { results, perObjective, format, calloutEvery } = options;
  if (!Number.isInteger(results) || results < 1)
    throw new Error(`results: expected a whole number ≥ 1, found ${results}`);
  if (!Number.isInteger(perObjective) || perObjective < 1)
    throw new Error(`perObjective: expected a whole number ≥ 1, found ${perObjective}`);
  if (calloutEvery > 0 && format !== "mdx") throw new Error("calloutEvery: components need the mdx format");
  const objectives = Math.ceil(results / perObjective);
  const files: GeneratedFile[] = [];
  for (const locale of localeCodes) {
    const sentences = options.sentences[locale];
    if (!sentences?.length) throw new Error(`sentences: expected some ${locale} sentences to recombine, found none`);
    const next = random(1);
    const file = (collection: string, name: string, text: string) =>
      files.push({ path: `${collection}/${locale}/${name}.${format}`, text });
    file(
      "strategy",
      "strategy",
      frontmatter({
        organization: "Benchmark",
        title: locale === "fr" ? "Stratégie générée" : "Generated strategy",
        subtitle: locale === "fr" ? `${results} résultats` : `${results} results`,
        "period.start": 2022,
        "period.end": 2025,
        memberCountries: 195,
        mandate: paragraph(sentences, next, "mandate"),
        capabilitiesTitle: locale === "fr" ? "Capacités" : "Capabilities",
      }) + `${paragraph(sentences, next, "intro")}\n`,
    );
    for (let o = 1; o <= objectives; o++) {
      file("objectives", String(o), frontmatter({ number: o }) + `${paragraph(sentences, next, String(o))}\n`);
      const count = Math.min(perObjective, results - (o - 1) * perObjective);
      for (let r = 1; r <= count; r++) {
        const text = paragraph(sentences, next, `${o}.${r}`);
        const withCallout = calloutEvery > 0 && ((o - 1) * perObjective + r) % calloutEvery === 0;
        const body = withCallout ? `<Callout title="Note">\n  ${text}\n</Callout>` : text;
        file("results", `${o}-${r}`, frontmatter({ objective: o, order: r }) + `${body}\n`);
      }
    }
    for (let c = 1; c <= 3; c++)
      file("capabilities", `capability-${c}`, frontmatter({ name: `${locale.toUpperCase()} ${c}`, order: c }));
  }
  const byPath = new Map(files.map((file) => [file.path, file]));
  return files.map((file) => asTranslation(file, byPath));
}

/** Files of other locales than the default are translations of the default locale's, recorded as editors do. */
function asTranslation(file: GeneratedFile, byPath: Map<string, GeneratedFile>): GeneratedFile {
  const [collection, locale, name] = file.path.split("/") as [string, string, string];
  if (locale === defaultLocale) return file;
  const originalPath = [collection, defaultLocale, name].join("/");
  const original = byPath.get(originalPath)!;
  const { data = {}, body } = parseContentFile(original.text, originalPath);
  const hash = sourceHash({ data, body });
  return { ...file, text: recordTranslation(file.text, defaultLocale, hash) };
}

function parseArgs(argv: string[]) {
  const options = { results: NaN, out: "", perObjective: 4, format: "mdx" as "md" | "mdx", calloutEvery: 0 };
  const fail = (message: string): never => {
    console.error(`generate-strategy: ${message}`);
    console.error(
      "Usage: node scripts/generate-strategy.ts --results <n> --out <folder> [--per-objective <n>] [--format mdx|md] [--callout-every <n>]",
    );
    process.exit(2);
  };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (value === undefined) fail(`${flag} needs a value`);
    if (flag === "--results") options.results = Number(value);
    else if (flag === "--per-objective") options.perObjective = Number(value);
    else if (flag === "--callout-every") options.calloutEvery = Number(value);
    else if (flag === "--out") options.out = value!;
    else if (flag === "--format" && (value === "md" || value === "mdx")) options.format = value;
    else fail(`unknown argument "${flag} ${value}"`);
  }
  if (!Number.isInteger(options.results) || options.results < 1) fail("--results: expected a whole number ≥ 1");
  if (!Number.isInteger(options.perObjective) || options.perObjective < 1)
    fail("--per-objective: expected a whole number ≥ 1");
  if (!Number.isInteger(options.calloutEvery) || options.calloutEvery < 0)
    fail("--callout-every: expected a whole number ≥ 0");
  if (options.calloutEvery > 0 && options.format !== "mdx") fail("--callout-every: components need --format mdx");
  if (!options.out) fail("--out: expected a folder outside content/");
  const out = path.resolve(options.out);
  if (out === path.resolve("content") || out.startsWith(path.resolve("content") + path.sep))
    fail(`--out: found ${options.out}, inside content/; expected a temporary folder such as tmp/strategy-10k`);
  return options;
}

/** The real results' sentences per locale, read (never written) from content/. */
export function realSentences(contentDir = "content"): Record<Locale, string[]> {
  const { files } = readContentFiles(contentDir);
  const sentences = Object.fromEntries(localeCodes.map((l) => [l, [] as string[]])) as Record<Locale, string[]>;
  for (const file of files)
    if (file.collection === "results" && file.locale in sentences)
      sentences[file.locale as Locale].push(file.body.replace(/\s+/g, " ").trim());
  return sentences;
}

/** Writes the generated strategy into a fresh folder; returns the number of files written. */
export function writeStrategy(out: string, options: Omit<GenerateOptions, "sentences">): number {
  const files = generateStrategy({ ...options, sentences: realSentences() });
  rmSync(out, { recursive: true, force: true });
  for (const file of files) {
    const target = path.join(out, file.path);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, file.text);
  }
  return files.length;
}

if (import.meta.main) {
  const { out, ...options } = parseArgs(process.argv.slice(2));
  const count = writeStrategy(out, options);
  console.log(`Wrote ${count} files for ${options.results} results per locale to ${out}`);
}
