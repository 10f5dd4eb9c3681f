/**
 * The database's name and latest version, apart from its schema history (schema-versions.ts): the worker's core
 * opens the database as it is stored (core-db.ts) and must not hold the history's upgrade data.
 */
export const DB_NAME = 'kefu-assistant';
/** The last version of SCHEMA_VERSIONS (a test holds them equal). */
export const DB_VERSION = 11;
