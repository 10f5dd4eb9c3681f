/** A zod issue as an agent reads it in an error about a file: where in the file, and what is wrong, in their language. */
import type { z } from 'zod';
import { fileText } from './file-text';

export function issueText(issue: z.core.$ZodIssue, root?: string): string {
  const where = issue.path.length ? issue.path.join('.') : (root ?? fileText('fileIssueRoot'));
  const input = (issue as { input?: unknown }).input;
  if (issue.code === 'invalid_type' && input === undefined) return fileText('fileIssueMissing', where);
  if (issue.code === 'invalid_type') return fileText('fileIssueType', where, (issue as { expected?: string }).expected ?? fileText('fileIssueTypeOther'));
  if (issue.code === 'too_big') return fileText('fileIssueTooBig', where, String((issue as { maximum?: unknown }).maximum));
  if (issue.code === 'too_small') return fileText('fileIssueTooSmall', where, String((issue as { minimum?: unknown }).minimum));
  return `${where} ${issue.message}`;
}
