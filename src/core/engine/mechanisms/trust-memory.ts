/**
 * Trust has memory. The base model relaxes trust toward its baseline b at rate ρ a day
 * (dT/dt = −ρ(T − b)); this hypothesis says part of that drift is not real, and slows it to
 * ρ·(1 − s). With s = 1 trust moves only on acts. How quickly relations forget is contested and
 * poorly measured, so s is an assumption with a range; outcomes report the time-averaged trust of
 * every pair, which this hypothesis moves most.
 */
import { defineMechanism } from "../mechanism.js";

export const trustMemoryMechanism = defineMechanism({
  key: "trustMemory",
  events: [],
  contributions: {},
  init(world, entry) {
    world.modifiers.relaxFactor = 1 - entry.strength;
    return {};
  },
  hooks: {},
});
