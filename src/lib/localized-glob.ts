/** A glob loader over content/<collection>/<locale>/ whose number references stay inside their locale. */
import { glob } from "astro/loaders";
import type { Loader, ParseDataOptions } from "astro/loaders";
import { qualifyReferences } from "./entry-ids.ts";

export function localizedGlob(options: { base: string; references?: readonly string[] }): Loader {
  const inner = glob({ base: options.base, pattern: "*/*.{md,mdx}" });
  const fields = options.references ?? [];
  return {
    name: "localized-glob",
    load: (context) =>
      inner.load({
        ...context,
        parseData: <T extends Record<string, unknown>>(props: ParseDataOptions<T>) =>
          context.parseData({ ...props, data: qualifyReferences(props.id, props.data, fields) as T }),
      }),
  };
}
