/**
 * Peak memory of the engine alone: `node dist/bench-memory.cjs FILE` parses FILE once and prints
 * its max RSS. A bundle of its own, so the figure is not the bench's other code loaded alongside.
 */
import { readFileSync } from "node:fs";
import { extractTasks, parsePlans } from "../../shared/index";

const file = process.argv[2];
const text = file ? readFileSync(file, "utf8") : "";
const result = parsePlans(text);
const tasks = extractTasks(result.plans).length;
process.stdout.write(JSON.stringify({ maxRssMB: process.resourceUsage().maxRSS / 1024, plans: result.plans.length, tasks }));
