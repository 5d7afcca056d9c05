/**
 * Seeded fault injection. Every request in scope draws from the seeded generator in arrival order
 * (whether or not faults are enabled at that moment draws nothing), so the same seed and the same
 * sequence of requests fail the same way. `failNext` queues one-off faults for a precise test.
 */
import { seededRandom } from "./random";
import type { FaultController, FaultKind, FaultOptions, FaultScope } from "./types";
import { ALL_FAULT_KINDS } from "./types";

export const DEFAULT_HANG_MS = 300_000;

function inScope(scope: FaultScope, method: string, path: string): boolean {
  if (scope.methods && !scope.methods.some((m) => m.toUpperCase() === method)) return false;
  if (scope.paths && !scope.paths.some((p) => (typeof p === "string" ? path.startsWith(p) : p.test(path)))) return false;
  return true;
}

export class FaultInjector implements FaultController {
  private options: FaultOptions | null = null;
  private random: () => number = seededRandom(1);
  private on = false;
  private readonly queued: { kind: FaultKind; scope: FaultScope }[] = [];

  constructor(options?: FaultOptions) {
    if (options) this.configure(options);
  }

  configure(options: FaultOptions | null): void {
    if (options && !(options.rate >= 0 && options.rate <= 1)) throw new Error(`fault rate must be in [0, 1], got ${options.rate}`);
    if (options?.kinds && options.kinds.length === 0) throw new Error("fault kinds must not be empty");
    this.options = options;
    this.random = seededRandom(options?.seed ?? 1);
    this.on = options !== null && options.enabled !== false;
  }

  enable(): void {
    if (!this.options) throw new Error("configure faults before enabling them");
    this.on = true;
  }

  disable(): void {
    this.on = false;
  }

  get enabled(): boolean {
    return this.on;
  }

  failNext(kind: FaultKind, scope: FaultScope = {}): void {
    this.queued.push({ kind, scope });
  }

  get hangMs(): number {
    return this.options?.hangMs ?? DEFAULT_HANG_MS;
  }

  /** The fault for this request, if any. */
  pick(method: string, path: string): FaultKind | undefined {
    const index = this.queued.findIndex((q) => inScope(q.scope, method, path));
    if (index !== -1) {
      const [queued] = this.queued.splice(index, 1);
      return queued?.kind;
    }
    const options = this.options;
    if (!this.on || !options || !inScope(options, method, path)) return undefined;
    // Two draws per request in scope, always, so one request's outcome never shifts the next one's.
    const roll = this.random();
    const which = this.random();
    if (roll >= options.rate) return undefined;
    const kinds = options.kinds ?? ALL_FAULT_KINDS;
    return kinds[Math.min(kinds.length - 1, Math.floor(which * kinds.length))];
  }
}
