/** The CSV data file of every locale: the expected results as a table (src/lib/data-route.ts). */
import { dataFileRoute } from "../../../site/data-route";

export const { getStaticPaths, GET } = dataFileRoute(".csv");
