/**
 * The property names an OpenAPI 3 document exposes in its responses, for `scope.api-field`.
 * Walks every operation's response schemas (through properties, items, allOf/anyOf/oneOf and
 * additionalProperties), resolves `$ref`s inside the document and visits each schema once, so
 * recursive schemas end. External references cannot be followed and are reported as such.
 */

/** One property a response schema declares. */
export type ApiProperty = {
  name: string;
  /** JSON pointer of the property in the document, e.g. `#/components/schemas/Enterprise/properties/phone`. */
  pointer: string;
  /** An object (or array of objects) whose own properties are listed separately: a wrapper, not a value. */
  container: boolean;
};

export type ApiResponseProperties = {
  properties: ApiProperty[];
  /** `$ref`s that point outside the document or to nothing: their properties are unknown. */
  unresolvedRefs: string[];
};

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
/** A `$ref` chain longer than this is treated as a cycle. */
const MAX_REF_HOPS = 64;

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

const escapePointer = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');

/** Every property declared by a response schema of a parsed OpenAPI 3 (or Swagger 2) document. */
export function apiResponseProperties(doc: unknown): ApiResponseProperties {
  const properties: ApiProperty[] = [];
  const unresolved = new Set<string>();
  const visited = new Set<object>();
  const exposing = new Map<object, boolean>();

  /** Follows `$ref`s from `node`; null when one cannot be resolved or they loop. */
  const resolve = (node: unknown, pointer: string): { node: Json; pointer: string } | null => {
    let current = node;
    let at = pointer;
    for (let hop = 0; hop <= MAX_REF_HOPS; hop++) {
      if (!isObject(current)) return null;
      const ref = current.$ref;
      if (typeof ref !== 'string') return { node: current, pointer: at };
      const target = lookup(doc, ref);
      if (target === undefined) {
        unresolved.add(ref);
        return null;
      }
      current = target;
      at = ref;
    }
    return null;
  };

  /** Whether a schema describes an object with properties of its own (directly or through items/compositions). */
  const exposesObject = (node: unknown, pointer: string): boolean => {
    const resolved = resolve(node, pointer);
    if (!resolved) return false;
    const schema = resolved.node;
    const known = exposing.get(schema);
    if (known !== undefined) return known;
    // In progress: a composition that loops back on itself adds nothing.
    exposing.set(schema, false);
    const result =
      (isObject(schema.properties) && Object.keys(schema.properties).length > 0) ||
      exposesObject(schema.items, `${resolved.pointer}/items`) ||
      (isObject(schema.additionalProperties) && exposesObject(schema.additionalProperties, `${resolved.pointer}/additionalProperties`)) ||
      (['allOf', 'anyOf', 'oneOf'] as const).some((key) => {
        const list = schema[key];
        return Array.isArray(list) && list.some((sub, i) => exposesObject(sub, `${resolved.pointer}/${key}/${i}`));
      });
    exposing.set(schema, result);
    return result;
  };

  const visitSchema = (node: unknown, pointer: string): void => {
    const resolved = resolve(node, pointer);
    if (!resolved || visited.has(resolved.node)) return;
    visited.add(resolved.node);
    const { node: schema, pointer: at } = resolved;
    if (isObject(schema.properties)) {
      for (const [name, sub] of Object.entries(schema.properties)) {
        const where = `${at}/properties/${escapePointer(name)}`;
        properties.push({ name, pointer: where, container: exposesObject(sub, where) });
        visitSchema(sub, where);
      }
    }
    if (Array.isArray(schema.prefixItems)) schema.prefixItems.forEach((sub, i) => visitSchema(sub, `${at}/prefixItems/${i}`));
    visitSchema(schema.items, `${at}/items`);
    visitSchema(schema.additionalProperties, `${at}/additionalProperties`);
    for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
      const list = schema[key];
      if (Array.isArray(list)) list.forEach((sub, i) => visitSchema(sub, `${at}/${key}/${i}`));
    }
  };

  const paths = isObject(doc) && isObject(doc.paths) ? doc.paths : {};
  for (const [path, rawItem] of Object.entries(paths)) {
    const item = resolve(rawItem, `#/paths/${escapePointer(path)}`);
    if (!item) continue;
    for (const method of METHODS) {
      const operation = item.node[method];
      if (!isObject(operation) || !isObject(operation.responses)) continue;
      const opAt = `${item.pointer}/${method}`;
      for (const [code, rawResponse] of Object.entries(operation.responses)) {
        const response = resolve(rawResponse, `${opAt}/responses/${escapePointer(code)}`);
        if (!response) continue;
        // Swagger 2 puts the schema on the response itself.
        visitSchema(response.node.schema, `${response.pointer}/schema`);
        const content = response.node.content;
        if (!isObject(content)) continue;
        for (const [mediaType, media] of Object.entries(content)) {
          if (isObject(media)) visitSchema(media.schema, `${response.pointer}/content/${escapePointer(mediaType)}/schema`);
        }
      }
    }
  }
  return { properties, unresolvedRefs: [...unresolved].sort() };
}

/**
 * The names of the value properties (not wrappers) a document's responses expose, sorted and
 * unique: the input of `scope.api-field`.
 */
export function exposedPropertyNames(doc: unknown): string[] {
  const names = apiResponseProperties(doc)
    .properties.filter((p) => !p.container)
    .map((p) => p.name);
  return [...new Set(names)].sort();
}

/** The value a local `$ref` (`#/…`, a JSON pointer in a URI fragment) names, or undefined. */
function lookup(doc: unknown, ref: string): unknown {
  if (!ref.startsWith('#')) return undefined;
  let fragment: string;
  try {
    fragment = decodeURIComponent(ref.slice(1));
  } catch {
    return undefined;
  }
  if (fragment === '') return doc;
  if (!fragment.startsWith('/')) return undefined;
  let node: unknown = doc;
  for (const raw of fragment.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node)) {
      if (!/^(0|[1-9]\d*)$/.test(segment)) return undefined;
      node = node[Number(segment)];
    } else if (isObject(node) && Object.hasOwn(node, segment)) {
      node = node[segment];
    } else {
      return undefined;
    }
  }
  return node;
}
