/** `npm run new`: what to create from the command line and the content, as files to write, planned without writing. */
import { parseArgs } from "node:util";
import { parseContentFile } from "../src/lib/content-file.ts";
import { sourceHash, type TranslatableFile } from "../src/checks/translations.ts";
import { recordTranslation } from "./translations.ts";

const newEntryKinds = ["result", "objective", "capability"] as const;
export type NewEntryKind = (typeof newEntryKinds)[number];

export interface NewEntryRequest {
  kind: NewEntryKind;
  /** For a result: the objective it belongs to. */
  objective?: number;
  /** For a capability: its file name, e.g. forensic-support. */
  file?: string;
  /** Locale the text will first be written in; the other locales are its translations. */
  source?: string;
}

export const newEntryUsage = [
  "Usage: npm run new -- result --objective <number>   a new expected result under that objective",
  "       npm run new -- objective                     a new objective",
  "       npm run new -- capability --file <name>      a new capability, e.g. --file forensic-support",
  "Option: --source <locale>   the language the text will first be written in (by default the usual one)",
].join("\n");

/** A mistake on the command line, with the message to print. */
export class UsageError extends Error {}

const wholeNumber = /^[1-9]\d*$/;
const fileName = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const options = { objective: { type: "string" }, file: { type: "string" }, source: { type: "string" } } as const;
const takes: Record<NewEntryKind, string[]> = {
  result: ["objective", "source"],
  objective: ["source"],
  capability: ["file", "source"],
};

/** node:util parseArgs, its mistakes said the way the rest of the command says them. */
function readArgv(argv: string[]) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    const option = /'(--[\w-]+)/.exec(message)?.[1] ?? "";
    if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE")
      throw new UsageError(`${option} needs a value, e.g. ${option} ${option === "--objective" ? "2" : "…"}.`);
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") throw new UsageError(`found the unknown option "${option}".`);
    throw new UsageError(message);
  }
}

export function parseNewEntryArgs(argv: string[], locales: readonly string[]): NewEntryRequest {
  const { values, positionals } = readArgv(argv);
  const [kind, ...extra] = positionals;
  if (!kind) throw new UsageError("expected what to create: result, objective or capability.");
  if (!(newEntryKinds as readonly string[]).includes(kind))
    throw new UsageError(`found "${kind}"; expected what to create: result, objective or capability.`);
  if (extra.length > 0) throw new UsageError(`found "${extra.join(" ")}" after "${kind}"; expected options only.`);
  const request: NewEntryRequest = { kind: kind as NewEntryKind };
  for (const option of Object.keys(values))
    if (!takes[request.kind].includes(option))
      throw new UsageError(`found the option "--${option}", which "${kind}" does not take.`);
  if (values.objective !== undefined) {
    if (!wholeNumber.test(values.objective))
      throw new UsageError(`--objective: found "${values.objective}"; expected a whole number such as 2.`);
    request.objective = Number(values.objective);
  }
  if (values.file !== undefined) {
    if (!fileName.test(values.file))
      throw new UsageError(
        `--file: found "${values.file}"; expected lower-case letters, digits and hyphens, such as forensic-support.`,
      );
    request.file = values.file;
  }
  if (values.source !== undefined) {
    if (!locales.includes(values.source))
      throw new UsageError(`--source: found "${values.source}"; expected a declared locale (${locales.join(", ")}).`);
    request.source = values.source;
  }
  if (kind === "result" && request.objective === undefined)
    throw new UsageError("a result belongs to an objective: expected --objective <number>, e.g. --objective 2.");
  if (kind === "capability" && request.file === undefined)
    throw new UsageError("expected --file <name>, the capability's file name, e.g. --file forensic-support.");
  return request;
}

export interface PlannedFile {
  /** Relative to the content folder, e.g. results/fr/2-5.mdx. */
  path: string;
  text: string;
}

type ExistingFile = TranslatableFile & { collection: string };

const collectionOf: Record<NewEntryKind, string> = {
  result: "results",
  objective: "objectives",
  capability: "capabilities",
};

/** The locale most entries of a collection were first written in, so new entries follow the habit. */
export function usualSource(files: ExistingFile[], collection: string, fallback: string): string {
  const counts = new Map<string, number>();
  for (const file of files)
    if (file.collection === collection && file.data.translatedFrom !== undefined) {
      const from = String(file.data.translatedFrom);
      counts.set(from, (counts.get(from) ?? 0) + 1);
    }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? fallback;
}

function frontmatter(fields: Record<string, string | number>, body: string): string {
  const lines = Object.entries(fields).map(([key, value]) =>
    typeof value === "number" ? `${key}: ${value}` : `${key}: ${JSON.stringify(value)}`,
  );
  return `---\n${lines.join("\n")}\n---\n${body ? `\n${body}\n` : ""}`;
}

/**
 * The files of a new entry, one per locale, numbered after the existing ones: the source locale's as the original,
 * the others as its translations (so they show as outdated once the original is written).
 */
export function planNewEntry(
  request: NewEntryRequest,
  files: ExistingFile[],
  locales: readonly string[],
  placeholders: Record<string, string>,
): PlannedFile[] {
  const collection = collectionOf[request.kind];
  const existing = files.filter((f) => f.collection === collection);
  const names = new Set(existing.map((f) => f.name));
  const source = request.source ?? usualSource(files, collection, locales[0]!);
  const extension = request.kind === "capability" ? "md" : "mdx";
  const next = (values: number[]) => Math.max(0, ...values) + 1;

  let name: string;
  let fields: (locale: string) => Record<string, string | number>;
  let body: (locale: string) => string;
  if (request.kind === "result") {
    const objectiveNumbers = [
      ...new Set(files.filter((f) => f.collection === "objectives").map((f) => Number(f.data.number))),
    ].sort((a, b) => a - b);
    if (!objectiveNumbers.includes(request.objective!))
      throw new UsageError(
        `objective ${request.objective} does not exist; expected one of ${objectiveNumbers.join(", ") || "none yet"} ` +
          "(create an objective first with npm run new -- objective).",
      );
    let order = next(existing.filter((f) => f.data.objective === request.objective).map((f) => Number(f.data.order)));
    while (names.has(`${request.objective}-${order}`)) order++;
    name = `${request.objective}-${order}`;
    fields = () => ({ objective: request.objective!, order });
    body = (locale) => placeholders[locale]!;
  } else if (request.kind === "objective") {
    let number = next(existing.map((f) => Number(f.data.number)));
    while (names.has(String(number))) number++;
    name = String(number);
    fields = () => ({ number });
    body = (locale) => placeholders[locale]!;
  } else {
    name = request.file!;
    if (names.has(name))
      throw new UsageError(`--file: a capability named "${name}" already exists; expected a new file name.`);
    const order = next(existing.map((f) => Number(f.data.order)));
    fields = (locale) => ({ name: placeholders[locale]!, order });
    body = () => "";
  }

  const originalText = frontmatter(fields(source), body(source));
  const parsed = parseContentFile(originalText, "");
  const hash = sourceHash({ data: parsed.data ?? {}, body: parsed.body });
  // The original first, so editors know which file to write first.
  return [source, ...locales.filter((l) => l !== source)].map((locale) => ({
    path: `${collection}/${locale}/${name}.${extension}`,
    text: locale === source ? originalText : recordTranslation(frontmatter(fields(locale), body(locale)), source, hash),
  }));
}
