/**
 * The shipped model and default rules as bundled modules: what the background's handlers use where no worker
 * core gives them its own (the tests, which run the handlers in Node; the Firefox background page uses the files,
 * as the Chrome worker does: shipped-files.ts).
 */
import { DEFAULT_RULES } from '../../scripts-library/guard';
import { judgeKey } from '../../scripts-library/guard/compiled-form';
import { SHIPPED_MODEL_TEXT, shippedReader } from '../../scripts-library/guard/judge';
import type { ShippedGuard } from './guard-model';

export const bundledShipped = (): ShippedGuard => ({
  key: judgeKey(SHIPPED_MODEL_TEXT, JSON.stringify(DEFAULT_RULES)),
  reader: async () => shippedReader(),
  defaultRules: async () => DEFAULT_RULES,
});
