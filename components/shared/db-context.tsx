/**
 * The database handle for the panel's hooks. Views never take it: a feature's `use-*.ts` hook reads it here and
 * is the only place that calls the repositories (an ESLint rule keeps it so).
 */
import { createContext, useContext, type ReactNode } from 'react';
import type { KefuDB } from '../../storage/db';

const DbContext = createContext<KefuDB | null>(null);

export function DbProvider({ db, children }: { db: KefuDB; children: ReactNode }) {
  return <DbContext.Provider value={db}>{children}</DbContext.Provider>;
}

export function useDb(): KefuDB {
  const db = useContext(DbContext);
  if (!db) throw new Error('useDb outside DbProvider');
  return db;
}
