/**
 * The admin's two field types, as React components through the API Sveltia exposes (window.createClass, window.h):
 * - file-notice, on the CMS-only field: names the file, and when a file of the entry cannot be written back as it is,
 *   says so at the top of the form and makes saving fail validation, so the file is never rewritten;
 * - translation-status, on sourceHash: the state of this locale's text (original, translated, outdated, to write),
 *   computed live from the drafts, and one button that records the original's current hash.
 */
import { fileRecord, type FileRecord } from "./file-format.ts";
import { fieldTypes, fileField, stringsKey } from "./names.ts";
import { draftFile, draftState } from "./translation-state.ts";
import type { FileText, TranslationState } from "../../src/lib/translation-text.ts";

/** The part of Immutable.js's Map the widgets read. */
interface ImmutableMap {
  get(key: string): unknown;
  toJS(): Record<string, unknown>;
  entries(): IterableIterator<[string, ImmutableMap]>;
}

interface ControlProps {
  value: unknown;
  field: ImmutableMap;
  entry?: ImmutableMap;
  onChange: (value: unknown) => void;
  forID?: string;
}

type Element = unknown;
type H = (type: string | object, props?: Record<string, unknown> | null, ...children: unknown[]) => Element;
/** A component made by createClass, as its methods see it. */
interface Instance {
  props: ControlProps;
  state: Record<string, unknown>;
  setState: (state: Record<string, unknown>) => void;
  unmounted?: boolean;
}
type CreateClass = (spec: Record<string, unknown> & ThisType<Instance>) => object;

export interface CmsApi {
  registerFieldType: (name: string, control: object, preview?: (props: { value: unknown }) => Element) => void;
}

/** Each locale's draft as a file, from the `entry` a control receives: data is its own locale, i18n the others. */
function drafts(entry: ImmutableMap | undefined): { own: FileText; others: Record<string, FileText> } {
  const own = draftFile((entry?.get("data") as ImmutableMap | undefined)?.toJS() ?? {});
  const others: Record<string, FileText> = {};
  const i18n = entry?.get("i18n") as ImmutableMap | undefined;
  for (const [locale, value] of i18n?.entries() ?? [])
    others[locale] = draftFile((value.get("data") as ImmutableMap | undefined)?.toJS() ?? {});
  return { own, others };
}

/** The locale of the pane a control is in: the one the entry's i18n part does not list. */
const ownLocale = (locales: string[], others: Record<string, unknown>) => locales.find((l) => !(l in others)) ?? "";

const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key] ?? ""));

const strings = (field: ImmutableMap) =>
  ((field.get(stringsKey) as ImmutableMap | undefined)?.toJS() ?? {}) as Record<string, string>;

export function registerWidgets(CMS: CmsApi, options: { locales: string[]; originals: Record<string, string> }) {
  const { createClass, h } = window as unknown as { createClass: CreateClass; h: H };

  /** Files of the entry that cannot be written back as they are, each with its message. */
  function problems(props: ControlProps): string[] {
    const words = strings(props.field);
    const { others } = drafts(props.entry);
    const own = ownLocale(options.locales, others);
    const records: [string, FileRecord | undefined][] = [[own, fileRecord({ [fileField]: props.value })]];
    const i18n = props.entry?.get("i18n") as ImmutableMap | undefined;
    for (const [locale, value] of i18n?.entries() ?? [])
      records.push([locale, fileRecord((value.get("data") as ImmutableMap | undefined)?.toJS() ?? {})]);
    const path = String(props.entry?.get("path") ?? "");
    // Each dictionary quotes the lines as its language does.
    const show = (line: string) => (line === "" ? (words.emptyLine ?? "") : line);
    return records.flatMap(([locale, record]) =>
      record?.problem
        ? [
            fill(words.readOnly ?? "", {
              file: path.replace(/\/[^/]+\/([^/]+)$/, `/${locale}/$1`) || locale,
              line: record.problem.line,
              before: show(record.problem.before),
              after: show(record.problem.after),
            }),
          ]
        : [],
    );
  }

  const FileNotice = createClass({
    // Sveltia asks each control whether its value is valid before saving: a file that cannot be written back stops it.
    isValid() {
      return problems(this.props).length > 0 ? { error: { message: strings(this.props.field).refused } } : true;
    },
    render() {
      const found = problems(this.props);
      const path = String(this.props.entry?.get("path") ?? "");
      if (found.length === 0) return h("p", { className: "cms-file", "data-file": path }, path);
      return h(
        "div",
        { className: "cms-file-readonly", role: "alert", "data-read-only": "true" },
        ...found.map((message, index) => h("p", { key: index }, message)),
      );
    },
  });

  const colours: Record<TranslationState, [string, string]> = {
    original: ["#e8eefc", "#1d3a8a"],
    translated: ["#e3f4e8", "#17602e"],
    outdated: ["#fdf0d5", "#7a4b00"],
    "to write": ["#fbe3e4", "#8a1d25"],
    missing: ["#fbe3e4", "#8a1d25"],
    untracked: ["#eeeeee", "#333333"],
  };
  const wordFor: Record<TranslationState, string> = {
    original: "original",
    translated: "translated",
    outdated: "outdated",
    "to write": "toWrite",
    missing: "toWrite",
    untracked: "original",
  };

  /** Recomputes a status control's state from the drafts, which change with every keystroke in any locale. */
  async function refresh(component: Instance) {
    {
      const props = component.props;
      const { own, others } = drafts(props.entry);
      const locale = ownLocale(options.locales, others);
      const all = { ...others, [locale]: own };
      const collection = String(props.entry?.get("collection") ?? "");
      const original = options.originals[collection] ?? options.locales[0]!;
      const mine = await draftState(own, all, original, locale);
      // On an original: the state of each translation made from it.
      const translations: [string, TranslationState][] = [];
      if (mine.from === undefined)
        for (const [other, file] of Object.entries(others)) {
          const theirs = await draftState(file, all, original, other);
          if (theirs.from === locale) translations.push([other, theirs.state]);
        }
      if (!component.unmounted) component.setState({ state: mine.state, hash: mine.hash, translations });
    }
  }

  const TranslationStatus = createClass({
    getInitialState: () => ({ state: undefined, hash: undefined, translations: [] }),
    componentDidMount() {
      void refresh(this);
    },
    componentDidUpdate(previous: ControlProps) {
      if (previous.entry !== this.props.entry || previous.value !== this.props.value) void refresh(this);
    },
    componentWillUnmount() {
      this.unmounted = true;
    },
    render() {
      const words = strings(this.props.field);
      const { state, hash, translations } = this.state as {
        state?: TranslationState;
        hash?: string;
        translations: [string, TranslationState][];
      };
      const badge = (value: TranslationState, key: string) =>
        h(
          "span",
          {
            key,
            className: "cms-state",
            "data-state": value,
            style: {
              background: colours[value][0],
              color: colours[value][1],
              padding: "2px 8px",
              borderRadius: "10px",
              fontWeight: 600,
            },
          },
          words[wordFor[value]] ?? value,
        );
      if (!state) return h("div", { className: "translation-status" });
      const children: unknown[] = [badge(state, "state")];
      if (state === "outdated" && hash)
        children.push(
          h("p", { key: "help" }, words.outdatedHelp),
          h(
            "button",
            {
              key: "mark",
              type: "button",
              id: this.props.forID,
              onClick: () => this.props.onChange(hash),
              style: { padding: "4px 12px", cursor: "pointer" },
            },
            words.markUpToDate,
          ),
        );
      if (translations.length > 0)
        children.push(
          h(
            "p",
            { key: "translations" },
            `${words.translations} `,
            ...translations.flatMap(([locale, value], index) => [
              index ? ", " : "",
              `${locale} `,
              badge(value, locale),
            ]),
          ),
        );
      return h("div", { className: "translation-status", "data-state": state }, ...children);
    },
  });

  CMS.registerFieldType(fieldTypes.fileNotice, FileNotice, () => null);
  CMS.registerFieldType(fieldTypes.translationStatus, TranslationStatus, ({ value }) =>
    h("code", null, String(value ?? "")),
  );
}
