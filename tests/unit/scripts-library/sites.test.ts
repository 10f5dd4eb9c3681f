import { expect, it } from 'vitest';
import { siteHost, siteScriptId, sitePattern } from '../../../scripts-library/shared/sites';
import { SITE_PATTERN } from '../../../scripts-library/shared/sites';

it.each([
  ['https://im.kwaixiaodian.com/workbench', 'https://im.kwaixiaodian.com/*'],
  ['im.kwaixiaodian.com', 'https://im.kwaixiaodian.com/*'],
  ['  SHOP.Example.com/chat?x=1  ', 'https://shop.example.com/*'],
  ['http://shop.test:8080/index.html', 'http://shop.test/*'],
  ['http://localhost:5173', 'http://localhost/*'],
  ['', null],
  ['ftp://files.example.com', null],
  ['javascript:alert(1)', null],
  ['not a site', null],
  ['chrome://extensions', null],
])('%s → %s', (input, pattern) => {
  expect(sitePattern(input)).toBe(pattern);
  if (pattern) expect(pattern).toMatch(SITE_PATTERN); // what the background accepts
});

it('names a registration stably per site and shows the host', () => {
  expect(siteScriptId('https://a.example.com/*')).toBe(siteScriptId('https://a.example.com/*'));
  expect(siteScriptId('https://a.example.com/*')).not.toBe(siteScriptId('https://b.example.com/*'));
  expect(siteHost('https://a.example.com/*')).toBe('a.example.com');
});
