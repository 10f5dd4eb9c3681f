/**
 * Every store of the extension's database, read (`dump`, as JSON) or cleared (`wipe`) with plain IndexedDB. Runs
 * inside an extension page: pass it to the driver's `page.evaluate(idbInPage, op)` (Playwright or Puppeteer).
 */
export async function idbInPage(op: 'dump' | 'wipe'): Promise<string> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open('kefu-assistant');
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const names = [...db.objectStoreNames].sort();
  const tx = db.transaction(names, op === 'dump' ? 'readonly' : 'readwrite');
  const out: Record<string, unknown> = {};
  await Promise.all(
    names.map(
      (n) =>
        new Promise<void>((resolve) => {
          const req = op === 'dump' ? tx.objectStore(n).getAll() : tx.objectStore(n).clear();
          req.onsuccess = () => {
            out[n] = req.result;
            resolve();
          };
        }),
    ),
  );
  db.close();
  return JSON.stringify(out);
}

/** Put phrase rows straight into the extension's database (a benchmark's big library). Runs inside an extension page. */
export async function putPhrasesInPage(rows: readonly unknown[]): Promise<void> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open('kefu-assistant');
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction('phrases', 'readwrite');
    for (const row of rows) tx.objectStore('phrases').put(row);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}
