/**
 * Tests that feed a plan of hundreds of thousands of lines check what comes out (no stack overflow,
 * nothing lost), not how fast: speed is the bench's job. On a busy 2-core machine such a test may
 * take well over the default 20 s, so it gets this much time instead of failing for the load.
 */
export const BIG_INPUT_TIMEOUT_MS = 600_000;
