/** A zod issue as an agent reads it in an error about a file: where in the file, and what is wrong, in Chinese. */
import type { z } from 'zod';

export function issueText(issue: z.core.$ZodIssue, root = '（根）'): string {
  const where = issue.path.length ? issue.path.join('.') : root;
  const input = (issue as { input?: unknown }).input;
  if (issue.code === 'invalid_type' && input === undefined) return `${where} 缺失`;
  if (issue.code === 'invalid_type') return `${where} 的类型不对（应为 ${(issue as { expected?: string }).expected ?? '其他类型'}）`;
  if (issue.code === 'too_big') return `${where} 太长或太大（最多 ${String((issue as { maximum?: unknown }).maximum)}）`;
  if (issue.code === 'too_small') return `${where} 太短或太小（至少 ${String((issue as { minimum?: unknown }).minimum)}）`;
  return `${where} ${issue.message}`;
}
