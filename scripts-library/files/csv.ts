/**
 * CSV for files agents open in Excel or WPS. A cell starting with = + - @ (or a tab / carriage return) would run
 * as a formula there (`=HYPERLINK(…)`, `+cmd|…`): such cells are written with a leading ' (OWASP's CSV injection
 * advice, papaparse's escapeFormulae), and our importers take that ' off again, so export → import is lossless.
 */
import Papa from 'papaparse';

const FORMULA = /^'[=+\-@\t\r]/;

/** Header and rows as CSV, CRLF line ends, formula cells neutralised. */
export function toCsv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  return Papa.unparse({ fields: [...header], data: rows.map((r) => r.map(String)) }, { newline: '\r\n', escapeFormulae: true });
}

/** A cell as read back from a file we (or a careful spreadsheet) wrote: the protective ' removed. */
export function unescapeCell(cell: string): string {
  return FORMULA.test(cell) ? cell.slice(1) : cell;
}
