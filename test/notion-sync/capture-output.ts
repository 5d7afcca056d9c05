/**
 * What a CLI command prints, caught per test: stdout and stderr as written chunks. The arrays are
 * emptied in place before each test, so `const { stdout, stderr } = captureOutput()` stays valid.
 */
import { afterEach, beforeEach, vi } from "vitest";

export function captureOutput(): { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  beforeEach(() => {
    stdout.length = 0;
    stderr.length = 0;
    vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => (stdout.push(String(chunk)), true));
    vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => (stderr.push(String(chunk)), true));
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });
  return { stdout, stderr };
}
