/** Opens an engine from configuration: the store file, the taxonomy, the backend and its sync. */

import type { Taxonomy } from "../../taxonomy/model.ts";
import { loadStarterOccupations, type OccupationProfile } from "../../taxonomy/starter.ts";
import { type ConfigInput, loadConfig } from "../config.ts";
import { type Clock, clockFor } from "../domain/clock.ts";
import { toIndexedCandidates } from "../scoring/indexed.ts";
import { createBackend } from "../search/create-backend.ts";
import { OutboxWorker } from "../search/outbox-worker.ts";
import { openStore } from "../store/sqlite-store.ts";
import { loadTaxonomyWithOccupations } from "../store/taxonomy-store.ts";
import { createEngine } from "./engine.ts";
import type { Engine } from "./types.ts";

export interface OpenOptions extends ConfigInput {
  /** Use this taxonomy instead of the one configured (tests, benchmarks). */
  taxonomyOverride?: Taxonomy;
  occupationsOverride?: OccupationProfile[];
  /** Overrides the configured clock (LER_MATCH_NOW). */
  clock?: Clock;
}

export async function openEngine(options: OpenOptions = {}): Promise<Engine> {
  const { taxonomyOverride, occupationsOverride, clock, ...overrides } = options;
  const config = loadConfig(overrides);
  const store = openStore(config.db);
  try {
    // the occupations of the loaded taxonomies (ESCO's, O*NET's when imported) are the roles a person is ranked for
    const loaded = taxonomyOverride
      ? { taxonomy: taxonomyOverride, occupations: loadStarterOccupations() }
      : loadTaxonomyWithOccupations(store.taxonomy, { include: config.taxonomy });
    const { taxonomy } = loaded;
    const index = await createBackend(config, taxonomy);
    const worker = new OutboxWorker(store, index, { trust: config.scoring.trust });
    if (config.backend === "embedded")
      await index.upsert([
        ...toIndexedCandidates(store.indexableCandidates(undefined), config.scoring.trust),
      ]);
    // an index of an older document layout is rebuilt from the store before anything reads it; a
    // node that is down at open is checked at the next open (the engine still starts: writes queue)
    if (index.rebuild && (await index.outdated?.().catch(() => false)))
      await index.rebuild(toIndexedCandidates(store.indexableCandidates(undefined), config.scoring.trust));
    await worker.drainOnce().catch(() => undefined);
    if (config.backend === "elasticsearch") worker.start();
    return createEngine({
      store,
      taxonomy,
      occupations: occupationsOverride ?? loaded.occupations,
      index,
      worker,
      scoring: config.scoring,
      now: clock ?? clockFor(config.now),
    });
  } catch (e) {
    store.close();
    throw e;
  }
}
