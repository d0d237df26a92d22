import { ErrorCode } from '../errors/codes.js';
import { lookupError } from '../errors/payment-lookup-error.js';
import { MoneyFormatError } from '../model/money.js';
import type { Provider } from '../model/provider.js';

/**
 * Runs a pure transform. A body that passed its schema can still hold an amount that is not exact in
 * its currency (1.5 JPY): that is the provider's bad response, not our bug.
 */
export function guardTransform<T>(provider: Provider, transform: () => T): T {
  try {
    return transform();
  } catch (error) {
    if (error instanceof MoneyFormatError) {
      throw lookupError(ErrorCode.PROVIDER_BAD_RESPONSE, provider, { detail: 'an amount is not exact in its currency', cause: error });
    }
    throw error;
  }
}
