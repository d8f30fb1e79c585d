import { describe, expect, it } from "vitest";
import { InputError, type InputIssue } from "../errors/index.js";
import type { EvaluationContext } from "./compile.js";
import {
  checkProgramme,
  compileProgramme,
  INITIAL_PROGRAMME_STATE,
  type Programme,
  type ProgrammeState,
  parseProgramme,
  stepProgramme,
} from "./programmes.js";
import { detectStageCycles, stageReferences } from "./stage-cycles.js";
import type { KnownIds } from "./tables.js";

function issuesOf(fn: () => unknown): InputIssue[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof InputError) return error.issues;
    throw error;
  }
  throw new Error("expected an InputError");
}

const ids: KnownIds = { zones: ["kp_border"], actors: ["pk", "af", "ir"], crossings: ["torkham", "chaman"] };

const phased = {
  stages: [
    {
      name: "pilot",
      enter: "incidents(kp_border, 30) < 5 for 3 days",
      actions: "open(torkham); restrict(torkham, 12)",
    },
    {
      name: "full",
      enter: "trust(pk, af) > 0.5",
      exit: "incidents(kp_border, 30) > 10 for 2 days",
      actions: ["open(torkham)", "open(chaman)"],
      exit_actions: ["close(chaman)"],
    },
  ],
};

describe("parseProgramme", () => {
  it("reads stages with conditions, days and action lists given as text or as a list", () => {
    const programme = parseProgramme(phased);
    expect(programme.stages.map((s) => s.name)).toEqual(["pilot", "full"]);
    expect(programme.stages[0]!.enter.forDays).toBe(3);
    expect(programme.stages[0]!.exit).toBeUndefined();
    expect(programme.stages[0]!.actions.map((a) => [a.call.name, a.path])).toEqual([
      ["open", "stages[0].actions"],
      ["restrict", "stages[0].actions"],
    ]);
    expect(programme.stages[1]!.exit!.forDays).toBe(2);
    expect(programme.stages[1]!.actions.map((a) => a.path)).toEqual([
      "stages[1].actions[0]",
      "stages[1].actions[1]",
    ]);
    expect(programme.stages[1]!.exitActions.map((a) => a.call.name)).toEqual(["close"]);
  });

  it("collects every shape and syntax problem into one InputError, each with its path", () => {
    const issues = issuesOf(() =>
      parseProgramme(
        {
          stages: [
            { name: "a", enter: "incidents(kp_border, 30) < 5 for 0 days", exits: "x" },
            { name: "a", enter: 3, actions: [1] },
            { enter: "true", actions: "open(torkham), close(chaman)" },
          ],
        },
        { path: "actors.pk.programme" },
      ),
    );
    expect(issues.map((i) => [i.code, i.path, i.column])).toEqual([
      ["unknown-field", "actors.pk.programme.stages[0].exits", undefined],
      ["bad-for-days", "actors.pk.programme.stages[0].enter", 34],
      ["duplicate-stage", "actors.pk.programme.stages[1].name", undefined],
      ["wrong-type", "actors.pk.programme.stages[1].enter", undefined],
      ["wrong-type", "actors.pk.programme.stages[1].actions[0]", undefined],
      ["wrong-type", "actors.pk.programme.stages[2].name", undefined],
      ["action-separator", "actors.pk.programme.stages[2].actions", 14],
    ]);
    expect(issues[0]!.suggestion).toBe("exit");
  });

  it("rejects anything but an object with a non-empty list of stages", () => {
    expect(issuesOf(() => parseProgramme([]))).toMatchObject([
      { code: "wrong-type", expected: "an object with a list of stages" },
    ]);
    expect(issuesOf(() => parseProgramme({ stages: [] }))).toMatchObject([
      { code: "wrong-type", path: "stages" },
    ]);
    expect(issuesOf(() => parseProgramme({}))).toMatchObject([{ code: "wrong-type", found: "nothing" }]);
  });
});

describe("checkProgramme", () => {
  it("finds nothing wrong in a programme over known ids", () => {
    expect(checkProgramme(parseProgramme(phased), ids)).toEqual([]);
  });

  it("reports unknown ids and actions with the path of the text they sit in and their column", () => {
    const programme = parseProgramme({
      stages: [
        { name: "one", enter: "incidents(kp_bordr, 30) < 5", actions: ["open(torkham)", "clsoe(chaman)"] },
        { name: "two", enter: "true", exit: "trust(pk, afg) < 0.2" },
      ],
    });
    expect(checkProgramme(programme, ids, { path: "policies.pk" })).toMatchObject([
      { code: "unknown-id", path: "policies.pk.stages[0].enter", column: 11, suggestion: "kp_border" },
      { code: "unknown-action", path: "policies.pk.stages[0].actions[1]", column: 1, suggestion: "close" },
      { code: "unknown-id", path: "policies.pk.stages[1].exit", column: 11, suggestion: "af" },
    ]);
  });
});

describe("stepProgramme", () => {
  it("advances after the benchmark holds for its days, and falls back when the exit condition holds for its days", () => {
    const world = { incidents: 0, trust: 0.2 };
    const ctx: EvaluationContext = { call: (name) => (name === "incidents" ? world.incidents : world.trust) };
    const programme = compileProgramme(parseProgramme(phased));
    const days: [number, number][] = [
      [8, 0.2], // day 0: benchmark fails
      [3, 0.2], // day 1: benchmark holds (1 of 3)
      [3, 0.2], // day 2: (2 of 3)
      [3, 0.2], // day 3: (3 of 3) → enter pilot
      [3, 0.6], // day 4: trust above 0.5 → enter full
      [12, 0.6], // day 5: exit holds (1 of 2)
      [12, 0.6], // day 6: (2 of 2) → fall back to pilot
    ];
    let state: ProgrammeState = INITIAL_PROGRAMME_STATE;
    const log: string[] = [];
    days.forEach(([incidents, trust]) => {
      world.incidents = incidents;
      world.trust = trust;
      const step = stepProgramme(programme, state, ctx);
      state = step.state;
      log.push(`${step.move}:${state.stage}:${step.actions.map((a) => a.name).join(",")}`);
    });
    expect(log).toEqual([
      "stay:0:",
      "stay:0:",
      "stay:0:",
      "advance:1:open,restrict",
      "advance:2:open,open",
      "stay:2:",
      "fall-back:1:close",
    ]);
  });

  it("stays in the last stage when no exit condition holds", () => {
    const programme = compileProgramme(parseProgramme({ stages: [{ name: "only", enter: "true" }] }));
    const ctx: EvaluationContext = { call: () => 0 };
    const first = stepProgramme(programme, INITIAL_PROGRAMME_STATE, ctx);
    expect(first.move).toBe("advance");
    expect(stepProgramme(programme, first.state, ctx)).toMatchObject({ move: "stay", state: { stage: 1 } });
  });
});

describe("detectStageCycles", () => {
  const waitsFor = (...others: string[]): Programme =>
    parseProgramme({
      stages: [
        { name: "s1", enter: "trust(pk, af) > 0.5" },
        { name: "s2", enter: others.map((o) => `stage(${o}) >= 1`).join(" and ") || "true" },
      ],
    });

  it("lists the actors whose stages a programme reads", () => {
    expect(stageReferences(waitsFor("af", "ir"))).toEqual(["af", "ir"]);
  });

  it("reports a three-actor cycle once, naming the actors and the path", () => {
    const issues = detectStageCycles({ pk: waitsFor("af"), af: waitsFor("ir"), ir: waitsFor("pk") });
    expect(issues).toHaveLength(1);
    expect(issues[0]!.code).toBe("stage-cycle");
    expect(issues[0]!.actors).toEqual(["pk", "af", "ir"]);
    expect(issues[0]!.message).toContain("pk → af → ir → pk");
  });

  it("reports separate cycles separately and ignores actors outside them", () => {
    const issues = detectStageCycles({
      pk: waitsFor("af"),
      af: waitsFor("pk"),
      ir: waitsFor("pk"),
      tm: waitsFor("uz"),
      uz: waitsFor("tm"),
    });
    expect(issues.map((i) => i.actors)).toEqual([
      ["pk", "af"],
      ["tm", "uz"],
    ]);
  });

  it("finds no cycle in a chain of dependencies or in an actor reading its own stage", () => {
    expect(detectStageCycles({ pk: waitsFor("af"), af: waitsFor("ir"), ir: waitsFor() })).toEqual([]);
    expect(detectStageCycles({ pk: waitsFor("pk") })).toEqual([]);
  });

  it("sees stage reads in exit conditions and quoted ids", () => {
    const pk = parseProgramme({ stages: [{ name: "a", enter: "true", exit: 'stage("af-gov") == 0' }] });
    const af = waitsFor("pk");
    expect(detectStageCycles({ pk, "af-gov": af }).map((i) => i.actors)).toEqual([["pk", "af-gov"]]);
  });
});
