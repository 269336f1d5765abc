/** Another writer appended to the stream first: reload and decide again. */
export class ConcurrencyError extends Error {
  readonly code = 'STREAM_VERSION_CONFLICT';
  readonly streamId: string;
  readonly expectedVersion: number;
  readonly actualVersion: number | undefined;

  constructor(streamId: string, expectedVersion: number, actualVersion?: number) {
    super(
      `stream ${streamId} is not at version ${expectedVersion}` +
        (actualVersion === undefined ? '' : ` (it is at ${actualVersion})`),
    );
    this.name = 'ConcurrencyError';
    this.streamId = streamId;
    this.expectedVersion = expectedVersion;
    this.actualVersion = actualVersion;
  }
}

/** An event's stored schema version has no path to the current one. */
export class UpcastError extends Error {
  constructor(type: string, from: number, to: number) {
    super(`no upcaster for ${type} from schema version ${from} towards ${to}`);
    this.name = 'UpcastError';
  }
}
