import { lazy, useEffect, type ComponentType } from 'react';
import { afterFirstScreen } from './use-first-screen';

/**
 * A component whose code is its own chunk, not part of the panel's first script (which is parsed and compiled on
 * every open). `preload()` fetches it (the panel does so once its first screen is painted); from then on the
 * component renders at once, without a Suspense round; before, it suspends until its chunk has arrived.
 */
export function lazyView<P extends object>(load: () => Promise<ComponentType<P>>): { View: ComponentType<P>; preload: () => Promise<unknown> } {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  const preload = () => (loading ??= load().then((view) => (loaded = view)));
  const Lazy = lazy(() => preload().then((view) => ({ default: view })));
  function View(props: P) {
    const Loaded = loaded;
    return Loaded ? <Loaded {...props} /> : <Lazy {...props} />;
  }
  return { View, preload };
}

/**
 * Fetch these views' chunks once the page's first screen is painted (at mount, after the entry point has started
 * the first screen's read; at module evaluation that read is not known yet).
 */
export function usePreload(views: readonly { preload: () => Promise<unknown> }[]): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    void afterFirstScreen().then(() => (timer = setTimeout(() => views.forEach((v) => void v.preload().catch(() => {})), 0)));
    return () => clearTimeout(timer);
  }, [views]);
}
