/**
 * The nginx configuration to install for a built site: deploy/nginx.conf.template with the site's host name (the
 * SITE_URL it was built with), its locales and the given paths filled in. Prints it, or writes it to --out.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { builtOrigin, nginxConfig, nginxTemplate, searchWasm, standardListen } from "../build/nginx-config.ts";
import { defaultSiteUrl } from "../src/site/site-url.ts";
import { builtFolder, readArgs, stop } from "./cli.ts";

const command = "nginx:config";
const usage =
  "npm run nginx:config -- [--root /var/www/ct-strategy] [--certificate <fullchain.pem>] [--certificate-key <privkey.pem>] [--out <file>] [<built site, default dist>]";
const { values, positionals } = readArgs(
  command,
  usage,
  {
    root: { type: "string", default: "/var/www/ct-strategy" },
    certificate: { type: "string", default: "/etc/ssl/ct-strategy/fullchain.pem" },
    "certificate-key": { type: "string", default: "/etc/ssl/ct-strategy/privkey.pem" },
    out: { type: "string" },
  },
  { positionals: true },
);
const site = builtFolder(command, usage, positionals);
const origin = builtOrigin(site);
if (!origin)
  stop(command, `found no robots.txt with a Sitemap line in ${site}; expected a site built by npm run build.`);
if (origin === defaultSiteUrl)
  stop(
    command,
    `found ${site} built for the placeholder address ${defaultSiteUrl}; expected the site's public address: build with SITE_URL=https://your.host/ npm run build, then run this again.`,
  );
let config: string;
try {
  config = nginxConfig(readFileSync(nginxTemplate, "utf8"), {
    origin,
    root: values.root,
    certificate: values.certificate,
    certificateKey: values["certificate-key"],
    listen: standardListen,
    searchWasm: searchWasm(site),
  });
} catch (error) {
  stop(command, (error as Error).message);
}
if (values.out) {
  writeFileSync(values.out, config);
  console.error(`Wrote ${values.out} for ${origin}: check it with nginx -t, then reload nginx.`);
} else process.stdout.write(config);
