/**
 * The background beside the guard's check (entrypoints/background/features.ts), as a script of its own: the
 * worker's core loads it when first needed (features-slot.ts). Evaluating it only offers its start.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { offerFeatures } from '../background/features-slot';
import { startFeatures } from '../background/features';

export default defineUnlistedScript(() => offerFeatures(startFeatures));
