import type { Provider } from '../model/provider.js';
import { gr4vyModule } from './gr4vy/index.js';
import { kuikposModule } from './kuikpos/index.js';
import type { ProviderModule } from './module.js';
import { orcarailModule } from './orcarail/index.js';
import { primerModule } from './primer/index.js';
import { ucsModule } from './ucs/index.js';

/**
 * Every provider the subgraph can serve, by its `Provider` enum value. `satisfies Record<Provider, …>`
 * makes a provider added to the schema's enum (and so to the generated `PROVIDERS`) without a module
 * here fail the typecheck. See docs/adding-a-provider.md.
 */
export const PROVIDER_MODULES = {
  PRIMER: primerModule,
  GR4VY: gr4vyModule,
  KUIKPOS: kuikposModule,
  ORCARAIL: orcarailModule,
  UCS: ucsModule,
} as const satisfies { readonly [P in Provider]: ProviderModule<P> };
