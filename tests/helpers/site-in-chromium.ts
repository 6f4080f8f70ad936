/** One nginx serving the built site and one Chromium, for a browser test file: started before its tests, stopped after. */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchChromium } from "../../harness/browser";
import { serveWithNginx, type NginxSite } from "../../harness/nginx";

/** Call at the top of a test file; the returned fields are set once its first beforeAll has run. */
export function siteInChromium(
  siteDir: string,
  options: { origin?: string } = {},
): { site: NginxSite; browser: Browser } {
  const running = {} as { site: NginxSite; browser: Browser };
  beforeAll(async () => {
    running.site = await serveWithNginx(siteDir, options);
    running.browser = await launchChromium(running.site.chromiumArgs);
  });
  afterAll(async () => {
    await running.browser?.close();
    await running.site?.close();
  });
  return running;
}
