import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';

const compress = promisify(gzip);

/** An office's month as sent: its JSON, the ETag of that JSON and, once a client asked for it, its gzip. */
export interface CachedMonth {
  body: Buffer;
  etag: string;
  gzip?: Promise<Buffer>;
}

interface Entry {
  version: string;
  month: Promise<CachedMonth>;
  /** The body's bytes and its gzip's once known (a month being built counts nothing yet). */
  bytes: number;
}

/**
 * The office months last sent, in this process, by what they show (office, month, the associations
 * the reader may see) with the versions PostgreSQL gave when they were built: an entry answers only
 * while those versions are the same, so it is only a cache (every instance reads the versions on
 * each request; the triggers that bump them are in read-models.ts). Bounded by bytes, the least
 * recently used month leaving first. Requests for a month being built wait for that build.
 */
export class MonthCache {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;
  private readonly maxBytes: number;

  constructor(maxBytes: number) {
    this.maxBytes = maxBytes;
  }

  /** The month under `key` at `version`; `build` (its JSON) runs when there is none or it is older. */
  async get(key: string, version: string, build: () => Promise<string>): Promise<CachedMonth> {
    const hit = this.entries.get(key);
    if (hit?.version === version) {
      // Map keeps insertion order: moved last, it is the most recently used.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.month;
    }
    if (hit) this.remove(key, hit);
    const entry: Entry = {
      version,
      bytes: 0,
      month: build().then((json) => {
        const body = Buffer.from(json);
        return { body, etag: `"${createHash('sha1').update(body).digest('base64url')}"` };
      }),
    };
    this.entries.set(key, entry);
    try {
      const month = await entry.month;
      this.grow(key, entry, month.body.length);
      return month;
    } catch (error) {
      if (this.entries.get(key) === entry) this.remove(key, entry);
      throw error;
    }
  }

  /** The month's gzip, compressed once (off the event loop) and kept with it. */
  gzipped(key: string, month: CachedMonth): Promise<Buffer> {
    month.gzip ??= compress(month.body).then((bytes) => {
      const entry = this.entries.get(key);
      if (entry) void entry.month.then((m) => m === month && this.grow(key, entry, bytes.length));
      return bytes;
    });
    return month.gzip;
  }

  /** Bytes held: bodies and their gzips. */
  get size() {
    return this.bytes;
  }

  private grow(key: string, entry: Entry, bytes: number) {
    if (this.entries.get(key) !== entry) return;
    entry.bytes += bytes;
    this.bytes += bytes;
    for (const [oldest, old] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.remove(oldest, old);
    }
  }

  private remove(key: string, entry: Entry) {
    this.entries.delete(key);
    this.bytes -= entry.bytes;
  }
}
