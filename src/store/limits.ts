// Argument checks shared by the query modules.

/** A LIMIT must be a positive integer: SQLite reads a negative one as "no limit". */
export function checkLimit(limit: number): number {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit must be a positive integer, got ${limit}`);
  return limit;
}
