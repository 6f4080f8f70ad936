/**
 * The CMS configuration against its sources: every schema field has its CMS field, of the same kind, required the
 * same way; every locale of locales.ts is there, each collection's original language first; labels come from each
 * locale's dictionary. Compared with the schemas' JSON Schema, not with what the generator itself computes.
 */
import { describe, expect, it } from "vitest";
import { cmsConfig, collectionSchema, contentFacts, readDictionaries, type CmsField } from "../../editor/cms/config";
import { fileField, formatNames } from "../../editor/cms/names";
import { readSettings } from "../../editor/cms/settings";
import { bodyRequired } from "../../src/checks/body-checks";
import { readContentFiles } from "../../src/checks/content-files";
import { collectionNames, type CollectionName } from "../../src/lib/collections";
import { localeCodes } from "../../src/lib/locales";

const { files } = readContentFiles("content");
const facts = contentFacts(files);
const dictionaries = readDictionaries();
const settings = readSettings({});
const configs = localeCodes.map((uiLocale) => ({
  uiLocale,
  config: cmsConfig({ uiLocale, dictionary: dictionaries[uiLocale], facts, settings, siteUrl: "https://example.org/" }),
}));

interface Property {
  type?: string;
  enum?: string[];
  properties?: Record<string, Property>;
  required?: string[];
}

const fieldsOf = (config: (typeof configs)[number]["config"], collection: CollectionName): CmsField[] => {
  const found = config.collections.find((c) => c.name === collection)!;
  return found.fields ?? found.files![0]!.fields;
};

/** What a CMS field must be for a schema property: a disagreement is named by its path. */
function disagreements(path: string, property: Property, required: boolean, field: CmsField | undefined): string[] {
  if (!field) return [`${path}: no CMS field`];
  const problems: string[] = [];
  if ((field.required ?? true) !== required) problems.push(`${path}: required ${String(field.required)} in the CMS`);
  if (property.type === "integer") {
    const numeric =
      (field.widget === "number" && field.value_type === "int") ||
      (field.widget === "select" && (field.options as { value: unknown }[]).every((o) => Number.isInteger(o.value)));
    if (!numeric) problems.push(`${path}: a whole number in the schema, ${field.widget} in the CMS`);
  } else if (property.enum) {
    if (field.widget !== "select" || JSON.stringify(field.options) !== JSON.stringify(property.enum))
      problems.push(`${path}: one of ${property.enum.join(", ")} in the schema, not the CMS's choices`);
  } else if (property.type === "object") {
    const inner = field.fields ?? [];
    const names = Object.keys(property.properties ?? {});
    if (JSON.stringify(inner.map((f) => f.name)) !== JSON.stringify(names))
      problems.push(
        `${path}: fields ${names.join(", ")} in the schema, ${inner.map((f) => f.name).join(", ")} in the CMS`,
      );
    for (const name of names)
      problems.push(
        ...disagreements(
          `${path}.${name}`,
          property.properties![name]!,
          property.required?.includes(name) ?? false,
          inner.find((f) => f.name === name),
        ),
      );
  } else if (property.type === "string" && !["string", "text", "translation-status"].includes(field.widget))
    problems.push(`${path}: text in the schema, ${field.widget} in the CMS`);
  return problems;
}

describe("the CMS configuration, generated from the schemas, locales.ts and the dictionaries", () => {
  it("has, for every schema field, one CMS field of the same kind and required the same way, in the same order", () => {
    for (const { config } of configs)
      for (const collection of collectionNames) {
        const schema = collectionSchema(collection) as Property;
        const fields = fieldsOf(config, collection).filter((f) => f.name !== fileField && f.name !== "body");
        expect(
          fields.map((f) => f.name),
          collection,
        ).toEqual(Object.keys(schema.properties!));
        const problems = Object.entries(schema.properties!).flatMap(([name, property]) =>
          disagreements(
            `${collection}.${name}`,
            property,
            schema.required?.includes(name) ?? false,
            fields.find((f) => f.name === name),
          ),
        );
        expect(problems).toEqual([]);
        const body = fieldsOf(config, collection).find((f) => f.name === "body");
        expect(body?.widget, collection).toBe(bodyRequired[collection] ? "markdown" : undefined);
      }
  });

  it("stops, naming the dictionary and the key, when a field has no label", () => {
    const rest: Record<string, string> = { ...dictionaries[localeCodes[0]!] };
    delete rest["cms.results.order"];
    expect(() =>
      cmsConfig({
        uiLocale: localeCodes[0]!,
        dictionary: rest as never,
        facts,
        settings,
        siteUrl: "https://example.org/",
      }),
    ).toThrow(`src/i18n/${localeCodes[0]}.json: no "cms.results.order"`);
  });

  it("edits every locale of locales.ts in its own folder, each collection's original language first", () => {
    for (const { config } of configs) {
      expect(config.i18n).toMatchObject({ structure: "multiple_folders", locales: localeCodes });
      for (const collection of collectionNames) {
        const i18n = config.collections.find((c) => c.name === collection)!.i18n as {
          locales: string[];
          default_locale: string;
        };
        // The original is the language the translations of that collection say they come from.
        const from = files
          .filter((f) => f.collection === collection && f.data.translatedFrom)
          .map((f) => f.data.translatedFrom);
        expect(new Set(from), collection).toEqual(new Set([i18n.default_locale]));
        expect(i18n.locales[0]).toBe(i18n.default_locale);
        expect([...i18n.locales].sort()).toEqual([...localeCodes].sort());
      }
    }
  });

  it("offers a result's objective as a choice among the existing objectives, by number", () => {
    const numbers = [...new Set(files.filter((f) => f.collection === "objectives").map((f) => f.data.number))].sort();
    for (const { config } of configs) {
      const objective = fieldsOf(config, "results").find((f) => f.name === "objective")!;
      expect(objective.widget).toBe("select");
      const options = objective.options as { value: number; label: string }[];
      expect(options.map((o) => o.value)).toEqual(numbers);
      // By number, as the site numbers them; what each stands for, in the hint.
      for (const option of options) {
        expect(option.label).toBe(String(option.value));
        expect(objective.hint).toContain(`${option.value}: `);
      }
    }
  });

  it("labels collections and fields in each locale's own words, from its dictionary", () => {
    for (const { uiLocale, config } of configs) {
      const words = dictionaries[uiLocale] as Record<string, string>;
      expect(config.collections.find((c) => c.name === "results")!.label).toBe(words["cms.results"]);
      const order = fieldsOf(config, "results").find((f) => f.name === "order")!;
      expect(order).toMatchObject({ label: words["cms.results.order"], hint: words["cms.results.order.hint"] });
      expect(config.app_title).toBe(words["cms.appTitle"]);
    }
  });

  it("reads and writes files through the project's own format, never Sveltia's YAML writer", () => {
    for (const { config } of configs)
      for (const collection of config.collections)
        for (const target of collection.files ?? [collection])
          expect(Object.values(formatNames)).toContain((target as { format?: string }).format);
  });
});
