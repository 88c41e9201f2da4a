import { lstatSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { ioReason, PlancheckError } from './problem.js';
import { writeReason, type OutputRequest } from './write-outputs.js';

/**
 * Refuses outputs that would destroy data before anything is read or written: an output that is
 * one of the `inputs` (the same file by device and inode, whatever the path says: `./x`, `x`, a
 * symlink), two outputs to the same file, an existing directory and a missing folder. Devices
 * and FIFOs (/dev/null, a pipe) may repeat. Returns every refusal, none when all is well.
 */
export function checkOutputs(outputs: readonly OutputRequest[], inputs: readonly string[]): PlancheckError[] {
  const refusals: PlancheckError[] = [];
  const inputIds = new Map<string, string>();
  for (const input of inputs) {
    if (input === '-') continue;
    const id = regularFileId(input);
    if (id !== undefined && !inputIds.has(id)) inputIds.set(id, input);
  }
  const outputIds = new Map<string, string>();
  for (const { path } of outputs) {
    if (path === undefined || path === '-') continue;
    if (isDirectory(path)) {
      refusals.push(new PlancheckError('file.write-failed', { file: path, ...ioReason(Object.assign(new Error('EISDIR'), { code: 'EISDIR' })) }));
      continue;
    }
    if (folderMissing(path)) {
      refusals.push(new PlancheckError('file.write-failed', { file: path, ...writeReason(Object.assign(new Error('ENOENT'), { code: 'ENOENT' })) }));
      continue;
    }
    const id = regularFileId(path) ?? plannedFileId(path);
    if (id === undefined) continue; // not a regular file: a device or FIFO is written as it is
    const input = inputIds.get(id);
    const earlier = outputIds.get(id);
    if (input !== undefined) refusals.push(new PlancheckError('usage.output-is-input', { output: path, input }));
    else if (earlier !== undefined) refusals.push(new PlancheckError('usage.output-twice', { output: path === earlier ? path : `${earlier} = ${path}` }));
    else outputIds.set(id, path);
  }
  return refusals;
}

/** True when neither the path (not even as a dangling link) nor its folder exists. */
function folderMissing(path: string): boolean {
  try {
    lstatSync(path);
    return false;
  } catch {
    try {
      return !statSync(dirname(path)).isDirectory();
    } catch {
      return true;
    }
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** `dev:ino` of the regular file `path` names (through symlinks), or undefined. */
function regularFileId(path: string): string | undefined {
  try {
    const st = statSync(path);
    return st.isFile() ? `${st.dev}:${st.ino}` : undefined;
  } catch {
    return undefined;
  }
}

/** For a file that does not exist yet: its absolute path with the folder's symlinks resolved. */
function plannedFileId(path: string): string | undefined {
  try {
    statSync(path);
    return undefined; // it exists and is no regular file
  } catch {
    try {
      return `path:${join(realpathSync(dirname(path)), basename(path))}`;
    } catch {
      return `path:${resolve(path)}`;
    }
  }
}

