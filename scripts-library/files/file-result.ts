/**
 * The one shape every file reader answers with (phrase import, team pack, rule pack, notebooks, backup): what it
 * read, or why the file is not one, in the agent's language (`fileText`), shown as it is ("导入失败…：<error>"). A
 * refused file writes nothing: the caller stores only what an `ok: true` result holds.
 */
export type FileError = { ok: false; error: string };
export type FileResult<T extends object> = ({ ok: true } & T) | FileError;

export const fileError = (error: string): FileError => ({ ok: false, error });

import { fileText } from './file-text';

/** JSON.parse with the message an agent sees when a file is cut short or not JSON (every reader's first step). */
export function parseJsonFile(text: string): FileResult<{ json: unknown }> {
  try {
    return { ok: true, json: JSON.parse(text) };
  } catch (e) {
    return fileError(fileText('fileJsonBad', e instanceof Error ? e.message : String(e)));
  }
}
