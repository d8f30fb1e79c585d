/** The registry of equilibrium solvers and the one-call entry point. */
import { InputError, suggestName } from "../errors/index.js";
import type { Demand } from "../network/demand.js";
import type { Network } from "../network/graph.js";
import { BiconjugateDirection, ConjugateDirection, FrankWolfeDirection } from "./directions.js";
import { FrankWolfeAssigner } from "./frank-wolfe.js";
import { GradientProjectionAssigner } from "./gradient-projection.js";
import type { Assigner, AssignmentResult, SolveOptions } from "./types.js";

interface AlgorithmEntry {
  description: string;
  create(network: Network, demand: Demand): Assigner;
}

const registry = {
  path: {
    description:
      "path-based gradient projection with Newton steps (Jayakrishnan et al. 1994); gaps of 1e-10 and below",
    create: (network, demand) => new GradientProjectionAssigner(network, demand),
  },
  bfw: {
    description: "bi-conjugate Frank–Wolfe (Mitradjieva & Lindberg 2013); link-based, fast to 1e-4",
    create: (network, demand) =>
      new FrankWolfeAssigner(network, demand, new BiconjugateDirection(network.linkCount)),
  },
  cfw: {
    description: "conjugate Frank–Wolfe (Mitradjieva & Lindberg 2013); link-based",
    create: (network, demand) =>
      new FrankWolfeAssigner(network, demand, new ConjugateDirection(network.linkCount)),
  },
  fw: {
    description: "Frank–Wolfe with exact line search (LeBlanc et al. 1975); slow baseline",
    create: (network, demand) => new FrankWolfeAssigner(network, demand, new FrankWolfeDirection()),
  },
} satisfies Record<string, AlgorithmEntry>;

export type AlgorithmName = keyof typeof registry;

/** Algorithm names with a one-line description each, e.g. for `--help`. */
export const algorithms: Readonly<Record<AlgorithmName, string>> = Object.fromEntries(
  Object.entries(registry).map(([name, entry]) => [name, entry.description]),
) as Record<AlgorithmName, string>;

export const algorithmNames = Object.keys(registry) as AlgorithmName[];

/** A solver with state, for repeated warm-started solves (e.g. one per simulated day). */
export function createAssigner(
  network: Network,
  demand: Demand,
  algorithm: AlgorithmName = "path",
): Assigner {
  const entry: AlgorithmEntry | undefined = (registry as Record<string, AlgorithmEntry>)[algorithm];
  if (!entry) {
    const suggestion = suggestName(String(algorithm), algorithmNames);
    throw new InputError({
      code: "unknown-algorithm",
      path: "algorithm",
      expected: `one of ${algorithmNames.join(", ")}`,
      found: `"${algorithm}"`,
      ...(suggestion ? { suggestion } : {}),
    });
  }
  return entry.create(network, demand);
}

export interface AssignOptions extends SolveOptions {
  /** Default "path". */
  algorithm?: AlgorithmName;
}

/** Solves the user equilibrium once from a cold start. */
export function assign(network: Network, demand: Demand, options: AssignOptions = {}): AssignmentResult {
  const { algorithm = "path", ...solve } = options;
  return createAssigner(network, demand, algorithm).solve(solve);
}
