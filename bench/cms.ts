/**
 * The CMS at /admin/ as an editor meets it, on the production build served by nginx (brotli, HTTP/2, loopback), in
 * Chromium with a copy of the content in its private file system: time to the sign-in screen, to the list of
 * expected results, to an entry's form, and from Save to the file written; bytes received until the list shows.
 * Each run in a fresh browser context (nothing cached).
 */
import type { Browser } from "playwright-core";
import { launchChromium } from "../harness/browser.ts";
import { serveWithNginx } from "../harness/nginx.ts";
import { defaultLocale } from "../src/lib/locales.ts";
import { adminPath } from "../src/lib/routes.ts";
import { cmsWords, fillOpfs, pane, pickOpfsFolder, readOpfs, repositoryFiles, typeAtEnd } from "../harness/cms.ts";

export interface CmsRun {
  signInMs: number;
  listMs: number;
  entryMs: number;
  saveMs: number;
  listBytes: number;
}

async function once(browser: Browser, origin: string, options: { ignoreHTTPSErrors: true }): Promise<CmsRun> {
  const words = cmsWords(defaultLocale);
  const context = await browser.newContext({
    ...options,
    locale: defaultLocale,
    viewport: { width: 1400, height: 1000 },
  });
  await pickOpfsFolder(context);
  const page = await context.newPage();
  await page.goto(`${origin}/`);
  await fillOpfs(page, repositoryFiles("content"));
  let bytes = 0;
  page.on(
    "requestfinished",
    (request) => void request.sizes().then((s) => (bytes += s.responseBodySize + s.responseHeadersSize)),
  );
  await page.goto(`${origin}${adminPath}#/collections/results`, { waitUntil: "commit" });
  const signIn = page.getByRole("button", { name: words.work_with_local_repo });
  await signIn.waitFor({ timeout: 60_000 });
  const signInMs = await page.evaluate(() => performance.now());
  await signIn.click();
  const results = repositoryFiles("content").filter(([f]) => f.startsWith(`content/results/${defaultLocale}/`)).length;
  const listMs = (await (
    await page.waitForFunction(
      (n) =>
        document.querySelectorAll('[role="row"], [role="listitem"], [role="gridcell"]').length >= n
          ? performance.now()
          : false,
      results,
      { timeout: 60_000, polling: "raf" },
    )
  ).jsonValue()) as number;
  const listBytes = bytes;
  const opened = performance.now();
  await page.goto(`${origin}${adminPath}#/collections/results/entries/2-3`);
  await pane(page, defaultLocale)
    .locator('section[data-key-path="body"] [role="textbox"]')
    .first()
    .waitFor({ timeout: 60_000 });
  const entryMs = performance.now() - opened;
  await typeAtEnd(page, defaultLocale, " Mesure.");
  const saving = performance.now();
  await page.getByRole("button", { name: words.save, exact: true }).click();
  // Polled: the CMS writes the entry's files one after the other, each replaced whole.
  for (;;) {
    const files = await readOpfs(page).catch(() => ({}) as Record<string, string>);
    if (Object.entries(files).some(([f, t]) => f.endsWith(`/${defaultLocale}/2-3.mdx`) && t.includes("Mesure."))) break;
    await page.waitForTimeout(5);
  }
  const saveMs = performance.now() - saving;
  await context.close();
  return { signInMs, listMs, entryMs, saveMs, listBytes };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  return sorted.length % 2 ? sorted[Math.floor(middle)]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** `runs` fresh openings of the CMS of a built site, and the median of each figure. */
export async function benchCms(siteDir: string, runs: number, onRun?: (run: CmsRun, index: number) => void) {
  const site = await serveWithNginx(siteDir);
  const browser = await launchChromium();
  const all: CmsRun[] = [];
  try {
    await once(browser, site.origin, site.contextOptions); // warm-up: disk cache and nginx, not counted
    for (let i = 0; i < runs; i++) {
      const run = await once(browser, site.origin, site.contextOptions);
      all.push(run);
      onRun?.(run, i);
    }
  } finally {
    await browser.close();
    await site.close();
  }
  const keys = ["signInMs", "listMs", "entryMs", "saveMs", "listBytes"] as const;
  return Object.fromEntries(keys.map((k) => [k, median(all.map((r) => r[k]))])) as unknown as CmsRun;
}
