// The one error type the store throws on purpose: open-time problems a person must act on.

export type StoreErrorCode =
  | 'unwritable' // folder or file cannot be created or opened for writing
  | 'missing' // read-only open of a file that does not exist
  | 'not-a-database' // the file is something else (or encrypted)
  | 'corrupt' // SQLite file, but damaged
  | 'newer-than-code' // written by a newer hoso: user_version > latest migration
  | 'needs-migration' // read-only open of a database older than the code
  | 'busy'; // another process held the write lock past busy_timeout

export class StoreError extends Error {
  override readonly name = 'StoreError';

  constructor(
    readonly code: StoreErrorCode,
    /** The database path as it was given to `openStore`. */
    readonly file: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
