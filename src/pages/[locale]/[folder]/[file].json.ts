/** The JSON data files of every locale: the whole strategy and its JSON Schema (src/lib/data-route.ts). */
import { dataFileRoute } from "../../../site/data-route";

export const { getStaticPaths, GET } = dataFileRoute(".json");
