/**
 * Writes a content file the way the project writes them, so that a file read by parseContentFile and written back
 * unchanged keeps every byte: the CMS at /admin/ saves through this writer (editor/cms/file-format.ts).
 *   ---\n<fields, one per line; a nested object's fields indented by two spaces>\n---\n\n<body>\n
 * and ---\n<fields>\n---\n when there is no body.
 */
import yaml from "js-yaml";

/** How a file's fields were laid out when read: kept so that writing them back changes nothing. */
export interface FrontmatterLayout {
  /** Top-level fields in the order the file has them. */
  order: string[];
  /** Fields whose value was written in double quotes, nested ones as parent.child. */
  quoted: string[];
}

/** Fields written in double quotes in a new file: a hash of digits only would read back as a number. */
const alwaysQuoted = new Set(["sourceHash", "editorialNote"]);

/** The layout of a frontmatter as written (the YAML between the --- lines). */
export function frontmatterLayout(rawData: string): FrontmatterLayout {
  const order: string[] = [];
  const quoted: string[] = [];
  let parent = "";
  for (const line of rawData.split(/\r?\n/)) {
    const match = /^( *)([A-Za-z_$][\w$-]*):(?:[ \t]+(.*))?$/.exec(line);
    if (!match) continue;
    const [, indent = "", key = "", value = ""] = match;
    if (indent === "") {
      order.push(key);
      parent = key;
    }
    if (value.startsWith('"')) quoted.push(indent === "" ? key : `${parent}.${key}`);
  }
  return { order, quoted };
}

/** Whether a string reads back as itself when written without quotes. */
function plainIsSafe(value: string): boolean {
  if (value === "" || /[\r\n]/.test(value)) return false;
  try {
    return (yaml.load(`k: ${value}`) as { k?: unknown } | undefined)?.k === value;
  } catch {
    return false;
  }
}

function scalar(path: string, value: unknown, layout: FrontmatterLayout | undefined): string {
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (typeof value !== "string") return JSON.stringify(value);
  // A field the file had keeps its quoting; a new one follows the project's habit.
  const known = layout?.order.includes(path.split(".")[0]!);
  const quote = known ? layout!.quoted.includes(path) : alwaysQuoted.has(path);
  // A JSON string is a valid double-quoted YAML scalar.
  return quote || !plainIsSafe(value) ? JSON.stringify(value) : value;
}

const isEmpty = (value: unknown) => value === undefined || value === null || value === "";

/**
 * The fields in the order the file had them; a field the file did not have goes after the field that precedes it in
 * `data` (the schema's order), so a new editorialNote lands before translatedFrom as in every other file.
 */
function orderedKeys(data: Record<string, unknown>, layout: FrontmatterLayout | undefined): string[] {
  const present = Object.keys(data).filter((key) => !isEmpty(data[key]));
  if (!layout) return present;
  const keys = layout.order.filter((key) => present.includes(key));
  present.forEach((key, index) => {
    if (keys.includes(key)) return;
    const before = present
      .slice(0, index)
      .reverse()
      .find((k) => keys.includes(k));
    keys.splice(before === undefined ? 0 : keys.indexOf(before) + 1, 0, key);
  });
  return keys;
}

/** The text of a content file; empty fields are left out, as the schemas want no empty optional field. */
export function writeContentFile(data: Record<string, unknown>, body: string, layout?: FrontmatterLayout): string {
  const lines: string[] = [];
  for (const key of orderedKeys(data, layout)) {
    const value = data[key];
    if (value && typeof value === "object" && !Array.isArray(value)) {
      lines.push(`${key}:`);
      for (const [child, inner] of Object.entries(value as Record<string, unknown>))
        if (!isEmpty(inner)) lines.push(`  ${child}: ${scalar(`${key}.${child}`, inner, layout)}`);
    } else lines.push(`${key}: ${scalar(key, value, layout)}`);
  }
  const text = body.replace(/\s+$/, "").replace(/^(?:[ \t]*\r?\n)+/, "");
  return `---\n${lines.join("\n")}\n---\n${text ? `\n${text}\n` : ""}`;
}

/** The first line where two texts differ, with both versions of it (undefined when they are the same). */
export function firstDifference(
  before: string,
  after: string,
): { line: number; before: string; after: string } | undefined {
  if (before === after) return undefined;
  const a = before.split("\n");
  const b = after.split("\n");
  let index = 0;
  while (index < a.length && index < b.length && a[index] === b[index]) index++;
  return { line: index + 1, before: a[index] ?? "", after: b[index] ?? "" };
}
