/**
 * A made-up strategy of any size, in every locale, for the build benchmark and the tests that build big or
 * component-heavy content: never written into content/.
 * Page shape: results share their objective's page, as on the real site; `perObjective` results per objective
 * (the leaflet has 3 or 4), so 10,000 results at 4 per objective make 2,500 objective pages per locale.
 * Texts are recombined from the real content's sentences, so the search index holds real French and English words;
 * with `calloutEvery` n, every nth result uses the editors' <Callout>, which only the MDX compiler renders.
 * Generation is deterministic, so two runs of the bench build the same strategy.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { readContentFiles } from "../src/checks/content-files.ts";
import { parseContentFile } from "../src/lib/content-file.ts";
import { defaultLocale, localeCodes, type Locale } from "../src/lib/locales.ts";
import { sourceHash } from "../src/checks/translations.ts";
import { recordTranslation } from "../editor/translations.ts";

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

/** The real results' sentences per locale, read (never written) from content/. */
export function realSentences(contentDir = "content"): Record<Locale, string[]> {
  const { files } = readContentFiles(contentDir);
  const sentences = Object.fromEntries(localeCodes.map((l) => [l, [] as string[]])) as Record<Locale, string[]>;
  for (const file of files)
    if (file.collection === "results" && file.locale in sentences)
      sentences[file.locale as Locale].push(file.body.replace(/\s+/g, " ").trim());
  return sentences;
}

/** The options of writeStrategy: the sentences are the real content's. */
export type WriteOptions = Omit<GenerateOptions, "sentences">;

/** Whether a folder is content/ or inside it, where a generated strategy must never go. */
export function insideContent(folder: string, contentDir = "content"): boolean {
  const target = path.resolve(folder);
  const content = path.resolve(contentDir);
  return target === content || target.startsWith(content + path.sep);
}

/** Writes the generated strategy into a fresh folder (emptied first); returns the number of files written. */
export function writeStrategy(out: string, options: WriteOptions): number {
  if (insideContent(out)) throw new Error(`writeStrategy: ${out} is inside content/; expected a temporary folder.`);
  const files = generateStrategy({ ...options, sentences: realSentences() });
  rmSync(out, { recursive: true, force: true });
  for (const file of files) {
    const target = path.join(out, file.path);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, file.text);
  }
  return files.length;
}
