/**
 * A small seeded pseudo-random generator, so that every uncertainty result can be reproduced from its seed.
 *
 * The generator is sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, 128-bit state, passes PractRand
 * and BigCrush), seeded through splitmix32 so that nearby seeds give unrelated streams. Pure: no Math.random.
 */

/** A stream of uniform numbers in [0, 1). */
export interface Rng {
  /** Uniform in [0, 1) with 32 bits of resolution. */
  next(): number;
  /** Uniform 32-bit unsigned integer. */
  nextUint32(): number;
  /** Uniform integer in [0, n). */
  nextInt(n: number): number;
}

const TWO_POW_32 = 4294967296;

/** Throws unless `seed` is an integer in [0, 2^53). */
export function checkSeed(seed: number): void {
  if (!Number.isSafeInteger(seed) || seed < 0) {
    throw new RangeError(`seed must be a whole number from 0 to ${Number.MAX_SAFE_INTEGER}, got ${seed}`);
  }
}

function splitmix32(initial: number): () => number {
  let state = initial >>> 0;
  return () => {
    state = (state + 0x9e3779b9) | 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/**
 * A generator for `seed` (an integer in [0, 2^53)). `stream` picks an independent stream for the same seed, so
 * that, say, the Latin hypercube and the attribution's permutations never share numbers.
 */
export function createRng(seed: number, stream = 0): Rng {
  checkSeed(seed);
  const low = seed >>> 0;
  const high = Math.floor(seed / TWO_POW_32) >>> 0;
  const mixHigh = splitmix32(high ^ Math.imul(stream + 1, 0x632be5ab));
  const mix = splitmix32(low ^ mixHigh());
  let a = mix();
  let b = mix() ^ mixHigh();
  let c = mix();
  let d = mix() ^ (stream >>> 0);
  const nextUint32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  // Discard the first outputs so that the state is well mixed whatever the seed.
  for (let i = 0; i < 12; i++) nextUint32();
  return {
    nextUint32,
    next: () => nextUint32() / TWO_POW_32,
    nextInt: (n: number) => Math.floor((nextUint32() / TWO_POW_32) * n),
  };
}

/** Fisher–Yates shuffle of 0..n−1 driven by `rng`. */
export function permutation(n: number, rng: Rng): Int32Array {
  const p = new Int32Array(n);
  for (let i = 0; i < n; i++) p[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = rng.nextInt(i + 1);
    const t = p[i];
    p[i] = p[j];
    p[j] = t;
  }
  return p;
}
