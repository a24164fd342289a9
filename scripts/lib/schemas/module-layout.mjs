// How the component schemas are laid out in modules: one per component, components in a cycle together.

/** Import lines for components `used`, from `dir`, grouped by the module each lives in (see moduleFiles). */
export function importLines(used, fileOf, dir) {
  const byFile = new Map();
  for (const ref of [...used].sort()) byFile.set(fileOf.get(ref), [...(byFile.get(fileOf.get(ref)) ?? []), ref]);
  return [...byFile]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([file, names]) => `import { ${names.join(", ")} } from "${dir}${file}.js";\n`)
    .join("");
}

/**
 * The module (file name) of each component: its own, or for components that refer to each other in a cycle
 * (strongly connected, Tarjan), the first-written member's.
 */
export function moduleFiles(modules) {
  const refsOf = new Map(modules.map((m) => [m.id, [...m.refs]]));
  const order = new Map(modules.map((m, i) => [m.id, i]));
  const index = new Map();
  const low = new Map();
  const stack = [];
  const fileOf = new Map();
  let counter = 0;
  const visit = (id) => {
    index.set(id, counter);
    low.set(id, counter++);
    stack.push(id);
    for (const next of refsOf.get(id) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(id, Math.min(low.get(id), low.get(next)));
      } else if (stack.includes(next)) low.set(id, Math.min(low.get(id), index.get(next)));
    }
    if (low.get(id) !== index.get(id)) return;
    const members = [];
    let member;
    do {
      member = stack.pop();
      members.push(member);
    } while (member !== id);
    const file = members.sort((a, b) => order.get(a) - order.get(b))[0];
    for (const m of members) fileOf.set(m, file);
  };
  for (const m of modules) if (!index.has(m.id)) visit(m.id);
  return fileOf;
}
