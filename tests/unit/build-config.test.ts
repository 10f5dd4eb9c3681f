import { describe, expect, it } from 'vitest';
import config from '../../wxt.config';

// The production build (no KEFU_BUILD, which is how this test runs) is what the stores get.
const manifest = (browser: string) => (config.manifest as (env: { browser: string }) => Record<string, unknown>)({ browser });

describe('the production manifest', () => {
  it.each(['chrome', 'firefox'])('%s holds no host access to localhost or 127.0.0.1 (those are for the demo/e2e builds)', (browser) => {
    const hosts = manifest(browser).host_permissions as string[];
    expect(hosts.length).toBeGreaterThan(0);
    expect(hosts.filter((h) => /localhost|127\.0\.0\./.test(h))).toEqual([]);
  });

  it.each(['chrome', 'firefox'])('%s exposes no page of the extension to web pages (the Firefox e2e build alone does, for BiDi)', (browser) => {
    expect(manifest(browser)).not.toHaveProperty('web_accessible_resources');
  });

});
