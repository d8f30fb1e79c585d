/**
 * On the built-in region, the headline comparison of phased-conditional and open-now flips with the
 * hypotheses: premature opening is costlier when openness carries risk and screening is weak; staying
 * closed is costlier when the neighbour's restraint rests on its stake in the open corridor.
 */
import { describe, expect, it } from "vitest";
import { simulate } from "../../src/core/engine/index.js";
import type { Scenario } from "../../src/core/scenario/index.js";
import { BASE, loadRegion } from "./load-region.js";

const base = loadRegion(BASE).scenario;

/** The region with only the given hypotheses on, and the crossings' scanners and document checks blind. */
function variant(hypotheses: Scenario["hypotheses"]): Scenario {
  return {
    ...base,
    hypotheses,
    actants: base.actants.map((a) => (a.kind === "fence" ? a : { ...a, detection: 0 })),
  };
}

function fatalities(scenario: Scenario, policy: string): number {
  let total = 0;
  for (const seed of [1, 2])
    total += simulate(scenario, { seed, days: 730, policies: [policy] }).outcomes.fatalities;
  return total;
}

describe("the built-in region's phased-conditional vs open-now", () => {
  it("with openness carrying risk and weak screening, phased-conditional has fewer fatalities", () => {
    const s = variant({
      opennessRisk: { ...base.hypotheses.opennessRisk!, strength: 4, incidentsPerThousandVehicles: 0.2 },
    });
    expect(fatalities(s, "phased-conditional")).toBeLessThan(fatalities(s, "open-now"));
  });

  it("with openness off and stake and restraint strong, open-now has fewer fatalities", () => {
    const s = variant({ stakeRestraint: { ...base.hypotheses.stakeRestraint!, strength: 3 } });
    expect(fatalities(s, "open-now")).toBeLessThan(fatalities(s, "phased-conditional"));
  });
});
