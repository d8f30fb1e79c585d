/**
 * How policy conditions read the world: the engine side of the policy language's function table.
 * Ids arrive already resolved to indices (see `idResolver` in model.ts). Look-back windows end
 * today for incidents (already drawn when policies run) and yesterday for flows and closures.
 */
import { RUNG_INDEX } from "../diplomacy/index.js";
import type { Arg, EvaluationContext } from "../policy-language/index.js";
import type { World } from "./world.js";

type Reader = (world: World, args: readonly Arg[]) => number;

const n = (arg: Arg | undefined) => arg as number;

// Arguments read by index, not destructured: these run for every rule and condition every day.
const readers: Record<string, Reader> = {
  incidents: (w, args) => w.incidents[n(args[0])]!.sum(w.day + 1, n(args[1])),
  fatalities: (w, args) => w.fatalities[n(args[0])]!.sum(w.day + 1, n(args[1])),
  trust: (w, args) => w.trustOf(n(args[0]), n(args[1])),
  dependence: (w, args) => w.dependence[n(args[0]) * w.model.scenario.actors.length + n(args[1])]!,
  closed_days: (w, args) => w.closedHistory[n(args[0])]!.sum(w.day, n(args[1])),
  flow: (w, args) => {
    const window = Math.min(n(args[1]), w.day);
    return window === 0 ? 0 : w.flowHistory[n(args[0])]!.sum(w.day, window) / window;
  },
  stage: (w, args) => {
    const policy = w.model.actorPolicy[n(args[0])]!;
    return policy < 0 ? 0 : w.programmeState[policy]!.stage;
  },
  ladder: (w, args) => {
    const relation = w.relation(n(args[0]), n(args[1]));
    return relation ? (RUNG_INDEX.get(relation.ladder.rung) ?? -1) : 0;
  },
  enforcement: (w, args) => w.enforcement[n(args[0])]!,
  day: (w) => w.day,
};

/** One context per world (it reads the world as it is when called), built on first use. */
const contexts = new WeakMap<World, EvaluationContext>();

export function evaluationContext(world: World): EvaluationContext {
  let context = contexts.get(world);
  if (context === undefined) {
    context = {
      call(name, args) {
        const reader = readers[name];
        if (!reader) throw new Error(`no engine reader for policy function ${name}`);
        return reader(world, args);
      },
    };
    contexts.set(world, context);
  }
  return context;
}
