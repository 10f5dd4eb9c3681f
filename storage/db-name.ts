/** The extension's IndexedDB database (its own module: the panel's early first-screen read imports only this). */
export const DB_NAME = 'kefu-assistant';
