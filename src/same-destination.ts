import { fstatSync } from 'node:fs';

/**
 * True when two open file descriptors write to one place (the same terminal, file or pipe: the
 * same device and inode), as stdout and stderr do in a terminal or after `2>&1`. False when that
 * cannot be told (a descriptor closed, an inode number of 0).
 */
export function sameDestination(a: number, b: number): boolean {
  try {
    const first = fstatSync(a);
    const second = fstatSync(b);
    return first.ino !== 0 && first.ino === second.ino && first.dev === second.dev && first.rdev === second.rdev;
  } catch {
    return false;
  }
}
