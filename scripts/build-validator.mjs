// Build step: compiles the targets JSON Schema once into dist/plan/targets-validator.cjs (ajv's
// standalone code), so that checking a user's plan does not compile the schema at start-up.
import { writeFileSync } from 'node:fs';
import Ajv2020Module from 'ajv/dist/2020.js';
import standaloneModule from 'ajv/dist/standalone/index.js';
import { targetsSchema } from '../dist/plan/targets-schema.js';

const Ajv2020 = Ajv2020Module.default;
const standaloneCode = standaloneModule.default;
const ajv = new Ajv2020({ allErrors: true, strict: true, code: { source: true } });
const validate = ajv.compile(targetsSchema);
writeFileSync(new URL('../dist/targets-validator.cjs', import.meta.url), standaloneCode(ajv, validate));
