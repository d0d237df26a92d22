import { z } from 'zod';
import { DecimalText } from '../model/money.js';

/**
 * Numbers as the lossless JSON reader (`parseJsonText`) delivers them. A spec's integer may be any
 * size (Primer's amounts are int64) and may be negative (Gr4vy's are plain `integer`): the schema
 * accepts what the spec allows, and the transform decides what an amount can mean.
 */
export const jsonInteger = z.union([z.number().int(), z.bigint()]);

/** A decimal in major units (KuikPOS `100.50`): a float only while that is exact. */
export const jsonDecimal = z.union([z.number(), z.bigint(), z.instanceof(DecimalText)]);
