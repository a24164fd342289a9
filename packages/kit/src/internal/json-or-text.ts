/** A response body as the SDK reports it: the parsed JSON when it is JSON, else the text as it came. */
export function jsonOrText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
