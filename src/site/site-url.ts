/** Site-wide settings read from the environment, and the sitemap's view of each page. */
import { alternates, pageAt } from "../lib/routes.ts";

export const defaultSiteUrl = "https://ct-strategy.example.org/";

/** The public origin of the site, for canonical URLs and the sitemap; SITE_URL overrides the placeholder. */
export function siteUrl(env: Record<string, string | undefined>): string {
  const raw = env.SITE_URL ?? defaultSiteUrl;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`SITE_URL: found "${raw}"; expected an absolute URL such as https://strategy.example.org/`);
  }
  if (!/^https?:$/.test(url.protocol) || url.pathname !== "/")
    throw new Error(
      `SITE_URL: found "${raw}"; expected an http(s) origin with no path, such as https://strategy.example.org/`,
    );
  return url.href;
}

/** A sitemap entry with its hreflang alternates, or undefined for pages that stay out of the sitemap (404s, landing). */
export function sitemapEntry(site: string, url: string) {
  const path = new URL(url, site).pathname;
  const found = pageAt(path);
  if (path === "/") return { url: new URL("/", site).href };
  if (!found || found.page.kind === "notFound") return undefined;
  const links: { lang: string; url: string }[] = alternates(found.page).map((a) => ({
    lang: a.locale,
    url: new URL(a.path, site).href,
  }));
  links.push({ lang: "x-default", url: new URL("/", site).href });
  return { url: new URL(path, site).href, links };
}
