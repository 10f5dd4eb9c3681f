// Postgres persistence for a deployment with more than one instance. Two tables:
//   kefu_team_documents  one row per document: its Yjs state, written by the debounced store as an upsert that
//                        merges with what another instance stored (neither overwrites the other);
//   kefu_team_updates    every update a client sends, inserted before the server applies and acknowledges it (the
//                        awaited `beforeSync` hook), so a killed instance loses nothing it acknowledged; a store
//                        deletes exactly the rows whose updates its stored state contains (those it loaded and
//                        those it wrote before encoding), by id, so it never drops a row it has not seen.
// Loading a document = its state + every logged update (Yjs updates are idempotent: replaying one changes nothing).
import pg from 'pg';
import * as Y from 'yjs';

const DOCS = 'kefu_team_documents';
const UPDATES = 'kefu_team_updates';

/**
 * @param {string} url  e.g. postgres://user@127.0.0.1:5432/kefu
 * @param {string} instance  this instance's name (its rows in the update log)
 */
export async function postgresPersistence(url, instance) {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  await pool.query(`CREATE TABLE IF NOT EXISTS ${DOCS} (name text PRIMARY KEY, state bytea NOT NULL, updated_at timestamptz NOT NULL DEFAULT now())`);
  await pool.query(`CREATE TABLE IF NOT EXISTS ${UPDATES} (id bigserial PRIMARY KEY, name text NOT NULL, instance text NOT NULL, update bytea NOT NULL)`);
  await pool.query(`CREATE INDEX IF NOT EXISTS ${UPDATES}_name ON ${UPDATES} (name, instance)`);
  /** Inserts in flight per document, so a store knows which logged rows its state covers. */
  const pending = new Map();
  /** Ids of logged rows the in-memory document contains (loaded, or written by this instance). */
  const covered = new Map();
  const cover = (name, ids) => covered.set(name, [...(covered.get(name) ?? []), ...ids]);
  /** Upsert the document's state (merged with the stored one) and delete the logged rows it contains. */
  async function store(document, documentName) {
    // every update already in the document has been handed to an insert: wait for those, note the highest id
    await Promise.allSettled([...(pending.get(documentName) ?? [])]);
    const ids = covered.get(documentName) ?? [];
    covered.set(documentName, []);
    const state = Y.encodeStateAsUpdate(document);
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const { rows } = await client.query(`SELECT state FROM ${DOCS} WHERE name = $1 FOR UPDATE`, [documentName]);
      const merged = rows[0] ? Y.mergeUpdates([new Uint8Array(rows[0].state), state]) : state;
      await client.query(
        `INSERT INTO ${DOCS} (name, state, updated_at) VALUES ($1, $2, now()) ON CONFLICT (name) DO UPDATE SET state = EXCLUDED.state, updated_at = now()`,
        [documentName, Buffer.from(merged)],
      );
      if (ids.length) await client.query(`DELETE FROM ${UPDATES} WHERE id = ANY($1::bigint[])`, [ids]);
      await client.query('COMMIT');
    } catch (e) {
      await client.query('ROLLBACK').catch(() => {});
      cover(documentName, ids); // still covered: delete them next time
      throw e;
    } finally {
      client.release();
    }
  }

  /** @type {import('@hocuspocus/server').Extension & { extensionName: string }} */
  const extension = {
    extensionName: 'kefu-postgres-store',
    async onLoadDocument({ document, documentName }) {
      const { rows } = await pool.query(`SELECT state FROM ${DOCS} WHERE name = $1`, [documentName]);
      if (rows[0]) Y.applyUpdate(document, new Uint8Array(rows[0].state));
      const log = await pool.query(`SELECT id, update FROM ${UPDATES} WHERE name = $1 ORDER BY id`, [documentName]);
      for (const r of log.rows) Y.applyUpdate(document, new Uint8Array(r.update));
      covered.set(documentName, log.rows.map((r) => String(r.id)));
      // a document loaded with logged updates (after a kill) is stored at once: an unchanged one is never stored
      if (log.rows.length) await store(document, documentName);
    },
    // 1 = SyncStep2 (a client's catch-up, offline edits included), 2 = an update; read-only ones are never applied
    async beforeSync({ connection, documentName, type, payload }) {
      if (connection.readOnly || (type !== 1 && type !== 2)) return;
      const insert = pool.query(`INSERT INTO ${UPDATES} (name, instance, update) VALUES ($1, $2, $3) RETURNING id`, [documentName, instance, Buffer.from(payload)]);
      const set = pending.get(documentName) ?? new Set();
      set.add(insert);
      pending.set(documentName, set);
      try {
        const { rows } = await insert;
        cover(documentName, [String(rows[0].id)]);
      } finally {
        set.delete(insert);
      }
    },
    async onStoreDocument({ document, documentName }) {
      await store(document, documentName);
    },
    async afterUnloadDocument({ documentName }) {
      covered.delete(documentName);
      pending.delete(documentName);
    },
  };
  return { extension, close: () => pool.end() };
}
