import { isAbsolute, relative, resolve } from "node:path";

/**
 * Resolves a path an agent gave; with a `root`, refuses anything outside it (`..`, other absolute paths), so an
 * operator can confine upload_file and download_file to one folder. Returns undefined when refused.
 */
export function localPath(path: string, root: string | undefined): string | undefined {
  if (!root) return resolve(path);
  const base = resolve(root);
  const target = resolve(base, path);
  const rel = relative(base, target);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel)) ? target : undefined;
}
