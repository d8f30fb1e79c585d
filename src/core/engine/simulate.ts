/**
 * One run: compile the scenario, then step day by day in the fixed order of the design —
 * incidents → policies → diplomacy → network state → routing → queues and economy → coercion and
 * adaptation → projects → metrics — drawing every random number from named streams of (seed, run).
 * The mechanisms of the hypotheses switched on act after each step (and at the start of the day)
 * through one runner (mechanism-runner.ts); this loop never names them.
 */
import { createStreams } from "../random/index.js";
import type { Scenario } from "../scenario/types.js";
import { startMechanisms } from "./mechanism-runner.js";
import { compileModel } from "./model.js";
import { assembleOutcomes, linkFlows } from "./outcomes.js";
import { Recorder } from "./recorder.js";
import { coercionStep } from "./steps/coercion.js";
import { diplomacyStep } from "./steps/diplomacy.js";
import { economyStep } from "./steps/economy.js";
import { incidentsStep } from "./steps/incidents.js";
import { indicatorsStep } from "./steps/indicators.js";
import { networkStateStep } from "./steps/network-state.js";
import { policiesStep } from "./steps/policies.js";
import { projectsStep } from "./steps/projects.js";
import { routingStep } from "./steps/routing.js";
import type { SimulationOptions, SimulationResult } from "./types.js";
import { createWorld, type World } from "./world.js";

export function simulate(scenario: Scenario, options: SimulationOptions = {}): SimulationResult {
  const seed = options.seed ?? 1;
  const run = options.run ?? 0;
  const model = compileModel(scenario, {
    ...(options.start === undefined ? {} : { start: options.start }),
    ...(options.days === undefined ? {} : { days: options.days }),
    ...(options.policies === undefined ? {} : { policies: options.policies }),
  });
  const world = createWorld(model, createStreams(seed, run), { keepEvents: options.keepEvents ?? true });
  const recorder = new Recorder(world, model.days, options.keepSeries);

  // What each actor would route through each state with every built crossing open: the leverage a
  // transit state holds over its neighbour even when the crossings start closed (coercion's S).
  networkStateStep(world);
  const closedAtStart = Uint8Array.from(model.network.closed);
  for (const e of model.crossingElement) {
    const element = model.elements[e]!;
    if (element.project >= 0 && world.projectPhase[element.project] !== "operational") continue;
    for (const l of element.links) model.network.closed[l] = 0;
  }
  world.dirty = true;
  routingStep(world);
  economyStep(world);
  world.openDependence = Float64Array.from(world.dependence);
  // The one reference every policy's performance is measured against (Bruneau et al.'s 100 %): the
  // open network's served share, not each policy's own day 0 (which may already be a closure).
  recorder.baselineShare = world.today.potential > 0 ? world.today.served / world.today.potential : 1;
  model.network.closed.set(closedAtStart);
  world.dirty = true;
  world.queues.clear();

  // Day 0's starting state: the equilibrium of the network as the scenario describes it.
  networkStateStep(world);
  routingStep(world);
  economyStep(world);
  resetDayZero(world);
  const dependenceStart = Float64Array.from(world.dependence);
  const herfindahlStart = Float64Array.from(world.herfindahl);
  const trustStart = Float64Array.from(world.trust);
  const flowSums = new Float64Array(model.network.linkCount);
  let heldFlows = world.flows;
  let heldSince = 0;
  const changes: { day: number; flows: Float64Array }[] | undefined = options.recordFlows
    ? [{ day: 0, flows: Float64Array.from(heldFlows) }]
    : undefined;

  const mechanisms = startMechanisms(world);
  for (let day = 0; day < model.days; day++) {
    world.day = day;
    mechanisms.run("start");
    incidentsStep(world);
    mechanisms.run("incidents");
    policiesStep(world);
    mechanisms.run("policies");
    diplomacyStep(world);
    mechanisms.run("diplomacy");
    networkStateStep(world);
    mechanisms.run("network");
    routingStep(world);
    mechanisms.run("routing");
    economyStep(world);
    mechanisms.run("economy");
    indicatorsStep(world);
    coercionStep(world);
    mechanisms.run("coercion");
    projectsStep(world);
    mechanisms.run("projects");
    recorder.record(world);
    // Flows change only when the equilibrium is re-solved: add each set once, times the days it held.
    if (world.flows !== heldFlows) {
      addFlows(flowSums, heldFlows, day - heldSince);
      heldFlows = world.flows;
      heldSince = day;
      changes?.push({ day, flows: Float64Array.from(heldFlows) });
    }
    options.onDay?.(day, model.days);
  }
  addFlows(flowSums, heldFlows, model.days - heldSince);

  const policies: Record<string, string> = {};
  for (const p of model.policies) policies[scenario.actors[p.actor]!.id] = p.id;
  const outcomes = assembleOutcomes(world, recorder, {
    seed,
    run,
    policies,
    dependenceStart,
    herfindahlStart,
    trustStart,
    flowSums,
    mechanisms,
  });
  const dates = Array.from({ length: model.days }, (_, d) => model.calendar.date(d));
  return {
    scenario,
    outcomes,
    series: recorder.series(dates),
    events: world.log.events,
    flows: linkFlows(world, flowSums, changes),
  };
}

function addFlows(sums: Float64Array, flows: Float64Array, days: number): void {
  if (days <= 0) return;
  for (let l = 0; l < sums.length; l++) sums[l]! += flows[l]! * days;
}

/** Undoes the bookkeeping of the baseline pass so that day 0 starts clean. */
function resetDayZero(world: World): void {
  for (const account of Object.values(world.accounts)) account.fill(0);
  for (const key of Object.keys(world.totals) as (keyof typeof world.totals)[]) world.totals[key] = 0;
  world.lossToday.fill(0);
  world.risk.fill(0);
  world.riskFromAttacks.fill(0);
  world.backlog.fill(0);
  world.queueToll.fill(0);
  for (const h of world.flowHistory) h.cumulative.fill(0);
  for (const h of world.closedHistory) h.cumulative.fill(0);
  world.restrictedDays.fill(0);
  world.queues.clear();
  world.indicators.queueHours.fill(0);
  world.log.clear();
}
