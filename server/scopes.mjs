// Who may do what with which document. Names are always `<team>/<kind>[/<agent>]`, and the team is the token's.
//   <team>/library, <team>/rules   lead read-write, agents read-only
//   <team>/notebooks               everyone in the team read-write
//   <team>/tally/<agent>           that agent read-write, a lead read-only, other agents nothing
// Anything else (another team, an unknown kind, extra segments) is no access.

/** @typedef {import('./tokens.mjs').Identity} Identity */
/** @typedef {'write' | 'read' | 'none'} Access */

/**
 * @param {Identity} who
 * @param {string} documentName
 * @returns {{ access: Access, reason?: string }}
 */
export function accessTo(who, documentName) {
  const parts = documentName.split('/');
  const [team, kind, owner] = parts;
  if (team !== who.team) return { access: 'none', reason: 'other-team' };
  if ((kind === 'library' || kind === 'rules') && parts.length === 2) return { access: who.role === 'lead' ? 'write' : 'read' };
  if (kind === 'notebooks' && parts.length === 2) return { access: 'write' };
  if (kind === 'tally' && parts.length === 3 && owner) {
    if (owner === who.agent) return { access: 'write' };
    if (who.role === 'lead') return { access: 'read' };
    return { access: 'none', reason: 'not-your-tally' };
  }
  return { access: 'none', reason: 'unknown-document' };
}
