export {
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
export { murmur3, murmur3Bytes, utf8Bytes } from "./murmur3.js";
export { philox4x32 } from "./philox.js";
export { exp as portableExp, log as portableLog, logFactorial, pow2 } from "./portable-math.js";
export { PhiloxRandom, type Random } from "./random.js";
export { createStream, createStreams, type Streams, streamIdentity } from "./streams.js";
