/** The background's real services: the phrase library kept in memory for the "/" picker, and small writes. */
import { liveQuery } from 'dexie';
import type { KefuDB } from '../../storage/db';
import { recordPhraseUse } from '../../storage/repositories/phrases';
import { getSettings, saveSettings } from '../../storage/repositories/settings';
import { placeholderValues } from '../../scripts-library/placeholders';
import { PhraseSearchCache } from '../../scripts-library/search';
import type { Phrase } from '../../scripts-library/schema';
import type { PickerItem } from '../../storage/protocol';
import type { ChatTabRegistry } from '../../storage/chat-tabs';
import type { BackgroundServices } from './handlers';

const PICKER_SIZE = 8;

export function createServices(db: KefuDB, registry: ChatTabRegistry): BackgroundServices {
  const cache = new PhraseSearchCache<Phrase>();
  let phrases: Phrase[] | undefined;
  // Follow the library as it changes, so a keystroke in the chat box never waits for a full table read.
  liveQuery(() => db.phrases.toArray()).subscribe({
    next: (rows) => void (phrases = rows),
    error: (e: unknown) => console.warn('[kefu] phrase subscription', e),
  });

  return {
    registry,
    async pickerSearch(query) {
      const library = phrases ?? (phrases = await db.phrases.toArray());
      const settings = await getSettings(db);
      const values = placeholderValues(settings, undefined, settings.placeholderMemory);
      return cache
        .get(library)
        .search(query, { limit: PICKER_SIZE })
        .map(({ phrase }): PickerItem => ({ id: phrase.id, title: phrase.title, body: phrase.body, values }));
    },
    recordUse: (id) => recordPhraseUse(db, id),
    async remember(values) {
      const { placeholderMemory } = await getSettings(db);
      await saveSettings(db, { placeholderMemory: { ...placeholderMemory, ...values } });
    },
  };
}
