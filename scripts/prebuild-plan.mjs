// Build step: checks the bundled targets.yaml once and writes dist/bundled-plan.json, so that a
// check of the bundled plan needs neither the YAML parser nor the schema validator at start-up,
// nor works out the tables its reader derives from the plan.
// The file's size and modification time are kept with its hash: a run that finds both unchanged
// does not hash the file.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { loadPlan } from '../dist/plan/load-plan.js';
import { serialisePlan } from '../dist/plan/bundled-plan.js';
import { derivePlanTables } from '../dist/plan/derive-plan-tables.js';

const planFile = new URL('../targets.yaml', import.meta.url).pathname;
const out = new URL('../dist/bundled-plan.json', import.meta.url).pathname;
let loaded;
try {
  loaded = loadPlan(planFile);
} catch (error) {
  console.error(`prebuild-plan: ${error instanceof Error ? error.message : String(error)}; skipped`);
  process.exit(0);
}
if (!loaded.plan) {
  // The plan is invalid: no prebuilt copy; `plancheck validate` reports the problems.
  console.error(`prebuild-plan: targets.yaml has ${loaded.problems.length} problem(s); not prebuilt`);
  process.exit(0);
}
loaded.plan.source = null;
const bytes = readFileSync(planFile);
const { size, mtimeMs } = statSync(planFile);
// With the tables a check works out from the plan before its first row (src/plan/plan-tables.ts).
writeFileSync(out, serialisePlan(loaded.plan, bytes, { size, mtimeMs }, derivePlanTables(loaded.plan)));
