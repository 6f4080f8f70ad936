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
import { deferRender, entryTypesOf, type EntryTypes, type GlobContext } from "./internals.ts";

/** Frontmatter and body read by the project's own reader, the one the checks and editors' tools use. */
function readWithOurReader(entryType: ContentEntryType): ContentEntryType {
  return {
    ...entryType,
    async getEntryInfo({ contents, fileUrl }) {
      const full = fileURLToPath(fileUrl);
      const file = path.relative(process.cwd(), full);
      // What is published is what is in the repository: never a file a link points to (check:content says the same).
      if (lstatSync(full, { throwIfNoEntry: false })?.isSymbolicLink())
        throw new Error(formatProblem(symbolicLinkProblem(file, readlinkSync(full), existsSync(full))));
      // The file's bytes, so an encoding other than UTF-8 is named rather than read as replacement characters.
      const parsed = parseContentFile(existsSync(full) ? readFileSync(full) : contents, file);
      if (parsed.problem || !parsed.data) throw new Error(formatProblem(parsed.problem!));
      // Astro's own reader trims the body the same way.
      return { data: parsed.data, body: parsed.body.trim(), slug: "", rawData: parsed.rawData };
    },
  };
}

/**
 * .mdx files that use nothing but Markdown are rendered like .md files when loaded; the others are left to the MDX
 * compiler. Editors keep one extension, and a big strategy builds in seconds rather than minutes.
 */
function markdownWhenPlain(entryTypes: EntryTypes): EntryTypes {
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
  return new Map(entryTypes).set(".md", readWithOurReader(markdown)).set(".mdx", readWithOurReader(mdxOrMarkdown));
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
      // A content store kept from before this loader rendered plain MDX when loading holds entries left to MDX.
      if (context.meta.get("plain-mdx-as-markdown") !== "1") context.store.clear();
      context.meta.set("plain-mdx-as-markdown", "1");
      // Once loaded, each edit is saved at once while previewing (src/astro/instant-preview.ts).
      let loaded = false;
      await inner.load({
        ...context,
        entryTypes: markdownWhenPlain(entryTypesOf(context)),
        store: writeThrough(deferToMdx(context.store), () => loaded),
        parseData: <T extends Record<string, unknown>>(props: ParseDataOptions<T>) =>
          context.parseData({ ...props, data: qualifyReferences(props.id, props.data, fields) as T }),
      } as GlobContext);
      loaded = true;
    },
  };
}
