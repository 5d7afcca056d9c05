/**
 * Fresh block ids (`t-k2m9`) for the task lines a template writes, drawn from a seed so that the
 * same template, school and year give the same ids (tests stay stable) while two notes drafted for
 * different schools or years do not share ids.
 */

/** 32-bit FNV-1a of a string: turns the seed into the generator's starting state. */
function hashSeed(seed: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0 || 1;
}

const ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";

/** A deterministic source of ids: xorshift32 over the hashed seed, never the same id twice. */
export class BlockIdSource {
  private state: number;
  private readonly used = new Set<string>();

  constructor(seed: string, private readonly prefix = "t-", private readonly length = 4) {
    this.state = hashSeed(seed);
  }

  private nextNumber(): number {
    let x = this.state;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.state = x >>> 0 || 1;
    return this.state;
  }

  next(): string {
    for (;;) {
      let id = "";
      let n = this.nextNumber();
      for (let i = 0; i < this.length; i++) {
        id += ALPHABET[n % 36] ?? "0";
        n = Math.floor(n / 36);
      }
      const full = this.prefix + id;
      if (!this.used.has(full)) {
        this.used.add(full);
        return full;
      }
    }
  }
}

/** A plan id ("p-" and six characters) derived from the same kind of seed. */
export function planIdFromSeed(seed: string): string {
  return new BlockIdSource(`plan|${seed}`, "p-", 6).next();
}
