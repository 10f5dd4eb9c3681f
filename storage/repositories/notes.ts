/** Notes: per-buyer notes (keyed by site + buyer) and, later, the problem log and shift handovers. */
import type { KefuDB } from '../db';
import { NoteSchema, type Note } from '../../scripts-library/schema';

export const buyerNoteId = (site: string, buyerId: string) => `buyer|${site}|${buyerId}`;

export async function getBuyerNote(db: KefuDB, site: string, buyerId: string): Promise<Note | undefined> {
  return db.notes.get(buyerNoteId(site, buyerId));
}

/** Save (or, when the text is empty, delete) the note about one buyer. */
export async function saveBuyerNote(db: KefuDB, site: string, buyerId: string, text: string, now = Date.now()): Promise<void> {
  const id = buyerNoteId(site, buyerId);
  await db.transaction('rw', db.notes, async () => {
    if (!text.trim()) {
      await db.notes.delete(id);
      return;
    }
    const old = await db.notes.get(id);
    await db.notes.put(NoteSchema.parse({ id, kind: 'buyer', site, buyerId, text, createdAt: old?.createdAt ?? now, updatedAt: now }));
  });
}
