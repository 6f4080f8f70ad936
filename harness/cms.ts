/**
 * Driving the CMS at /admin/ in Chromium on a copy of the content, for tests and the bench, without a dialog: the browser's origin-private file
 * system (OPFS) holds the copy (a `repo/` folder with `.git/`, which is all Sveltia checks), and
 * window.showDirectoryPicker() returns that folder, so "Work with Local Repository" opens it.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { BrowserContext, Locator, Page } from "playwright-core";

/** Every file under a content folder as [path in the repository, text], e.g. ["content/results/fr/2-3.mdx", "---…"]. */
export function repositoryFiles(contentDir: string): [string, string][] {
  const out: [string, string][] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else
        out.push([`content/${path.relative(contentDir, full).split(path.sep).join("/")}`, readFileSync(full, "utf8")]);
    }
  };
  walk(contentDir);
  return out;
}

/**
 * Makes showDirectoryPicker() hand over the OPFS folder /repo in every page of the context, and records the Markdown
 * each rich-text editor last handed its entry: Sveltia's editor sends it in an `Update` event on its root element
 * 100 ms or more after the last change (later on a busy machine), so what the screen shows is not yet what Save writes.
 */
export async function pickOpfsFolder(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    (window as unknown as { showDirectoryPicker: () => Promise<FileSystemDirectoryHandle> }).showDirectoryPicker =
      async () => (await navigator.storage.getDirectory()).getDirectoryHandle("repo");
    // Capturing on the document sees the event, which does not bubble, before the editor handles it.
    document.addEventListener(
      "Update",
      (event) => {
        const value = (event as CustomEvent<{ value?: unknown }>).detail?.value;
        if (event.target instanceof HTMLElement && typeof value === "string") event.target.dataset.testValue = value;
      },
      true,
    );
  });
}

/**
 * Waits until a field holds `text`: what it shows (`shown`: an input's value, an editor's text ending with it), or
 * the Markdown a rich-text editor last handed its entry (`handed`, see pickOpfsFolder).
 */
function untilField(field: Locator, text: string, what: "shown" | "handed"): Promise<void> {
  return field.evaluate(
    (element, [text, what]) =>
      new Promise<void>((resolve, reject) => {
        const value = () =>
          what === "handed"
            ? ((element as HTMLElement).dataset.testValue ?? "")
            : element instanceof HTMLInputElement
              ? element.value
              : (element.textContent ?? "");
        const holds = () => (what === "handed" ? value().includes(text) : value().trimEnd().endsWith(text));
        const until = Date.now() + 30_000;
        const check = () => {
          if (holds()) resolve();
          else if (Date.now() > until)
            reject(
              new Error(
                what === "handed"
                  ? `the editor shows "${text}" but handed its entry "${value().slice(-80)}"`
                  : `"${text}" was typed but the field ends "${value().slice(-40)}"`,
              ),
            );
          else setTimeout(check, 20);
        };
        check();
      }),
    [text, what] as const,
  );
}

/** Waits until a rich-text editor has handed its entry Markdown containing `text` (see pickOpfsFolder). */
export const untilEditorHolds = (editor: Locator, text: string) => untilField(editor, text, "handed");

/** Replaces the OPFS folder /repo with a repository holding `files` (run on a page of the CMS's origin). */
export async function fillOpfs(page: Page, files: [string, string][]): Promise<void> {
  await page.evaluate(async (files) => {
    const root = await navigator.storage.getDirectory();
    await root.removeEntry("repo", { recursive: true }).catch(() => undefined);
    const repo = await root.getDirectoryHandle("repo", { create: true });
    const write = async (folder: FileSystemDirectoryHandle, name: string, text: string) => {
      const writable = await (await folder.getFileHandle(name, { create: true })).createWritable();
      await writable.write(text);
      await writable.close();
    };
    await write(await repo.getDirectoryHandle(".git", { create: true }), "HEAD", "ref: refs/heads/main\n");
    for (const [file, text] of files) {
      const parts = file.split("/");
      let folder = repo;
      for (const part of parts.slice(0, -1)) folder = await folder.getDirectoryHandle(part, { create: true });
      await write(folder, parts.at(-1)!, text);
    }
  }, files);
}

/** Every file of the OPFS repository except .git/, with its text or its lastModified time. */
function walkOpfs<K extends "text" | "lastModified">(page: Page, what: K) {
  return page.evaluate(async (what) => {
    const out: Record<string, string | number> = {};
    const walk = async (folder: FileSystemDirectoryHandle, prefix: string) => {
      for await (const [name, handle] of folder as unknown as AsyncIterable<[string, FileSystemHandle]>) {
        if (name === ".git") continue;
        if (handle.kind === "directory") await walk(handle as FileSystemDirectoryHandle, `${prefix}${name}/`);
        else {
          const file = await (handle as FileSystemFileHandle).getFile();
          out[`${prefix}${name}`] = what === "text" ? await file.text() : file.lastModified;
        }
      }
    };
    await walk(await (await navigator.storage.getDirectory()).getDirectoryHandle("repo"), "");
    return out;
  }, what) as Promise<Record<string, K extends "text" ? string : number>>;
}

/** Every file of the OPFS repository except .git/, as { path: text }. */
export const readOpfs = (page: Page) => walkOpfs(page, "text");

/** lastModified of every file of the OPFS repository, to tell a file rewritten from one left alone. */
export const opfsTimes = (page: Page) => walkOpfs(page, "lastModified");

/** The admin's words for its buttons, in the language the test runs it in (Sveltia's own translation files). */
export function cmsWords(language: string): Record<string, string> {
  const file = [
    `node_modules/@sveltia/cms/locales/${language}.json`,
    "node_modules/@sveltia/cms/locales/en-US.json",
  ].find((f) => existsSync(f))!;
  return JSON.parse(readFileSync(file, "utf8")) as Record<string, string>;
}

/** Opens /admin/ and the OPFS folder through "Work with Local Repository"; resolves once the collections show. */
export async function openLocalRepository(page: Page, origin: string, words: Record<string, string>): Promise<void> {
  await page.goto(`${origin}/admin/`);
  await page.getByRole("button", { name: words.work_with_local_repo }).click({ timeout: 60_000 });
  await page.waitForURL(/#\/collections\//, { timeout: 60_000 });
}

/** The editing pane of one locale (Sveltia marks each with data-locale and data-mode). */
export const pane = (page: Page, locale: string) => page.locator(`[data-locale="${locale}"][data-mode="edit"]`);

/** The name Sveltia gives a language in its locale switcher: Intl's, its first letter in upper case. */
export function languageName(code: string, uiLanguage: string): string {
  const name = new Intl.DisplayNames([uiLanguage], { type: "language" }).of(code) ?? code;
  return name.charAt(0).toLocaleUpperCase(uiLanguage) + name.slice(1);
}

/** Shows a locale's editing pane on the right, where Sveltia shows the preview or another locale. */
export async function showOnRight(page: Page, locale: string, words: Record<string, string>, uiLanguage: string) {
  if (await pane(page, locale).isVisible()) return;
  const switcher = page.getByRole("radiogroup", { name: words.switch_locale }).last();
  await switcher.getByRole("radio", { name: languageName(locale, uiLanguage) }).click();
  await pane(page, locale).waitFor({ timeout: 30_000 });
}

/** Types at the end of a pane's body (its rich-text editor), or of its `name` field for entries without a body. */
export async function typeAtEnd(page: Page, locale: string, text: string, field: "body" | "name" = "body") {
  const section = pane(page, locale).locator(`section[data-key-path="${field}"]`);
  if (field === "body") {
    await section.locator('[role="textbox"][contenteditable="true"] > p').last().click();
    await page.keyboard.press("Control+End");
  } else {
    await section.locator("input").click();
    await page.keyboard.press("End");
  }
  await page.keyboard.type(text);
  // Keys are applied by the editor in its own time: wait until the whole text is there, or a save would miss the end.
  const typed =
    field === "body" ? section.locator('[role="textbox"][contenteditable="true"]').first() : section.locator("input");
  await untilField(typed, text, "shown");
  // An input hands its entry each key as typed; the rich-text editor later.
  if (field === "body") await untilEditorHolds(typed, text);
}
