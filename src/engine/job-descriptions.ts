/**
 * A pasted job description as use cases: understood once, its requirements — resolved by the
 * parse itself — matched or analysed as they are. The API, the pages and the CLI read the text
 * and call one of these.
 */
import type { JobDescriptionParse } from "../../taxonomy/jd/types.ts";
import type { MatchOptions } from "../domain/schemas.ts";
import type { Analyser } from "./analyse.ts";
import { educationFromJd } from "./analyse.ts";
import { positionFromJd, type ResolvedPosition, resolvedFromJd } from "./requirements.ts";
import type { JobDescriptionMethods, MatchPage } from "./types.ts";

interface JobDescriptionDeps {
  parse(text: string): Promise<JobDescriptionParse>;
  match(resolved: ResolvedPosition, options?: Partial<MatchOptions>): Promise<MatchPage>;
  analyser: Analyser;
}

export function jobDescriptionMethods(deps: JobDescriptionDeps): JobDescriptionMethods {
  return {
    async positionFromJobDescription(text) {
      const jobDescription = await deps.parse(text);
      return { jobDescription, position: positionFromJd(jobDescription) };
    },
    async matchJobDescription(text, options) {
      const jobDescription = await deps.parse(text);
      return { ...(await deps.match(resolvedFromJd(jobDescription), options)), jobDescription };
    },
    async analyseJobDescription(text, options) {
      const jobDescription = await deps.parse(text);
      return deps.analyser.analyseResolved(
        resolvedFromJd(jobDescription),
        educationFromJd(jobDescription),
        options,
      );
    },
  };
}
