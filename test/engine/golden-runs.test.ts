/**
 * Golden traces of whole runs, from the sources so that mutation testing sees them (the hindcast's is
 * in test/cli/golden-scenarios.test.ts): each named scenario under each of its policies at a fixed seed, written as stable text — the outcomes, every logged event
 * but the daily minor-incident counts (those are summed per zone), and per daily series three
 * checksums (its sum, its day-weighted sum, which moves when anything happens a day early or late, and
 * its last value). Numbers are rounded to 6 significant digits. On a mismatch a `-changed` file is
 * written beside the golden one (test/support/golden.ts); `UPDATE_GOLDEN=1` accepts a deliberate change.
 */
import { describe, expect, it } from "vitest";
import { type SimulationResult, simulate } from "../../src/core/engine/index.js";
import { loadScenarioFile } from "../../src/node/load-scenario.js";
import { compareGolden, roundNumbers } from "../support/golden.js";

/** The run as text: outcomes, events and series checksums. */
function traceText(result: SimulationResult): string {
  const lines: string[] = [JSON.stringify(result.outcomes, null, 1)];
  const minor = new Map<string, { days: number; incidents: number }>();
  for (const e of result.events) {
    if (e.kind === "minor-incidents") {
      const m = minor.get(e.target ?? "") ?? { days: 0, incidents: 0 };
      m.days += 1;
      for (const v of Object.values(e.values)) if (typeof v === "number") m.incidents += v;
      minor.set(e.target ?? "", m);
      continue;
    }
    const values = Object.entries(e.values)
      .map(([k, v]) => `${k}=${v}`)
      .join(", ");
    lines.push(
      `${e.day} ${e.kind} ${e.actor ?? "-"}→${e.target ?? "-"}${e.parent ? ` (after #${e.parent})` : ""} | ${e.cause} | ${e.text} | ${values}`,
    );
  }
  for (const [zone, m] of [...minor].sort())
    lines.push(`minor incidents ${zone}: ${m.days} days, values ${m.incidents}`);
  for (const column of result.series.columns) {
    const values = result.series.values[column]!;
    let sum = 0;
    let weighted = 0;
    values.forEach((v, d) => {
      sum += v;
      weighted += v * (d + 1);
    });
    lines.push(`${column} sum=${sum} weighted=${weighted} last=${values[values.length - 1]}`);
  }
  return roundNumbers(`${lines.join("\n")}\n`, 6);
}

const region = loadScenarioFile("scenarios/af-pak.yaml").scenario;

// Afghanistan has one policy (diversify), so it runs beside each of Pakistan's.
describe("golden traces of the built-in region, seed 7, two years", () => {
  for (const policy of ["coercive", "open-now", "phased-conditional", "mediated-cbm"]) {
    it(`Pakistan's ${policy}`, () => {
      const result = simulate(region, { seed: 7, days: 2 * 365, policies: [policy] });
      expect(compareGolden(`engine/af-pak-${policy}.txt`, traceText(result))).toBeUndefined();
    }, 30_000);
  }
});

describe("golden traces of the built-in region with no hypothesis switched on", () => {
  it("Pakistan's phased-conditional, seed 7, two years", () => {
    const result = simulate(
      { ...region, hypotheses: {} },
      { seed: 7, days: 2 * 365, policies: ["phased-conditional"] },
    );
    expect(compareGolden("engine/af-pak-no-hypotheses.txt", traceText(result))).toBeUndefined();
  }, 30_000);
});

describe("golden traces of the other named scenarios", () => {
  it("two-routes.yaml, seed 3, two years", () => {
    const { scenario } = loadScenarioFile("scenarios/examples/two-routes.yaml");
    expect(
      compareGolden("engine/two-routes.txt", traceText(simulate(scenario, { seed: 3, days: 730 }))),
    ).toBeUndefined();
  });
});
