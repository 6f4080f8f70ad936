/**
 * What a translation's sourceHash covers and what a file's translation state is, in code that runs in Node (the
 * checks, npm run i18n:translated) and in the browser (the CMS at /admin/) alike: both hash the same text.
 */

/** What a translatable text is read from: a file's frontmatter and its body. */
export interface FileText {
  data: Record<string, unknown>;
  body: string;
}

/** Frontmatter fields that are about the file, not its text: they never make a translation outdated. */
export const translationMetaFields: ReadonlySet<string> = new Set(["editorialNote", "translatedFrom", "sourceHash"]);

/** How many hex digits of the SHA-256 a translation records. */
export const sourceHashLength = 12;

/** The text a sourceHash is the SHA-256 of: every string in the frontmatter (meta fields aside) and the body, normalized. */
export function translatableText(file: FileText): string {
  const strings: [string, string][] = [];
  const collect = (value: unknown, path: string) => {
    if (typeof value === "string") strings.push([path, value.trim()]);
    else if (value && typeof value === "object")
      for (const key of Object.keys(value).sort()) collect((value as Record<string, unknown>)[key], `${path}.${key}`);
  };
  for (const key of Object.keys(file.data).sort()) if (!translationMetaFields.has(key)) collect(file.data[key], key);
  const body = file.body
    .replace(/\r\n?/g, "\n")
    .replace(/[ \t]+$/gm, "")
    .trim();
  return JSON.stringify({ strings, body });
}

/** The recorded form of a SHA-256 digest: its first hex digits. */
export function hashDigits(digest: ArrayBuffer | Uint8Array): string {
  const bytes = digest instanceof Uint8Array ? digest : new Uint8Array(digest);
  return [...bytes.subarray(0, sourceHashLength / 2)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * A line starting with TODO:, which `npm run new` writes where text is still to be written, fails the checks: in any
 * case, after list, quote, heading or emphasis marks, with any space (French puts a narrow no-break one before the
 * colon) or invisible character around it, and with a fullwidth colon.
 */
export const placeholderLine = /^[ \t\p{Zs}\p{Cf}>*_#+-]*TODO[ \t\p{Zs}\p{Cf}*_]*[:\uff1a]/imu;

export function hasPlaceholder(text: string): boolean {
  return placeholderLine.test(text);
}

export type TranslationState = "original" | "translated" | "outdated" | "to write" | "missing" | "untracked";

/**
 * The state of one locale's file: `originalHash` is the hash of the original it names (undefined when there is no
 * such original), `untracked` says the entry has several files claiming to be the original.
 */
export function fileState(file: FileText, originalHash: string | undefined, untracked = false): TranslationState {
  const placeholder =
    hasPlaceholder(file.body) || Object.values(file.data).some((v) => typeof v === "string" && hasPlaceholder(v));
  if (placeholder) return "to write";
  if (file.data.translatedFrom === undefined) return untracked ? "untracked" : "original";
  return originalHash !== undefined && file.data.sourceHash === originalHash ? "translated" : "outdated";
}
