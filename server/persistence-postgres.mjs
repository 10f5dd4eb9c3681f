// Postgres persistence for a deployment with more than one instance: one row per document holding its Yjs state,
// written by the debounced store (an upsert that merges with what another instance stored, so neither overwrites
// the other), read once when an instance loads the document.
import { Database } from '@hocuspocus/extension-database';
import pg from 'pg';
import * as Y from 'yjs';

const TABLE = 'kefu_team_documents';

/** @param {string} url  e.g. postgres://user@127.0.0.1:5432/kefu */
export async function postgresPersistence(url) {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  await pool.query(`CREATE TABLE IF NOT EXISTS ${TABLE} (name text PRIMARY KEY, state bytea NOT NULL, updated_at timestamptz NOT NULL DEFAULT now())`);
  const extension = new Database({
    fetch: async ({ documentName }) => {
      const { rows } = await pool.query(`SELECT state FROM ${TABLE} WHERE name = $1`, [documentName]);
      return rows[0] ? new Uint8Array(rows[0].state) : null;
    },
    store: async ({ documentName, state }) => {
      // Merge inside a transaction with a row lock: another instance may have stored updates this one has not seen.
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const { rows } = await client.query(`SELECT state FROM ${TABLE} WHERE name = $1 FOR UPDATE`, [documentName]);
        const merged = rows[0] ? Y.mergeUpdates([new Uint8Array(rows[0].state), state]) : state;
        await client.query(
          `INSERT INTO ${TABLE} (name, state, updated_at) VALUES ($1, $2, now()) ON CONFLICT (name) DO UPDATE SET state = EXCLUDED.state, updated_at = now()`,
          [documentName, Buffer.from(merged)],
        );
        await client.query('COMMIT');
      } catch (e) {
        await client.query('ROLLBACK').catch(() => {});
        throw e;
      } finally {
        client.release();
      }
    },
  });
  return { extension, close: () => pool.end() };
}
