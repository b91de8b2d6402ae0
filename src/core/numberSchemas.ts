/**
 * Number schemas (valibot) shared by the core's data shapes. Messages travel as JSON, which
 * turns NaN (a metric that cannot be computed, a diverged loss) into null: `jsonNumber` reads
 * null back as NaN, so a type inferred from a schema says `number` on both sides.
 */
import * as v from 'valibot';

/** A finite number (NaN and ±Infinity are refused). */
export const finite = v.pipe(v.number(), v.finite());

/** A number, NaN included (sent as JSON null, read back as NaN). */
export const jsonNumber = v.pipe(
  v.union([v.number(), v.nan(), v.null()]),
  v.transform((x): number => x ?? NaN),
);

/** Numbers, NaN included (see jsonNumber). */
export const jsonNumbers = v.array(jsonNumber);
