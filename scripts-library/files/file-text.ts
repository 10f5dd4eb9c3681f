/**
 * The words of a refused file (phrase import, team pack, rule pack, notebooks, backup), in the agent's language.
 * The readers here are pure logic and cannot read the extension's catalogue, so they name a message key and its
 * substitutions, and the context that shows the reason registers how keys become text (`setFileText`: the panel's
 * `t()`, which reads `_locales`). Every key is in both catalogues (a test checks), with its substitutions as $1…$3.
 */
export const FILE_TEXT_KEYS = [
  'fileJsonBad',
  'fileEmpty',
  'fileOverMb',
  'fileTooBigMb',
  'fileNotPhrasePack',
  'fileCsvRow',
  'fileCsvMissingQuotes',
  'fileCsvInvalidQuotes',
  'fileCsvNoDelimiter',
  'fileCsvTooFewFields',
  'fileCsvTooManyFields',
  'fileCsvUnreadable',
  'fileCsvHeader',
  'fileNotNotes',
  'fileNotRulePack',
  'fileRuleDuplicate',
  'fileTeamReservedId',
  'fileTeamNameLong',
  'fileTeamOlder',
  'fileTeamChanged',
  'fileBackupNewer',
  'fileNotBackup',
  'fileRowDuplicate',
  'fileIssueMissing',
  'fileIssueType',
  'fileIssueTypeOther',
  'fileIssueTooBig',
  'fileIssueTooSmall',
  'fileIssueRoot',
  'fileIssueRuleRoot',
] as const;
export type FileTextKey = (typeof FILE_TEXT_KEYS)[number];

type Say = (key: FileTextKey, subs: string[]) => string;

/** Until a context registers its catalogue: the key and its substitutions (never shown by the extension). */
let say: Say = (key, subs) => [key, ...subs].join(' ');

/** The panel (and any context that shows a file's reason) registers its catalogue once, at start. */
export function setFileText(s: Say): void {
  say = s;
}

/** A reason in the agent's language. */
export const fileText = (key: FileTextKey, ...subs: (string | number)[]): string => say(key, subs.map(String));
