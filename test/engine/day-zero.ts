import { compileModel } from "../../src/core/engine/model.js";
import { economyStep } from "../../src/core/engine/steps/economy.js";
import { networkStateStep } from "../../src/core/engine/steps/network-state.js";
import { routingStep } from "../../src/core/engine/steps/routing.js";
import { createWorld, type World } from "../../src/core/engine/world.js";
import { createStreams } from "../../src/core/random/index.js";
import type { Scenario } from "../../src/core/scenario/types.js";

/**
 * A world on day 0 after its first network state, equilibrium and economy, as simulate() starts the
 * days (without its reference solve of the open network), for tests of one step at a time.
 */
export function dayZeroWorld(scenario: Scenario, days?: number): World {
  const w = createWorld(compileModel(scenario, days === undefined ? {} : { days }), createStreams(1, 0));
  networkStateStep(w);
  routingStep(w);
  economyStep(w);
  return w;
}
