import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { SidePanel } from '../../components/SidePanel';
import { copyForCompanion, insertIntoTab } from '../../components/phrases/insert-phrase';
import { isCompanionWindow, useServedTab } from '../../components/served/use-served-tab';
import { getDb } from '../../storage/db';
import { startFirstScreen } from '../../components/shared/use-first-screen';
import { EARLY_PAINT, type EarlyPaint } from '../../components/shared/first-screen-ids';

function App() {
  useState(() => performance.mark('kefu:render')); // React's first render of the panel (npm run bench's breakdown)
  // The 千牛 companion window copies what is clicked; the docked panel inserts into the served chat tab.
  return <SidePanel db={getDb()} served={useServedTab()} insert={isCompanionWindow() ? copyForCompanion : insertIntoTab} />;
}

// Every module above is evaluated by now (the step `npm run bench` reports as sidepanel.modules_ms).
performance.mark('kefu:modules');
// From here React owns the page: the head script draws no static first screen any more.
const early = (globalThis as Record<string, unknown>)[EARLY_PAINT] as EarlyPaint | undefined;
if (early) early.taken = true;
// The first screen of phrases is read while React starts (use-first-screen.ts).
const firstScreen = startFirstScreen(getDb());
// Ask the browser not to evict our IndexedDB under storage pressure (only a window context may ask).
void navigator.storage?.persist?.();
document.documentElement.lang = navigator.language.startsWith('zh') ? 'zh-CN' : 'en';
const start = () =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
// The head script drew the first screen: React's first render must have its rows too (they are read already), or
// its commit would replace the rows on screen with 加载中.
if (early?.painted && firstScreen) void firstScreen.then(start, start);
else start();
