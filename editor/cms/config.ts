/**
 * The CMS configuration, generated: collections and fields from the zod schemas (src/lib/schemas.ts through
 * collections.ts), locales from src/lib/locales.ts, labels and hints from the UI dictionaries (src/i18n/), the
 * objectives and each collection's original language from the content, the backend from deploy/cms-backend.json.
 * One configuration per locale of the site, in that locale's words; nothing here is written by hand per field.
 */
import { readFileSync } from "node:fs";
import { z } from "astro/zod";
import { bodyRequired } from "../../src/checks/body-checks.ts";
import type { ContentFile } from "../../src/checks/content-files.ts";
import { dictionaryProblems, dictionarySchema, type Dictionary } from "../../src/i18n/schema.ts";
import { collectionNames, fileSchemas, type CollectionName } from "../../src/lib/collections.ts";
import { defaultLocale, localeCodes, type Locale } from "../../src/lib/locales.ts";
import { plainText } from "../../src/lib/mdx-text.ts";
import { usualSource } from "../scaffold.ts";
import type { ComponentWords } from "./components.ts";
import { componentIds, configFileName, fieldTypes, fileField, formatNames, stringsKey } from "./names.ts";
import { backendConfig, type CmsSettings } from "./settings.ts";

/** A field of Sveltia's configuration (Decap-compatible). */
export type CmsField = Record<string, unknown> & { name: string; widget: string; fields?: CmsField[] };
export type CmsCollection = Record<string, unknown> & {
  name: string;
  fields?: CmsField[];
  files?: (Record<string, unknown> & { fields: CmsField[] })[];
};
export interface CmsConfig extends Record<string, unknown> {
  collections: CmsCollection[];
}

/** What the configuration needs to know from the content. */
export interface ContentFacts {
  /** Each objective's number and, per locale, its statement as plain text (for the result's objective choice). */
  objectives: { number: number; statement: Partial<Record<Locale, string>> }[];
  /** The language each collection's entries are usually written in first: the CMS shows it first. */
  originals: Record<CollectionName, Locale>;
}

/** Facts read from the content files (src/checks/content-files.ts readContentFiles). */
export function contentFacts(files: ContentFile[]): ContentFacts {
  const numbers = [...new Set(files.filter((f) => f.collection === "objectives").map((f) => f.data.number))]
    .filter((n): n is number => typeof n === "number")
    .sort((a, b) => a - b);
  const objectives = numbers.map((number) => ({
    number,
    statement: Object.fromEntries(
      files
        .filter((f) => f.collection === "objectives" && f.data.number === number)
        .map((f) => [f.locale, plainText(f.body, f.filePath.endsWith(".md") ? "md" : "mdx")]),
    ),
  }));
  const originals = Object.fromEntries(
    collectionNames.map((c) => [c, usualSource(files, c, defaultLocale) as Locale]),
  ) as Record<CollectionName, Locale>;
  return { objectives, originals };
}

/** Each locale's UI dictionary, read and checked against the one schema (src/i18n/schema.ts). */
export function readDictionaries(read = (file: string) => readFileSync(file, "utf8")): Record<Locale, Dictionary> {
  return Object.fromEntries(
    localeCodes.map((locale) => {
      const file = `src/i18n/${locale}.json`;
      const parsed = dictionarySchema(locale).safeParse(JSON.parse(read(file)));
      if (!parsed.success) throw new Error(`${file}: ${dictionaryProblems(locale, parsed.error).join("; ")}`);
      return [locale, parsed.data];
    }),
  ) as Record<Locale, Dictionary>;
}

/** A JSON Schema property, as z.toJSONSchema writes the zod schemas. */
interface Property {
  type?: string;
  enum?: string[];
  exclusiveMinimum?: number;
  minimum?: number;
  properties?: Record<string, Property>;
  required?: string[];
}

/** The schema of a collection's frontmatter as JSON Schema: what the configuration is derived from. */
export function collectionSchema(collection: CollectionName): Property {
  return z.toJSONSchema(fileSchemas[collection], { io: "input" }) as Property;
}

/** Strings the editors read as paragraphs rather than a line. */
const multiline = new Set(["mandate", "editorialNote"]);

/** Field-level presentation the schema cannot say: the translation status and the language of a translation. */
const customWidgets: Record<string, string> = { sourceHash: fieldTypes.translationStatus };

const smallest = (p: Property) =>
  p.minimum ?? (p.exclusiveMinimum === undefined ? undefined : Math.floor(p.exclusiveMinimum) + 1);

/** Builds one locale's configuration. */
export function cmsConfig(options: {
  uiLocale: Locale;
  dictionary: Dictionary;
  facts: ContentFacts;
  settings: CmsSettings;
  siteUrl: string;
}): CmsConfig {
  const { uiLocale, facts, settings } = options;
  const words = options.dictionary as Record<string, string>;
  const say = (key: string): string => {
    const value = words[key];
    if (value === undefined) throw new Error(`src/i18n/${uiLocale}.json: no "${key}"; the CMS configuration needs it.`);
    return value;
  };
  /** The collection's own label for a field if it has one, else the label shared by every collection. */
  const labelKey = (collection: CollectionName, path: string) => {
    const own = `cms.${collection}.${path}`;
    if (words[own] !== undefined || words[`cms.${path}`] === undefined) return own;
    return `cms.${path}`;
  };
  const labelled = (collection: CollectionName, path: string) => {
    const key = labelKey(collection, path);
    const hint = words[`${key}.hint`];
    return { label: say(key), ...(hint ? { hint } : {}) };
  };

  // Options labelled by number only, as the site numbers objectives: Sveltia writes an option's label into the entry
  // list's summary ("Expected result 2.3"). What each number stands for goes in the field's hint.
  const objectiveOptions = facts.objectives.map(({ number }) => ({ value: number, label: String(number) }));
  const objectiveHint = facts.objectives
    .map(({ number, statement }) => {
      const text = statement[uiLocale] ?? Object.values(statement)[0] ?? "";
      return `${number}: ${text.length > 60 ? `${text.slice(0, 59).trimEnd()}…` : text}`;
    })
    .join(" · ");

  function field(collection: CollectionName, path: string, property: Property, required: boolean): CmsField {
    const name = path.split(".").at(-1)!;
    const base = { name, ...labelled(collection, path), required };
    // Numbers are the same in every locale: edited in the original's language, copied to the others on save.
    if (property.type === "integer") {
      const same = { i18n: "duplicate" };
      if (collection === "results" && name === "objective")
        return {
          ...base,
          hint: [base.hint, objectiveHint].filter(Boolean).join(" "),
          widget: "select",
          options: objectiveOptions,
          ...same,
        };
      const min = smallest(property);
      return { ...base, widget: "number", value_type: "int", ...(min === undefined ? {} : { min }), ...same };
    }
    if (property.type === "object") {
      const inner = Object.entries(property.properties ?? {}).map(([key, p]) =>
        field(collection, `${path}.${key}`, p, property.required?.includes(key) ?? false),
      );
      return {
        ...base,
        widget: "object",
        fields: inner,
        i18n: inner.every((f) => f.i18n === "duplicate") ? "duplicate" : true,
      };
    }
    if (property.enum)
      // Which language a translation comes from is set when it is marked up to date, never picked by hand.
      return { ...base, widget: "select", options: property.enum, readonly: true, i18n: true };
    if (customWidgets[name] === fieldTypes.translationStatus)
      return { ...base, widget: fieldTypes.translationStatus, i18n: true, [stringsKey]: statusStrings() };
    return { ...base, widget: multiline.has(name) ? "text" : "string", i18n: true };
  }

  const statusStrings = () => ({
    original: say("cms.status.original"),
    translated: say("cms.status.translated"),
    outdated: say("cms.status.outdated"),
    toWrite: say("cms.status.toWrite"),
    markUpToDate: say("cms.status.markUpToDate"),
    outdatedHelp: say("cms.status.outdatedHelp"),
    translations: say("cms.status.translations"),
  });

  const fileNotice: CmsField = {
    name: fileField,
    label: say("cms.file"),
    hint: say("cms.file.hint"),
    widget: fieldTypes.fileNotice,
    required: false,
    preview: false,
    i18n: true,
    [stringsKey]: {
      readOnly: say("cms.file.readOnly"),
      refused: say("cms.file.refused"),
      emptyLine: say("cms.file.emptyLine"),
    },
  };

  const fieldsOf = (collection: CollectionName): CmsField[] => {
    const schema = collectionSchema(collection);
    const fields = Object.entries(schema.properties ?? {}).map(([name, property]) =>
      field(collection, name, property, schema.required?.includes(name) ?? false),
    );
    const body: CmsField[] = bodyRequired[collection]
      ? [
          {
            name: "body",
            label: say(`cms.${collection}.body`),
            widget: "markdown",
            i18n: true,
            required: true,
            // Only the components the site renders (src/mdx-components/); no images, no code blocks.
            editor_components: Object.values(componentIds),
            modes: ["rich_text", "raw"],
          },
        ]
      : [];
    return [fileNotice, ...fields, ...body];
  };

  const extension = (collection: CollectionName) => (bodyRequired[collection] ? "mdx" : "md");
  const i18n = (collection: CollectionName) => {
    const original = facts.originals[collection];
    return { locales: [original, ...localeCodes.filter((l) => l !== original)], default_locale: original };
  };
  const resultTitle = say("result.title").replace("{{number}}", "{{objective}}.{{order}}");

  const collections: CmsCollection[] = [
    {
      name: "strategy",
      label: say("cms.strategy"),
      icon: "flag",
      i18n: i18n("strategy"),
      files: [
        {
          name: "strategy",
          label: say("cms.strategy"),
          file: `content/strategy/{{locale}}/strategy.${extension("strategy")}`,
          format: formatNames[extension("strategy")],
          i18n: true,
          fields: fieldsOf("strategy"),
        },
      ],
    },
    {
      name: "objectives",
      label: say("cms.objectives"),
      label_singular: say("cms.objectives.singular"),
      icon: "flag_circle",
      folder: "content/objectives",
      extension: extension("objectives"),
      format: formatNames[extension("objectives")],
      i18n: i18n("objectives"),
      identifier_field: "number",
      slug: "{{number}}",
      summary: say("objective.title"),
      delete: false,
      duplicate: false,
      sortable_fields: { fields: ["number"], default: { field: "number" } },
      fields: fieldsOf("objectives"),
    },
    {
      name: "results",
      label: say("cms.results"),
      label_singular: say("cms.results.singular"),
      icon: "task_alt",
      folder: "content/results",
      extension: extension("results"),
      format: formatNames[extension("results")],
      i18n: i18n("results"),
      identifier_field: "order",
      slug: "{{objective}}-{{order}}",
      summary: resultTitle,
      duplicate: false,
      // Sorted by the summary ("Expected result 2.3"), Sveltia's one sort key that orders by objective then order.
      sortable_fields: { fields: ["objective", "order"], default: { field: "_summary" } },
      view_groups: [{ label: say("cms.results.objective"), field: "objective" }],
      fields: fieldsOf("results"),
    },
    {
      name: "capabilities",
      label: say("cms.capabilities"),
      label_singular: say("cms.capabilities.singular"),
      icon: "hub",
      folder: "content/capabilities",
      extension: extension("capabilities"),
      format: formatNames[extension("capabilities")],
      i18n: i18n("capabilities"),
      identifier_field: "name",
      // File names are ids such as capacity-building, the same in every locale: typed when the entry is created.
      slug: {
        template: "{{name}}",
        editable: ["create"],
        hint: say("cms.capabilities.slug.hint"),
        pattern: ["^[a-z0-9]+(?:-[a-z0-9]+)*$", say("cms.capabilities.slug.pattern")],
      },
      summary: "{{order}}. {{name}}",
      duplicate: false,
      sortable_fields: { fields: ["order", "name"], default: { field: "order" } },
      fields: fieldsOf("capabilities"),
    },
  ];
  if (collections.length !== collectionNames.length) throw new Error("every collection needs its CMS collection");

  return {
    load_config_file: false,
    backend: backendConfig(settings),
    publish_mode: settings.publishMode,
    // Required by Sveltia; the site publishes no uploaded media, and the editor offers no image component.
    media_folder: "public/media",
    public_folder: "/media",
    site_url: options.siteUrl,
    app_title: say("cms.appTitle"),
    // A logo on this site: Sveltia's default is a data: URL it fetches, which the admin's policy does not allow.
    logo: { src: "/favicon.svg" },
    i18n: { structure: "multiple_folders", locales: localeCodes, default_locale: defaultLocale },
    output: { omit_empty_optional_fields: true },
    collections,
  };
}

/** What /admin/config.<locale>.json holds: Sveltia's configuration and the words of the admin's own components. */
export interface AdminConfig {
  cms: CmsConfig;
  components: ComponentWords;
}

/** One configuration per locale of the site, by file name. */
export function adminConfigs(options: {
  dictionaries: Record<Locale, Dictionary>;
  facts: ContentFacts;
  settings: CmsSettings;
  siteUrl: string;
}): Map<string, AdminConfig> {
  return new Map(
    localeCodes.map((uiLocale) => {
      const dictionary = options.dictionaries[uiLocale];
      const components: ComponentWords = {
        callout: dictionary["cms.callout"],
        calloutTitle: dictionary["cms.callout.title"],
        calloutText: dictionary["cms.callout.text"],
        keyFigure: dictionary["cms.keyFigure"],
        keyFigureValue: dictionary["cms.keyFigure.value"],
        keyFigureLabel: dictionary["cms.keyFigure.label"],
      };
      return [configFileName(uiLocale), { cms: cmsConfig({ ...options, uiLocale, dictionary }), components }];
    }),
  );
}
