/**
 * The background beside the guard's check (entrypoints/background/features.ts), as a script of its own: the
 * worker's core loads it when first needed (features-slot.ts). Evaluating it only offers its start, which first
 * reads the texts kept out of this script (rest-texts.ts).
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { offerFeatures } from '../background/features-slot';
import { startFeatures } from '../background/features';
import { featuresWhenReady, fillRestTexts } from '../background/rest-texts';
import { packText } from '../background/shipped-files';

export default defineUnlistedScript(() =>
  offerFeatures((core) =>
    featuresWhenReady(
      () => fillRestTexts((name) => packText(name)),
      () => startFeatures(core),
    ),
  ),
);
