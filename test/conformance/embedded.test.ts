import { EmbeddedIndex } from "../../src/search/embedded/index.ts";
import { runConformance } from "./cases.ts";

runConformance("embedded", async ({ taxonomy, config }) => new EmbeddedIndex(taxonomy, config), {
  exactFirstStage: true,
});
