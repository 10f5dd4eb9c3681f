import { useCallback, useEffect, useState } from 'react';

export type Tone = 'ok' | 'warn' | 'error';
export interface Notice {
  text: string;
  tone: Tone;
  undo?: () => void;
}
export type Notify = (text: string, tone: Tone, undo?: () => void) => void;

/** The panel's one status line: what just happened, gone once the agent has had time to read it. */
export function useNotice() {
  const [notice, setNotice] = useState<Notice>();
  useEffect(() => {
    if (!notice) return undefined;
    // Errors and undo stay longer.
    const ms = notice.undo || notice.tone === 'error' ? 10_000 : notice.tone === 'warn' ? 6_000 : 3_000;
    const timer = setTimeout(() => setNotice(undefined), ms);
    return () => clearTimeout(timer);
  }, [notice]);
  const notify: Notify = useCallback((text, tone, undo) => setNotice({ text, tone, undo }), []);
  return { notice, notify, clear: useCallback(() => setNotice(undefined), []) };
}
