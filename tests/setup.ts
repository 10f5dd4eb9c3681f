import 'fake-indexeddb/auto'; // before anything opens Dexie
import '@testing-library/jest-dom/vitest';
import { afterEach, beforeEach } from 'vitest';
import { cleanup, configure } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { zhMessage } from './helpers/i18n';
import { setFileText } from '../scripts-library/files/file-text';

// Component tests share 2 cores with other test files: give async UI updates room before calling them lost.
configure({ asyncUtilTimeout: 4000 });

beforeEach(() => {
  fakeBrowser.reset();
  // The fake browser has no i18n; serve the real zh_CN catalogue with Chrome's substitution rules.
  fakeBrowser.i18n.getMessage = zhMessage as typeof fakeBrowser.i18n.getMessage;
});
afterEach(() => cleanup());
// The file readers' reasons read the same catalogue, as the panel registers it (components/shared/i18n.ts).
setFileText((key, subs) => zhMessage(key, subs));
