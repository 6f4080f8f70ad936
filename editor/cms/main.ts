/**
 * The admin's script (/admin/): Sveltia CMS from its npm package, with the project's file format, editor components
 * and field types, configured by the configuration generated for the editor's language (editor/cms/config.ts).
 */
import CMS from "@sveltia/cms";
import { localeCodes } from "../../src/lib/locales.ts";
import { editorComponentDefinitions } from "./components.ts";
import type { AdminConfig } from "./config.ts";
import { fromFile, toFile } from "./file-format.ts";
import { configFileName, formatNames } from "./names.ts";
import { markTranslations, type EntryMap } from "./pre-save.ts";
import { registerWidgets, type CmsApi } from "./widgets.ts";

/** The site's locale closest to the browser's languages; the site's first locale otherwise. */
export function uiLocale(languages: readonly string[]): string {
  for (const language of languages) {
    const code = language.toLowerCase().split("-")[0];
    const found = localeCodes.find((locale) => locale === code);
    if (found) return found;
  }
  return localeCodes[0]!;
}

// Beside the page: /admin/config.fr.json.
const response = await fetch(configFileName(uiLocale(navigator.languages)));
const { cms: config, components } = (await response.json()) as AdminConfig;
const originals = Object.fromEntries(
  config.collections.map((c) => [c.name, (c.i18n as { default_locale: string }).default_locale]),
);

for (const [extension, name] of Object.entries(formatNames))
  CMS.registerCustomFormat(name, extension, { fromFile, toFile });
for (const component of editorComponentDefinitions(components)) CMS.registerEditorComponent(component);
registerWidgets(CMS as unknown as CmsApi, { locales: localeCodes, originals });
type Hook = Parameters<typeof CMS.registerEventListener>[0]["handler"];
CMS.registerEventListener({
  name: "preSave",
  handler: (({ entry }) => markTranslations(entry as unknown as EntryMap, originals)) as Hook,
});
CMS.init({ config: config as never });
