/**
 * The Dexie database. It is opened ONLY in the extension origin (background, side panel, options): IndexedDB
 * opened from a content script would belong to the chat site. Content scripts ask the background instead.
 */
import { Dexie, type EntityTable } from 'dexie';
import type { Note, Phrase, Reminder, ResponseRecord, Rule, SettingRow, Stage, Tally } from '../scripts-library/shared/schema';
import { DB_NAME, SCHEMA_VERSIONS } from './schema-versions';
import type { TeamTally } from '../scripts-library/team/team-config';

/** A team document's Yjs state as last seen here (with this browser's edits not yet confirmed by the server). */
export interface TeamDocRow {
  name: string;
  update: Uint8Array;
  /** This browser's edits written into it since the server last confirmed all of them. */
  pending: number;
  updatedAt: number;
}

export class KefuDB extends Dexie {
  phrases!: EntityTable<Phrase, 'id'>;
  stages!: EntityTable<Stage, 'id'>;
  settings!: EntityTable<SettingRow, 'key'>;
  rules!: EntityTable<Rule, 'id'>;
  tally!: EntityTable<Tally, 'id'>;
  notes!: EntityTable<Note, 'id'>;
  reminders!: EntityTable<Reminder, 'id'>;
  responses!: EntityTable<ResponseRecord, 'id'>;
  teamDocs!: EntityTable<TeamDocRow, 'name'>;
  teamTally!: EntityTable<TeamTally, 'id'>;

  /** @param upTo apply the schema history only up to this version (used by upgrade tests). */
  constructor(name = DB_NAME, upTo = Number.POSITIVE_INFINITY) {
    super(name);
    for (const v of SCHEMA_VERSIONS) {
      if (v.version > upTo) break;
      const declared = this.version(v.version).stores(v.stores);
      if (v.upgrade) declared.upgrade(v.upgrade);
    }
  }
}

let shared: KefuDB | undefined;

/** The one database instance of this extension context. */
export function getDb(): KefuDB {
  shared ??= new KefuDB();
  return shared;
}
