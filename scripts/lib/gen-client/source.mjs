// What the client emitters read from the spec model, and how they spell it as TypeScript source.

export const pascal = (s) => s[0].toUpperCase() + s.slice(1);
export const camel = (s) => s.replace(/[-_.]+(\w)/g, (_, c) => c.toUpperCase());
export const str = JSON.stringify;
/** A property name as TypeScript source: bare when it is an identifier, quoted otherwise. */
export const prop = (name) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : str(name));
/** `args.name` or `args["api-version"]`. */
export const member = (object, name) =>
  /^[A-Za-z_$][\w$]*$/.test(name) ? `${object}.${name}` : `${object}[${str(name)}]`;

export function groupsOf(operations) {
  const groups = new Map();
  for (const op of operations) {
    if (!groups.has(op.group)) groups.set(op.group, []);
    groups.get(op.group).push(op);
  }
  return groups;
}

/** The spec's own operation object, for fields the flat operation records may not carry. */
export const specOperation = (spec, op) => spec.paths?.[op.path]?.[op.httpMethod.toLowerCase()] ?? {};
export const isDeprecated = (spec, op) => Boolean(op.deprecated ?? specOperation(spec, op).deprecated);

/**
 * The value a header parameter is sent with when the caller leaves it out (the spec model's `sentByDefault`: its
 * default or its only allowed value), if any.
 */
export function singleValue(param) {
  if (param.sentByDefault !== undefined) return param.sentByDefault;
  const schema = param.schema ?? {};
  if ("const" in schema) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length === 1) return schema.enum[0];
  return undefined;
}

/** A list parameter (an array, sent comma-joined): the spec model's `list`. */
export const isList = (param) => param.list ?? [param.schema?.type].flat().includes("array");
