/** The static route of the open data files with one extension: paths from routes.ts, bodies from open-data.ts. */
import type { APIRoute, GetStaticPaths } from "astro";
import { loadStrategy } from "./load-strategy.ts";
import { localeCodes, type Locale } from "../lib/locales.ts";
import { openDataFiles } from "./open-data.ts";
import { dataFiles, dataPath, type DataFile } from "../lib/routes.ts";

interface Props {
  locale: Locale;
  file: DataFile;
}

// The extension stays in the route's file name (e.g. [file].json.ts) so that Astro serves the file as named,
// without the trailing slash the site's pages take.
export function dataFileRoute(extension: ".json" | ".csv") {
  const getStaticPaths = (() =>
    localeCodes.flatMap((locale) =>
      dataFiles
        .filter((file) => dataPath(locale, file).endsWith(extension))
        .map((file) => {
          const [, , folder, name] = dataPath(locale, file).split("/");
          return { params: { locale, folder, file: name!.slice(0, -extension.length) }, props: { locale, file } };
        }),
    )) satisfies GetStaticPaths;

  const GET: APIRoute<Props> = async ({ props, site }) => {
    const found = openDataFiles(await loadStrategy(props.locale), site!).find((f) => f.file === props.file)!;
    return new Response(found.body, { headers: { "Content-Type": found.contentType } });
  };

  return { getStaticPaths, GET };
}
