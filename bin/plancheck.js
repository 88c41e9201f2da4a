#!/usr/bin/env node
import { runFromProcess } from '../dist/bundle/plancheck.js';

await runFromProcess();
