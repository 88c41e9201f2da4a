// Build step: bundles the CLI into a few files (dist/bundle/), so that start-up reads one module
// graph instead of hundreds of files. The plan loader (YAML parser, schema validator) stays in a
// chunk of its own, loaded only when a plan file has to be parsed.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

rmSync('dist/bundle', { recursive: true, force: true });

await build({
  entryPoints: { plancheck: 'src/cli.ts' },
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // CommonJS dependencies call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  // Loaded on demand for GB18030 and UTF-16 files only (its code tables are half a megabyte).
  external: ['iconv-lite'],
  logLevel: 'warning',
});
