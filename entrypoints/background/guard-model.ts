/**
 * The intent model's reader kept between service-worker wakes (#36 item 4): made from the shipped weights
 * (guard-intent.json: parsing it and building the reader's table was most of a woken worker's first check), it is
 * typed arrays and a Map, so IndexedDB keeps it as it is and a wake reads it back ready to use.
 */
import { looksReader, modelKey } from '../../scripts-library/guard/compiled-form';
import { SHIPPED_MODEL_TEXT, shippedReader, readShippedWith } from '../../scripts-library/guard/judge';
import type { GuardCache } from '../../storage/guard-cache';

/**
 * The reader kept under the shipped model's key, put in use; else none is used now (the first check makes it from
 * the shipped text) and the one made is kept for the next wake, after this check is answered.
 */
export async function reviveOrKeepModel(kept: GuardCache): Promise<void> {
  const key = modelKey(SHIPPED_MODEL_TEXT);
  const form = await kept.get(key, 'model');
  if (looksReader(form)) return readShippedWith(form);
  setTimeout(() => void kept.put(key, shippedReader(), 'model'), 0);
}
