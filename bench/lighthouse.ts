/**
 * Lighthouse (mobile defaults: emulated phone, simulated slow 4G and CPU) on the production build served by the
 * deployment's nginx configuration on loopback, reached under the site's own host name so that canonical links and
 * HTTPS are judged as in production: the scores a visitor's phone would give, and every audit that costs points.
 * Debian's Chromium (CHROME_PATH, else CHROMIUM_PATH, else /usr/bin/chromium); nothing is downloaded.
 * Performance varies from run to run, so each page is audited several times and the run with the median performance
 * score is reported.
 */
import * as chromeLauncher from "chrome-launcher";
import { existsSync } from "node:fs";
import lighthouse from "lighthouse";
import { localeCodes } from "../src/lib/locales.ts";
import { pathFor, type PageRef } from "../src/lib/routes.ts";
import { chromiumArgs, chromiumPath } from "../harness/browser.ts";
import { serveWithNginx } from "../harness/nginx.ts";

export const categories = ["performance", "accessibility", "best-practices", "seo"] as const;
export type Category = (typeof categories)[number];

export interface LighthouseResult {
  path: string;
  scores: Record<Category, number>;
  /** Audits that cost points: category, id, title and what Lighthouse measured. */
  shortfalls: string[];
}

const pages: PageRef[] = [
  { kind: "home" },
  { kind: "objective", objective: 1 },
  { kind: "results" },
  { kind: "search" },
];
/** Home, objective 1, all results and search, in every locale. */
export const defaultPaths = localeCodes.flatMap((locale) => pages.map((page) => pathFor(locale, page)));

/** Audits each path `runs` times and keeps, per path, the run with the median performance score. */
export async function runLighthouse(siteDir: string, paths = defaultPaths, runs = 3): Promise<LighthouseResult[]> {
  if (!existsSync(siteDir)) throw new Error(`No built site at ${siteDir}: run npm run build first.`);
  const site = await serveWithNginx(siteDir);
  const host = site.host;
  const port = new URL(site.origin).port;
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? chromiumPath(),
    chromeFlags: [
      "--headless",
      ...chromiumArgs,
      // The test server's certificate is a throwaway one; the host name resolves to it on loopback only.
      "--ignore-certificate-errors",
      `--host-resolver-rules=MAP ${host}:443 127.0.0.1:${port}`,
    ],
  });
  const audit = async (path: string): Promise<LighthouseResult> => {
    const run = await lighthouse(`https://${host}${path}`, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: [...categories],
    });
    if (!run) throw new Error(`Lighthouse returned nothing for ${path}`);
    const { lhr } = run;
    if (lhr.runtimeError) throw new Error(`Lighthouse failed on ${path}: ${lhr.runtimeError.message}`);
    const scores = Object.fromEntries(
      categories.map((id) => [id, Math.round((lhr.categories[id]?.score ?? 0) * 100)]),
    ) as Record<Category, number>;
    const shortfalls = categories.flatMap((id) =>
      (lhr.categories[id]?.auditRefs ?? []).flatMap((ref) => {
        const audit = lhr.audits[ref.id];
        if (!audit || ref.weight === 0 || audit.score === null || audit.score >= 1) return [];
        const detail = [audit.displayValue, audit.explanation].filter(Boolean).join("; ");
        return [`${id}: ${ref.id} (${audit.title}${detail ? `: ${detail}` : ""})`];
      }),
    );
    return { path, scores, shortfalls };
  };
  const results: LighthouseResult[] = [];
  try {
    for (const path of paths) {
      // Lighthouse's advice on variability: the median of several runs; the run with the median performance is kept.
      const tries: LighthouseResult[] = [];
      for (let i = 0; i < runs; i++) tries.push(await audit(path));
      tries.sort((a, b) => a.scores.performance - b.scores.performance);
      results.push(tries[Math.floor(tries.length / 2)]!);
    }
  } finally {
    chrome.kill();
    await site.close();
  }
  return results;
}
