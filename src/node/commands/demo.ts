import { fileURLToPath } from "node:url";
import type { Command } from "commander";
import type { Io } from "../io.js";
import { loadTntp } from "../load-network.js";
import { DEFAULT_ALGORITHM, printSummary, runAssign } from "./assign.js";

const ANAHEIM = fileURLToPath(
  new URL("../../../test/fixtures/tntp/Anaheim/Anaheim_net.tntp", import.meta.url),
);

/**
 * The main job of the Quick start. Until the built-in region lands it equilibrates the bundled
 * Anaheim test network (Transportation Networks for Research) and prints the summary.
 */
export function registerDemo(program: Command, io: Io): void {
  program
    .command("demo")
    .description("the main job: equilibrate the bundled Anaheim test network and print its summary")
    .action(() => {
      io.out(
        "Corridor demo: user equilibrium on the Anaheim test network (Transportation Networks for Research)\n",
      );
      const loaded = loadTntp(ANAHEIM);
      const options = {
        net: ANAHEIM,
        gap: 1e-8,
        algorithm: DEFAULT_ALGORITHM,
        maxIterations: 10_000,
        tollFactor: 0,
        distanceFactor: 0,
      };
      const result = runAssign(loaded, options, io);
      printSummary(io, loaded, result, options);
      io.out("published Beckmann objective: 1,286,032.171096\n");
    });
}
