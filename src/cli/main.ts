/** Entry point of the `ler-match` binary. */
import { main } from "./program.ts";

await main(process.argv);
