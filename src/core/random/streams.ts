/**
 * Named random streams for one run. A stream is a pure function of (seed, run, name):
 *
 *   name digest  (h0, h1) = MurmurHash3_x86_32(UTF-8(name), seed 0 and seed 0x9E3779B9)
 *   identity     (k0, k1, c2, c3) = Philox4x32-10(counter = (run_lo, run_hi, h0, h1), key = (seed_lo, seed_hi))
 *   j-th block   Philox4x32-10(counter = (j_lo, j_hi, c2, c3), key = (k0, k1))
 *
 * Keying streams and counting blocks is the usage Salmon et al. (2011) propose for counter-based
 * generators; the first Philox call mixes seed, run and name into a 64-bit key plus 64 bits of counter
 * prefix. A stream never depends on which other streams exist, on creation order, on threads or on the
 * host, so a worker that recreates `createStreams(seed, run).stream("incidents")` sees the same draws.
 */
import { checkParam } from "./check.js";
import { murmur3 } from "./murmur3.js";
import { philox4x32 } from "./philox.js";
import { PhiloxRandom, type Random } from "./random.js";

const TWO_POW_32 = 4294967296;
/** Second MurmurHash3 seed for the name digest: the golden-ratio constant 2³²/φ. */
const NAME_SEED_2 = 0x9e3779b9;

/** The streams of one run; asking twice for a name returns the same stream object, which keeps its position. */
export interface Streams {
  readonly seed: number;
  readonly run: number;
  stream(name: string): Random;
}

function checkIndex(value: number, path: string): void {
  checkParam(Number.isSafeInteger(value) && value >= 0, path, "an integer from 0 to 2^53 − 1", value);
}

function checkName(name: string): void {
  checkParam(
    typeof name === "string" && name.length > 0,
    "stream(name)",
    "a non-empty name",
    JSON.stringify(name),
  );
}

/**
 * The 128-bit identity (k0, k1, c2, c3) of the stream (seed, run, name), as unsigned 32-bit words.
 * Exposed so other runtimes can reproduce a stream and tests can pin it.
 */
export function streamIdentity(seed: number, run: number, name: string): [number, number, number, number] {
  checkIndex(seed, "seed");
  checkIndex(run, "run");
  checkName(name);
  const out = new Uint32Array(4);
  philox4x32(
    run >>> 0,
    Math.floor(run / TWO_POW_32) >>> 0,
    murmur3(name, 0),
    murmur3(name, NAME_SEED_2),
    seed >>> 0,
    Math.floor(seed / TWO_POW_32) >>> 0,
    out,
  );
  return [out[0]!, out[1]!, out[2]!, out[3]!];
}

/** A fresh stream (seed, run, name) positioned at its first draw. */
export function createStream(seed: number, run: number, name: string): Random {
  const [k0, k1, c2, c3] = streamIdentity(seed, run, name);
  return new PhiloxRandom(k0, k1, c2, c3);
}

/**
 * The streams of run `run` under `seed` (both integers 0 … 2⁵³ − 1). Give every consumer its own name,
 * e.g. "incidents/kp-border" or "severity", so adding a consumer never shifts another one's draws.
 */
export function createStreams(seed: number, run: number): Streams {
  checkIndex(seed, "seed");
  checkIndex(run, "run");
  const cache = new Map<string, Random>();
  return {
    seed,
    run,
    stream(name: string): Random {
      let random = cache.get(name);
      if (!random) {
        random = createStream(seed, run, name);
        cache.set(name, random);
      }
      return random;
    },
  };
}
