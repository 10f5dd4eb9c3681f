/**
 * The extension's IndexedDB database: its name and latest version, in a module of their own (the panel's early
 * first-screen read and the worker's core, which opens the database as stored — core-db.ts —, import only this, not
 * the schema's history with its upgrade data).
 */
export const DB_NAME = 'kefu-assistant';
/** The last version of SCHEMA_VERSIONS (a test holds them equal). */
export const DB_VERSION = 15;
