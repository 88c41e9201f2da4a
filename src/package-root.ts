import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package.json found, kept for `packageVersion`: it is read once per run. */
let manifest: { name?: unknown; version?: unknown } | undefined;

function isPlancheckPackage(file: string): boolean {
  if (!existsSync(file)) return false;
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown; version?: unknown };
    if (parsed.name !== 'plancheck') return false;
    manifest = parsed;
    return true;
  } catch {
    return false;
  }
}

/** The folder of plancheck's package.json, found from this module wherever the build put it. */
function findPackageRoot(): string {
  // The CommonJS bundle has its folder at hand; an ES module finds it from its URL (a round trip
  // through a URL the bundle's start-up need not pay).
  const here = typeof __dirname === 'string' ? __dirname : dirname(fileURLToPath(import.meta.url));
  let dir = here;
  // src/, dist/ and dist/bundle/ all sit below the root; stop at the file system's root.
  for (;;) {
    if (isPlancheckPackage(join(dir, 'package.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return here;
    dir = parent;
  }
}

/** plancheck's installation folder: the bundled plan, package.json and build outputs are found from it. */
export const PACKAGE_ROOT = findPackageRoot();

/** A path inside plancheck's installation folder. */
export function packagePath(...parts: string[]): string {
  return join(PACKAGE_ROOT, ...parts);
}

/** The version in plancheck's package.json, as read when its folder was found (undefined if it was not). */
export function packageVersion(): string | undefined {
  return typeof manifest?.version === 'string' ? manifest.version : undefined;
}
