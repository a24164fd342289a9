/**
 * CSV as RFC 4180 writes it: fields joined by commas, records ended by CRLF, and a field quoted (its quotes
 * doubled) when it holds a comma, a quote, a CR or a LF. Comment text often holds all four.
 */

/** @param {string | number | null | undefined} value */
export function csvField(value) {
  const text = value === null || value === undefined ? "" : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** @param {Array<string | number | null | undefined>} values */
export function csvRecord(values) {
  return `${values.map(csvField).join(",")}\r\n`;
}
