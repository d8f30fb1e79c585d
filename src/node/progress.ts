/**
 * Progress for long commands: a redrawn bar (cli-progress) when stderr is a terminal, otherwise a
 * line every ~10 % so logs of CI runs and pipes stay short.
 */
import cliProgress from "cli-progress";
import type { Io } from "./io.js";

export interface Progress {
  update(done: number): void;
  stop(): void;
}

export function startProgress(io: Io, label: string, total: number): Progress {
  if (io.interactive) {
    // Only the process streams are interactive, and cli-progress draws on process.stderr.
    const bar = new cliProgress.SingleBar(
      {
        format: `${label} [{bar}] {percentage}% | {value}/{total} | {duration_formatted} elapsed, ETA {eta_formatted}`,
        hideCursor: true,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0);
    return { update: (done) => bar.update(done), stop: () => bar.stop() };
  }
  let lastTenth = -1;
  return {
    update(done) {
      const tenth = Math.floor((10 * done) / Math.max(1, total));
      if (tenth !== lastTenth) {
        lastTenth = tenth;
        io.err(`${label}: ${done}/${total}\n`);
      }
    },
    stop() {},
  };
}
