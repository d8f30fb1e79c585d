/**
 * One reproducible random stream: Philox4x32-10 blocks at counters 0, 1, 2, … under the stream's key,
 * read four 32-bit words at a time. Nothing is shared between streams, so the order in which streams
 * are created or drawn from never changes any of them.
 */
import { checkParam, isFiniteNumber } from "./check.js";
import {
  bernoulliDraw,
  choiceDraw,
  exponentialDraw,
  lomaxDraw,
  normalPair,
  paretoDraw,
  poissonDraw,
  type UniformSource,
  uniformDraw,
} from "./distributions.js";
import { philox4x32 } from "./philox.js";
import { exp } from "./portable-math.js";

/** A seeded source of random draws. All draws are deterministic functions of the stream's identity. */
export interface Random extends UniformSource {
  /** Uniform on [0, 1) with 53 random bits (two 32-bit words), a multiple of 2⁻⁵³. */
  next(): number;
  /** Uniform unsigned 32-bit integer. */
  nextUint32(): number;
  /** Uniform on [a, b). */
  uniform(a: number, b: number): number;
  /** Uniform integer in 0 … n − 1 for an integer 1 ≤ n ≤ 2⁵³, without modulo bias. */
  int(n: number): number;
  /** Normal with the given mean (default 0) and standard deviation (default 1). */
  normal(mean?: number, sd?: number): number;
  /** Exponential with the given rate (default 1). */
  exponential(rate?: number): number;
  /** Poisson with the given mean ≥ 0, exact for any mean. */
  poisson(mean: number): number;
  /** True with probability p. */
  bernoulli(p: number): boolean;
  /** exp(N(mu, sigma²)). */
  lognormal(mu: number, sigma: number): number;
  /** Pareto type I: minimum `scale`, tail index `shape`. */
  pareto(scale: number, shape: number): number;
  /** Lomax (Pareto type II from 0): `scale`, tail index `shape`. */
  lomax(scale: number, shape: number): number;
  /** Index drawn with probability proportional to its weight. */
  choice(weights: ArrayLike<number>): number;
}

const TWO_POW_26 = 67108864;
const TWO_POW_53 = 9007199254740992;
const TWO_POW_32 = 4294967296;

/** A stream identified by a Philox key (k0, k1) and the two high counter words (c2, c3). */
export class PhiloxRandom implements Random {
  private readonly block = new Uint32Array(4);
  /** Next word of `block` to hand out; 4 means the block is used up. */
  private index = 4;
  /** Counter of the next block, as two 32-bit words. */
  private counterLo = 0;
  private counterHi = 0;
  private spare = 0;
  private hasSpare = false;
  private readonly pair: [number, number] = [0, 0];

  constructor(
    private readonly k0: number,
    private readonly k1: number,
    private readonly c2: number,
    private readonly c3: number,
  ) {}

  nextUint32(): number {
    if (this.index === 4) {
      philox4x32(this.counterLo, this.counterHi, this.c2, this.c3, this.k0, this.k1, this.block);
      this.counterLo = (this.counterLo + 1) >>> 0;
      if (this.counterLo === 0) this.counterHi = (this.counterHi + 1) >>> 0;
      this.index = 0;
    }
    return this.block[this.index++]!;
  }

  next(): number {
    // 27 + 26 bits, as in genrand_res53 (Matsumoto & Nishimura 1998).
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * TWO_POW_26 + b) / TWO_POW_53;
  }

  uniform(a: number, b: number): number {
    return uniformDraw(this, a, b);
  }

  int(n: number): number {
    checkParam(Number.isInteger(n) && n >= 1 && n <= TWO_POW_53, "int(n)", "an integer 1 ≤ n ≤ 2^53", n);
    // Rejection from the largest multiple of n below the range keeps every value equally likely.
    if (n <= TWO_POW_32) {
      const limit = TWO_POW_32 - (TWO_POW_32 % n);
      for (;;) {
        const u = this.nextUint32();
        if (u < limit) return u % n;
      }
    }
    const limit = TWO_POW_53 - (TWO_POW_53 % n);
    for (;;) {
      const u = this.next() * TWO_POW_53;
      if (u < limit) return u % n;
    }
  }

  normal(mean = 0, sd = 1): number {
    checkParam(isFiniteNumber(mean), "normal(mean)", "a finite number", mean);
    checkParam(isFiniteNumber(sd) && sd >= 0, "normal(sd)", "a finite sd ≥ 0", sd);
    let z: number;
    if (this.hasSpare) {
      z = this.spare;
      this.hasSpare = false;
    } else {
      normalPair(this, this.pair);
      z = this.pair[0];
      this.spare = this.pair[1];
      this.hasSpare = true;
    }
    return mean + sd * z;
  }

  exponential(rate = 1): number {
    return exponentialDraw(this, rate);
  }

  poisson(mean: number): number {
    return poissonDraw(this, mean);
  }

  bernoulli(p: number): boolean {
    return bernoulliDraw(this, p);
  }

  lognormal(mu: number, sigma: number): number {
    checkParam(isFiniteNumber(mu), "lognormal(mu)", "a finite number", mu);
    checkParam(isFiniteNumber(sigma) && sigma >= 0, "lognormal(sigma)", "a finite sigma ≥ 0", sigma);
    return exp(mu + sigma * this.normal());
  }

  pareto(scale: number, shape: number): number {
    return paretoDraw(this, scale, shape);
  }

  lomax(scale: number, shape: number): number {
    return lomaxDraw(this, scale, shape);
  }

  choice(weights: ArrayLike<number>): number {
    return choiceDraw(this, weights);
  }
}
