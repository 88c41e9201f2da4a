import type { ByteChunks } from './byte-chunks.js';

// A large JUnit report is a million test cases of a few pieces each, and each append is a call
// into the runtime (about 20 ns however short the piece). Pieces that always follow one another
// are joined once: a case's last piece with the next case's head (the same next target region
// after region), a town's name with what stands between it and its second mention (the same
// in every case of its suite).

/** A piece that ends a test case, held back to be joined with the head of the case after it. */
export interface Tail {
  readonly bytes: Uint8Array;
  /** The head it was last joined with, and the two joined. */
  next: Uint8Array | null;
  joined: Uint8Array;
}

/** A `Tail` of these bytes, not yet joined with anything. */
export function tailOf(bytes: Uint8Array): Tail {
  return { bytes, next: null, joined: bytes };
}

/** Bytes that stand between two mentions of a region (`]" classname="…"><skipped message="[`), and the last region written around them. */
export interface Between {
  readonly bytes: Uint8Array;
  region: Uint8Array | null;
  /** The region, these bytes, the region again: the start of `room`. */
  pair: Uint8Array;
  /** Where the pair is joined, reused while a region fits (no buffer allocated per region). */
  room: Uint8Array;
}

/**
 * Writes test cases' pieces, joining a case's held tail with the next case's head, and a region
 * with the bytes between its two mentions: the bytes are those of the pieces appended one by one.
 */
export class CasePieces {
  private held: Tail | null = null;
  private readonly betweens = new Map<string, Between>();

  constructor(private readonly out: ByteChunks) {}

  /** Appends a case's head, after the tail held back (joined with it once per pair that meets). */
  head(head: Uint8Array): void {
    const held = this.held;
    if (held === null) {
      this.out.bytes(head);
      return;
    }
    this.held = null;
    if (held.next !== head) {
      held.next = head;
      held.joined = Buffer.concat([held.bytes, head]);
    }
    this.out.bytes(held.joined);
  }

  /** Holds a case's last piece back: the next `head` joins it, `flush` writes it alone. */
  hold(tail: Tail): void {
    this.flush();
    this.held = tail;
  }

  /** How many bytes the held tail has (0 when none): written before the next head. */
  heldLength(): number {
    return this.held === null ? 0 : this.held.bytes.length;
  }

  /** Writes the held tail, if any: before anything is appended other than by `head`. */
  flush(): void {
    if (this.held === null) return;
    this.out.bytes(this.held.bytes);
    this.held = null;
  }

  /** Appends `region`, `between.bytes` and `region` again (joined once per region that differs from the last), after the tail held back. */
  pair(between: Between, region: Uint8Array): void {
    this.flush();
    if (between.region !== region) {
      const { bytes } = between;
      const length = 2 * region.length + bytes.length;
      if (between.room.length < length) between.room = new Uint8Array(Math.max(length, 2 * between.room.length));
      const room = between.room;
      room.set(region);
      room.set(bytes, region.length);
      room.set(region, region.length + bytes.length);
      between.region = region;
      between.pair = room.subarray(0, length);
    }
    this.out.bytes(between.pair);
  }

  /** The one `Between` of these bytes (cases of many targets share it, so its pair is joined once per region). */
  between(bytes: Uint8Array): Between {
    const key = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
    let known = this.betweens.get(key);
    if (known === undefined) {
      known = { bytes, region: null, pair: bytes, room: new Uint8Array(bytes.length + 256) };
      if (this.betweens.size < 10_000) this.betweens.set(key, known);
    }
    return known;
  }
}
