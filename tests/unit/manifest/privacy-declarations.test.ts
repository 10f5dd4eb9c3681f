/**
 * What the manifest declares about data leaving the browser (#35 item 6): nothing is required to leave; team mode
 * is optional — the shop's own server is asked for as an optional host permission when an agent joins, and
 * Firefox's data-collection consent lists exactly what team mode sends there, as optional.
 */
import { describe, expect, it } from 'vitest';
import config from '../../../wxt.config';
import { TEAM_DATA_COLLECTION } from '../../../scripts-library/team/team-config';

type Manifest = Record<string, unknown> & { browser_specific_settings?: { gecko?: { data_collection_permissions?: { required?: string[]; optional?: string[] } } } };
const manifestFor = async (browser: 'chrome' | 'firefox'): Promise<Manifest> => {
  const m = config.manifest as unknown as (env: { browser: string; manifestVersion: number; mode: string; command: string }) => Manifest | Promise<Manifest>;
  return m({ browser, manifestVersion: browser === 'firefox' ? 2 : 3, mode: 'production', command: 'build' });
};

describe('privacy declarations', () => {
  it("Firefox: nothing required; team mode's data to the shop's own server declared as optional, by category", async () => {
    const gecko = (await manifestFor('firefox')).browser_specific_settings?.gecko;
    expect(gecko?.data_collection_permissions).toEqual({
      required: ['none'],
      // the invite token, the agent's name and role, the notebooks (handovers can name buyers), the per-shift
      // tally totals counted on the chat consoles
      optional: ['authenticationInfo', 'personallyIdentifyingInfo', 'personalCommunications', 'websiteActivity'],
    });
    expect(TEAM_DATA_COLLECTION).toEqual(gecko?.data_collection_permissions?.optional);
  });

  it("the team server's origin is only ever an optional host permission, on both browsers", async () => {
    const chrome = await manifestFor('chrome');
    expect(chrome.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
    expect(JSON.stringify(chrome.host_permissions)).not.toMatch(/https:\/\/\*\/\*|http:\/\/\*\/\*|<all_urls>/);
    const firefox = await manifestFor('firefox');
    expect(firefox.optional_permissions).toEqual(['https://*/*', 'http://*/*']);
    expect(JSON.stringify(firefox.host_permissions)).not.toMatch(/https:\/\/\*\/\*|http:\/\/\*\/\*|<all_urls>/);
  });
});
