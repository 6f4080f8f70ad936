/** A glob loader over content/<collection>/<locale>/ whose number references stay inside their locale. */
import { existsSync, lstatSync, readFileSync, readlinkSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ContentEntryRenderFunction, ContentEntryType } from "astro";
import { glob } from "astro/loaders";
import type { DataStore, Loader, ParseDataOptions } from "astro/loaders";
import { parseContentFile, symbolicLinkProblem } from "../lib/content-file.ts";
import { qualifyReferences } from "../lib/entry-ids.ts";
import { isPlainMarkdown } from "../lib/plain-markdown.ts";
import { formatProblem } from "../lib/problem.ts";
import { writeThrough } from "./instant-preview.ts";
import { deferRender, entryTypesOf, isPreviewing, type EntryTypes, type GlobContext } from "./internals.ts";

/**
 * While previewing, a file that cannot be read or fails its schema is stored as this mark, and its entry is removed
 * rather than kept as it was: the pages then list the problem (src/site/preview-problems.ts) instead of an old text.
 */
const unreadable = "__contentProblem";

/** Frontmatter and body read by the project's own reader, the one the checks and editors' tools use. */
function readWithOurReader(entryType: ContentEntryType, previewing: boolean): ContentEntryType {
  return {
    ...entryType,
    async getEntryInfo({ contents, fileUrl }) {
      const full = fileURLToPath(fileUrl);
      const file = path.relative(process.cwd(), full);
      // What is published is what is in the repository: never a file a link points to (check:content says the same).
      const link = lstatSync(full, { throwIfNoEntry: false })?.isSymbolicLink()
        ? symbolicLinkProblem(file, readlinkSync(full), existsSync(full))
        : undefined;
      // The file's bytes, so an encoding other than UTF-8 is named rather than read as replacement characters.
      const parsed = link ? undefined : parseContentFile(existsSync(full) ? readFileSync(full) : contents, file);
      const problem = link ?? parsed?.problem;
      if (problem || !parsed?.data) {
        const message = formatProblem(problem ?? { file, found: "no frontmatter fields", expected: "fields" });
        if (previewing) return { data: { [unreadable]: message }, body: "", slug: "", rawData: "" };
        throw new Error(message);
      }
      // Astro's own reader trims the body the same way.
      return { data: parsed.data, body: parsed.body.trim(), slug: "", rawData: parsed.rawData };
    },
  };
}

/**
 * .mdx files that use nothing but Markdown are rendered like .md files when loaded; the others are left to the MDX
 * compiler. Editors keep one extension, and a big strategy builds in seconds rather than minutes.
 */
function markdownWhenPlain(entryTypes: EntryTypes, previewing: boolean): EntryTypes {
  const markdown = entryTypes.get(".md")!;
  const mdx = entryTypes.get(".mdx")!;
  const markdownRenderer = markdown.getRenderFunction!.bind(markdown);
  const mdxOrMarkdown: ContentEntryType = {
    ...mdx,
    async getRenderFunction(config) {
      const render = await markdownRenderer(config);
      // No rendered HTML leaves the entry to MDX: deferToMdx below marks it for compiling.
      return (async (entry) =>
        isPlainMarkdown(entry.body ?? "") ? render(entry) : undefined) as ContentEntryRenderFunction;
    },
  };
  return new Map(entryTypes)
    .set(".md", readWithOurReader(markdown, previewing))
    .set(".mdx", readWithOurReader(mdxOrMarkdown, previewing));
}

/** While previewing, a marked entry is removed from the store, which makes the dev server reload the pages. */
function removeUnreadable(store: DataStore): DataStore {
  return {
    ...store,
    set: (entry) => {
      if (!(unreadable in (entry.data ?? {}))) return store.set(entry);
      store.delete(entry.id);
      return true;
    },
  };
}

function deferToMdx(store: DataStore): DataStore {
  return {
    ...store,
    set: (entry) => store.set(!entry.rendered && entry.filePath?.endsWith(".mdx") ? deferRender(entry) : entry),
  };
}

export function localizedGlob(options: { base: string; references?: readonly string[] }): Loader {
  const inner = glob({ base: options.base, pattern: "*/*.{md,mdx}" });
  const fields = options.references ?? [];
  return {
    name: "localized-glob",
    load: async (context: GlobContext) => {
      // Builds still stop on the first unreadable file; the preview lists it instead.
      const previewing = isPreviewing(context);
      // A content store kept from before this loader rendered plain MDX when loading holds entries left to MDX.
      if (context.meta.get("plain-mdx-as-markdown") !== "1") context.store.clear();
      context.meta.set("plain-mdx-as-markdown", "1");
      // Once loaded, each edit is saved at once while previewing (src/astro/instant-preview.ts).
      let loaded = false;
      await inner.load({
        ...context,
        entryTypes: markdownWhenPlain(entryTypesOf(context), previewing),
        store: writeThrough(deferToMdx(previewing ? removeUnreadable(context.store) : context.store), () => loaded),
        parseData: async <T extends Record<string, unknown>>(props: ParseDataOptions<T>) => {
          if (unreadable in props.data) return props.data;
          const parse = () =>
            context.parseData({ ...props, data: qualifyReferences(props.id, props.data, fields) as T });
          if (!previewing) return parse();
          try {
            return await parse();
          } catch (error) {
            return { [unreadable]: (error as Error).message } as unknown as T;
          }
        },
      } as GlobContext);
      loaded = true;
    },
  };
}
