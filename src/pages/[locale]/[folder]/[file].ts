/** The open data files of every locale (paths from src/lib/routes.ts, contents from src/lib/open-data.ts). */
import type { APIRoute, GetStaticPaths } from "astro";
import { loadStrategy } from "../../../lib/load-strategy";
import { localeCodes, type Locale } from "../../../lib/locales";
import { openDataFiles } from "../../../lib/open-data";
import { dataFiles, dataPath, type DataFile } from "../../../lib/routes";

export const getStaticPaths = (() =>
  localeCodes.flatMap((locale) =>
    dataFiles.map((file) => {
      const [, , folder, name] = dataPath(locale, file).split("/");
      return { params: { locale, folder, file: name }, props: { locale, file } };
    }),
  )) satisfies GetStaticPaths;

interface Props {
  locale: Locale;
  file: DataFile;
}

export const GET: APIRoute<Props> = async ({ props, site }) => {
  const strategy = await loadStrategy(props.locale);
  const found = openDataFiles(strategy, site!).find((f) => f.file === props.file)!;
  return new Response(found.body, { headers: { "Content-Type": found.contentType } });
};
