import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { CHASE_FOCUS_KEY } from '../../scripts-library/chase/reminders';

/**
 * The chase step whose notification the agent clicked (the background puts its id in storage.session), so the
 * panel opens with that step's phrase ready. `clear` forgets it once the agent chased.
 */
export function useChaseFocus(): [string | undefined, () => void] {
  const [id, setId] = useState<string>();
  useEffect(() => {
    const area = browser.storage.session ?? browser.storage.local;
    const read = (value: unknown) => setId(typeof value === 'string' && value ? value : undefined);
    void area.get(CHASE_FOCUS_KEY).then((r) => read(r[CHASE_FOCUS_KEY]), () => {});
    const onChanged = (changes: Record<string, { newValue?: unknown }>) => {
      if (CHASE_FOCUS_KEY in changes) read(changes[CHASE_FOCUS_KEY]!.newValue);
    };
    area.onChanged.addListener(onChanged);
    return () => area.onChanged.removeListener(onChanged);
  }, []);
  const clear = useCallback(() => {
    setId(undefined);
    void (browser.storage.session ?? browser.storage.local).remove(CHASE_FOCUS_KEY).catch(() => {});
  }, []);
  return [id, clear];
}
