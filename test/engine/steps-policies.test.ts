/**
 * The policies step (src/core/engine/steps/policies.ts) on the toy corridor: what a programme's stage
 * moves, a rule held for some days and the forced events of a hindcast write to the log, and the order
 * in which they act. XA follows programme "p": it enters stage "pilot" while the main gate has had no
 * closed day in the last 5 (so on day 0), restricting the gate; its rule closes the gate once the stage
 * has held for 2 days (days 0 and 1: the programme moves before the rules read `stage`); the closure of
 * day 1 then sends XA back out of the stage on day 2, reopening the gate; on day 7 the 5-day window
 * (days 3–7) holds no closed day again and XA re-enters.
 */
import { describe, expect, it } from "vitest";
import { simulate } from "../../src/core/engine/index.js";
import { compileModel } from "../../src/core/engine/model.js";
import { policiesStep } from "../../src/core/engine/steps/policies.js";
import { createWorld } from "../../src/core/engine/world.js";
import { createStreams } from "../../src/core/random/index.js";
import { validateScenario } from "../../src/core/scenario/index.js";
import { toyData } from "./scenarios.js";

type Data = Record<string, unknown>;

function scenario(events: Data[]) {
  const data = toyData({ model: { escalation: { calmDays: 100_000 } } });
  data["actors"] = [
    { id: "xa", name: "State A", kind: "state", country: "XA", policy: "p" },
    { id: "xb", name: "State B", kind: "state", country: "XB" },
  ];
  data["policies"] = [
    {
      id: "p",
      actor: "xa",
      rules: ["when stage(xa) >= 1 for 2 days then close(main_gate)"],
      programme: {
        stages: [
          {
            name: "pilot",
            enter: "closed_days(main_gate, 5) < 1",
            exit: "closed_days(main_gate, 5) >= 1",
            actions: ["restrict(main_gate, 12.3456789)"],
            exitActions: ["open(main_gate)"],
          },
        ],
      },
    },
  ];
  data["events"] = events;
  return validateScenario(data, "toy.yaml").scenario;
}

const hindcast = [
  {
    date: "2025-01-04",
    actions: ["open(main_gate)", "restrict(main_gate, 20)"],
    note: "reopened",
    source: "a report",
  },
  { date: "2025-01-05", actor: "xb", actions: ["propose_cbm(xa)"], note: "talks" },
];

describe("policies step: the log of stages, rules and forced events", () => {
  // Run by each test that reads it, not once for the block: mutation testing credits a test only with
  // the code run inside it, so a shared run would leave these assertions out of every mutant's check.
  const run = () => {
    const log = simulate(scenario(hindcast), { days: 8 }).events.filter(
      (e) => e.kind === "stage" || e.kind === "policy-action",
    );
    return { log };
  };
  const entered = {
    kind: "stage",
    actor: "xa",
    cause: 'p: stage "pilot" enter when closed_days(main_gate, 5) < 1',
    values: { "closed_days(main_gate, 5)": 0 },
    text: 'xa moved to stage 1 ("pilot") of p',
  };
  // A number argument is written to 6 significant digits, without trailing zeros.
  const restricted = {
    kind: "policy-action",
    actor: "xa",
    target: "main_gate",
    cause: 'p: stage "pilot"',
    values: { "closed_days(main_gate, 5)": 0 },
    text: "xa: restrict(main_gate, 12.3457)",
  };

  it("logs entering a stage, then the stage's actions as its children", () => {
    const { log } = run();
    expect(log[0]).toMatchObject({ ...entered, day: 0 });
    expect(log[1]).toMatchObject({ ...restricted, day: 0, parent: log[0]!.id });
  });

  it("fires a rule on the day its condition has held for its days, with the values that made it fire", () => {
    const { log } = run();
    expect(log[2]).toEqual({
      id: log[2]!.id,
      date: "2025-01-02",
      day: 1,
      kind: "policy-action",
      actor: "xa",
      target: "main_gate",
      cause: "p: when stage(xa) >= 1 for 2 days then close(main_gate)",
      values: { "stage(xa)": 1 },
      text: "xa: close(main_gate)",
    });
  });

  it("logs falling back out of a stage, with the exit actions as its children", () => {
    const { log } = run();
    expect(log[3]).toMatchObject({
      kind: "stage",
      day: 2,
      actor: "xa",
      cause: 'p: stage "pilot" exit when closed_days(main_gate, 5) >= 1',
      values: { "closed_days(main_gate, 5)": 1 },
      text: 'xa fell back from stage "pilot" of p to stage 0',
    });
    expect(log[4]).toMatchObject({
      kind: "policy-action",
      day: 2,
      actor: "xa",
      target: "main_gate",
      cause: 'p: stage "pilot"',
      text: "xa: open(main_gate)",
      parent: log[3]!.id,
    });
  });

  it("carries out a forced event's actions on its date, as no one when it names no actor", () => {
    const { log } = run();
    const forced = log.filter((e) => e.cause.startsWith("forced"));
    expect(forced.map((e) => [e.day, e.text, e.cause])).toEqual([
      [3, "(forced): open(main_gate)", "forced event: reopened (a report)"],
      [3, "(forced): restrict(main_gate, 20)", "forced event: reopened (a report)"],
      [4, "xb: propose_cbm(xa)", "forced event: talks"],
    ]);
    expect(forced[0]).not.toHaveProperty("actor");
    expect(forced[0]).not.toHaveProperty("parent");
    expect(forced[0]!.values).toEqual({});
    expect(forced[2]).toMatchObject({ actor: "xb", target: "xa" });
  });

  it("re-enters the stage once the window is clear again, and nothing else happens in between", () => {
    const { log } = run();
    expect(log.map((e) => e.day)).toEqual([0, 0, 1, 2, 2, 3, 3, 4, 7, 7]);
    expect(log[8]).toMatchObject({ ...entered, day: 7 });
    expect(log[9]).toMatchObject({ ...restricted, day: 7, parent: log[8]!.id });
  });

  it("acts on the day's closures: the gate is shut only on the day after the rule fired", () => {
    const result = simulate(scenario([]), { days: 4 });
    const closures = result.events.filter((e) => e.kind === "policy-action" && e.text.includes("close("));
    expect(closures.map((e) => e.day)).toEqual([1]);
  });
});

describe("policies step: a forced action that needs an actor", () => {
  it("refuses to act as no one when a model skipped the scenario check", () => {
    const model = compileModel(
      scenario([{ date: "2025-01-01", actor: "xb", actions: ["propose_cbm(xa)"], note: "talks" }]),
      { days: 5 },
    );
    model.events[0]!.actor = -1;
    const world = createWorld(model, createStreams(1, 0));
    expect(() => policiesStep(world)).toThrow("propose_cbm needs an acting actor");
  });

  it("acts for the named actor otherwise", () => {
    const model = compileModel(
      scenario([{ date: "2025-01-01", actor: "xb", actions: ["propose_cbm(xa)"], note: "talks" }]),
      { days: 5 },
    );
    const world = createWorld(model, createStreams(1, 0));
    policiesStep(world);
    const acts = world.log.events.filter((e) => e.kind === "policy-action").map((e) => e.text);
    expect(acts).toEqual(["xa: restrict(main_gate, 12.3457)", "xb: propose_cbm(xa)"]);
  });
});
