import { readFileSync } from 'node:fs';
import { packagePath, packageVersion } from './package-root.js';

let version: string | undefined;

/** The package's version, for `--version` and reports (read from package.json once). */
export function toolVersion(): string {
  version ??= packageVersion() ?? (JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as { version: string }).version;
  return version;
}
