/** What the event log says (docs/outputs.md, events.jsonl): targets of policy actions, and every incident accounted for. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { simulate } from "../../src/core/engine/index.js";
import { parseScenario } from "../../src/core/scenario/index.js";

const FILE = "scenarios/examples/two-routes.yaml";
const scenario = parseScenario(readFileSync(FILE, "utf8"), FILE);

describe("the event log", () => {
  // Run by each test that reads it, not once for the block: mutation testing credits a test only with
  // the code run inside it, so a shared run would leave these assertions out of every mutant's check.
  const run = () => {
    const result = simulate(scenario, { seed: 1, days: 365, policies: ["xa_pressure"] });
    return { result };
  };

  it("gives every policy action the target its action names first", () => {
    const { result } = run();
    const actions = result.events.filter((e) => e.kind === "policy-action");
    expect(actions.length).toBeGreaterThan(3);
    for (const event of actions) {
      const firstId = /\(([a-z_][\w-]*)/.exec(event.text)![1];
      expect(event.target).toBe(firstId);
    }
  });

  it("accounts for every incident: logged ones plus the daily counts of minor ones add up to the total", () => {
    const { result } = run();
    const logged = result.events.filter((e) => e.kind === "incident").length;
    const counted = result.events
      .filter((e) => e.kind === "minor-incidents")
      .reduce((sum, e) => sum + (e.values.incidents as number), 0);
    expect(counted).toBeGreaterThan(0);
    expect(logged + counted).toBe(result.outcomes.incidents);
    for (const zone of result.outcomes.zones) {
      const perZone = result.events
        .filter((e) => e.target === zone.id && e.kind === "minor-incidents")
        .reduce((sum, e) => sum + (e.values.incidents as number), 0);
      const loggedHere = result.events.filter(
        (e) => e.kind === "incident" && (e.target === zone.id || e.cause.includes(zone.id)),
      ).length;
      expect(perZone + loggedHere).toBe(zone.incidents);
    }
  });
});

describe("explain --help", () => {
  it("offers as examples only kinds that a run logs", async () => {
    const { main } = await import("../../src/node/cli.js");
    const { bufferIo } = await import("../../src/node/io.js");
    const io = bufferIo();
    await main(["explain", "--help"], io);
    const examples = /e\.g\. ([\w-]+(?:, [\w-]+)*)/.exec(io.stdout.replace(/\s+/g, " "))![1]!.split(", ");
    const logged = new Set(
      simulate(scenario, { seed: 1, days: 365, policies: ["xa_pressure"] }).events.map((e) => e.kind),
    );
    expect(examples.length).toBeGreaterThan(2);
    for (const kind of examples) expect(logged).toContain(kind);
  });
});
