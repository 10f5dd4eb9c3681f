#!/usr/bin/env node
// Token administration for the team server.
//   node server/admin.mjs invite --data <dir> --team <team> --role lead|agent --agent <agentId>   prints the token once
//   node server/admin.mjs revoke --data <dir> --token-prefix kft_abcd                             (takes effect live)
//   node server/admin.mjs list   --data <dir>
import { parseArgs } from 'node:util';
import { issueToken, readTokens, revokeToken } from './tokens.mjs';

const USAGE = `usage:
  node admin.mjs invite --data <dir> --team <team> --role lead|agent --agent <agentId>
  node admin.mjs revoke --data <dir> --token-prefix <kft_…>
  node admin.mjs list   --data <dir>`;

function main(argv) {
  const [command, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: { data: { type: 'string' }, team: { type: 'string' }, role: { type: 'string' }, agent: { type: 'string' }, 'token-prefix': { type: 'string' } },
    strict: true,
  });
  if (!values.data) throw new Error('--data <dir> is required');
  if (command === 'invite') {
    const { token, entry } = issueToken(values.data, { team: values.team ?? '', role: /** @type {any} */ (values.role), agent: values.agent ?? '' });
    console.error(`issued for team ${entry.team}, ${entry.role} ${entry.agent} (shown once; only its SHA-256 is stored):`);
    console.log(token);
  } else if (command === 'revoke') {
    const hit = revokeToken(values.data, values['token-prefix'] ?? '');
    if (!hit.length) throw new Error(`no live token starts with ${values['token-prefix']}`);
    for (const t of hit) console.log(`revoked ${t.prefix}… (${t.team}, ${t.role} ${t.agent})`);
  } else if (command === 'list') {
    for (const t of readTokens(values.data).tokens) {
      console.log([`${t.prefix}…`, t.team, t.role, t.agent, t.created, t.revoked ? `revoked ${t.revoked}` : 'live'].join('\t'));
    }
  } else {
    throw new Error(`unknown command ${command ?? '(none)'}`);
  }
}

try {
  main(process.argv.slice(2));
} catch (e) {
  const issues = e && typeof e === 'object' && 'issues' in e && Array.isArray(e.issues) ? e.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; ') : null;
  console.error(`error: ${issues ?? (e instanceof Error ? e.message : String(e))}\n${USAGE}`);
  process.exit(2);
}
