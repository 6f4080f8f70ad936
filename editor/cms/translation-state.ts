/**
 * Translation state in the browser, from the CMS's drafts: the same text (src/lib/translation-text.ts) hashed with the
 * browser's SHA-256, so the hash the CMS records is the one `npm run i18n:translated` records (a test compares them).
 */
import {
  fileState,
  hashDigits,
  translatableText,
  type FileText,
  type TranslationState,
} from "../../src/lib/translation-text.ts";
import { withoutRecord } from "./file-format.ts";

/** The sourceHash of an original, with Web Crypto (browsers in a secure context, and Node). */
export async function sourceHashOf(file: FileText): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest("SHA-256", new TextEncoder().encode(translatableText(file)));
  return hashDigits(digest);
}

const isEmpty = (value: unknown) => value === undefined || value === null || value === "";

/** A CMS draft (one locale's fields, body included) as the file it will be written to. */
export function draftFile(values: Record<string, unknown>): FileText {
  const { body, ...rest } = withoutRecord(values);
  // Empty fields are not written (omit_empty_optional_fields), so they must not enter the hash either.
  const data = Object.fromEntries(Object.entries(rest).filter(([, value]) => !isEmpty(value)));
  return { data, body: typeof body === "string" ? body : "" };
}

/**
 * The state of one locale's draft, and the hash that marking it up to date would record. `originalLocale` is the
 * language the collection's entries are written in first: a new translation that names no original translates it.
 */
export async function draftState(
  own: FileText,
  drafts: Record<string, FileText>,
  originalLocale: string,
  ownLocale: string,
): Promise<{ state: TranslationState; from?: string; hash?: string }> {
  const from =
    (own.data.translatedFrom as string | undefined) ?? (ownLocale === originalLocale ? undefined : originalLocale);
  if (from === undefined) return { state: fileState(own, undefined) };
  const original = drafts[from];
  const hash = original ? await sourceHashOf(original) : undefined;
  const state = fileState({ ...own, data: { ...own.data, translatedFrom: from } }, hash);
  // A translation with no text yet is still to be written, not merely out of date.
  const blank = own.body.trim() === "" && original !== undefined && original.body.trim() !== "";
  return { state: blank ? "to write" : state, from, ...(hash ? { hash } : {}) };
}
