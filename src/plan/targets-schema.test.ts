import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { targetsSchema } from './targets-schema.js';

describe('the published schema', () => {
  it('schema/targets.schema.json is the schema the loader uses (regenerate with `plancheck schema`)', () => {
    const published: unknown = JSON.parse(readFileSync(new URL('../../schema/targets.schema.json', import.meta.url), 'utf8'));
    expect(published).toEqual(targetsSchema);
  });
});
