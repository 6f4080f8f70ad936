/** Debian's Chromium through playwright-core: one launcher for every browser test and benchmark. */
import { existsSync } from "node:fs";
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from "playwright-core";

/** CHROMIUM_PATH overrides the Debian location. */
export function chromiumPath(env: Record<string, string | undefined> = process.env): string {
  return env.CHROMIUM_PATH ?? "/usr/bin/chromium";
}

/** Stops with the name of the missing program and how to install it, rather than skipping. */
function requireChromium(): string {
  const path = chromiumPath();
  if (!existsSync(path))
    throw new Error(
      `Chromium not found at ${path}: install Debian's package (sudo apt-get install chromium) or set CHROMIUM_PATH.`,
    );
  return path;
}

// The machine's network is closed: without these flags Chromium keeps trying to reach Google's hosts.
export const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** `extraArgs`: e.g. a served site's host-resolver rule (NginxSite.chromiumArgs). */
export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: requireChromium(), headless: true, args: [...chromiumArgs, ...extraArgs] });
}

/** What went wrong in a browser context, each entry prefixed with the page it happened on. */
export interface PageProblems {
  consoleErrors: string[];
  /** Content-Security-Policy violations, as the page's securitypolicyviolation events report them. */
  policyViolations: string[];
  /** Requests to anything but the served origin. */
  offOrigin: string[];
  /** Subresources that failed or answered 4xx/5xx (documents are checked by the tests that load them). */
  failedLoads: string[];
}

/** Records every problem of every page the context opens, from before the page's first script runs. */
export async function watchContext(context: BrowserContext, origin: string): Promise<PageProblems> {
  const problems: PageProblems = { consoleErrors: [], policyViolations: [], offOrigin: [], failedLoads: [] };
  const where = (page: Page | null | undefined) => (page ? page.url().replace(origin, "") || "/" : "(no page)");
  await context.exposeBinding("__reportPolicyViolation", ({ page }, violation: string) => {
    problems.policyViolations.push(`${where(page)}: ${violation}`);
  });
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      const report = (window as unknown as { __reportPolicyViolation: (v: string) => void }).__reportPolicyViolation;
      report(`${e.effectiveDirective} blocked ${e.blockedURI || "inline code"} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  context.on("console", (message) => {
    if (message.type() === "error") problems.consoleErrors.push(`${where(message.page())}: ${message.text()}`);
  });
  context.on("weberror", (error) => problems.consoleErrors.push(`${where(error.page())}: ${error.error().message}`));
  context.on("request", (request) => {
    // A blob: URL made by the page holds the page's own origin: blob:https://127.0.0.1:1234/<id>.
    if (
      !request
        .url()
        .replace(/^blob:/, "")
        .startsWith(`${origin}/`)
    )
      problems.offOrigin.push(`${where(request.frame().page())}: ${request.url()}`);
  });
  context.on("requestfailed", (request) => {
    // Aborted: the page navigated away before a late request (such as the favicon) finished; nothing failed.
    if (request.failure()?.errorText === "net::ERR_ABORTED") return;
    problems.failedLoads.push(`${where(request.frame().page())}: ${request.url()} ${request.failure()?.errorText}`);
  });
  context.on("response", (response) => {
    if (response.status() >= 400 && !response.request().isNavigationRequest())
      problems.failedLoads.push(`${where(response.frame().page())}: ${response.url()} answered ${response.status()}`);
  });
  return problems;
}

/** A slow mobile link, as the benchmarks emulate it: 1.6 Mbit/s down, 750 kbit/s up, 150 ms round trip. */
export async function emulateSlowLink(cdp: CDPSession): Promise<void> {
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 150,
    downloadThroughput: (1.6 * 1024 * 1024) / 8,
    uploadThroughput: (750 * 1024) / 8,
  });
}
