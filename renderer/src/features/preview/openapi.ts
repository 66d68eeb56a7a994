/**
 * A summary of an OpenAPI document for the text preview: its operations (path and method)
 * and, for each response, the properties of the response schema, following local `$ref`s
 * into `components.schemas`. Input is the masked text (JSON or YAML); when it does not parse
 * or is not an OpenAPI document, there is no summary.
 */
import { parseDocument } from 'yaml';

export type OpenApiProperty = { name: string; type: string; required: boolean; description?: string };
export type OpenApiResponse = { status: string; description?: string; mediaType: string; schema: string | null; properties: OpenApiProperty[]; isArray: boolean };
export type OpenApiOperation = { path: string; method: string; summary?: string; operationId?: string; responses: OpenApiResponse[] };
export type OpenApiSummary = { version: string; title?: string; operations: OpenApiOperation[] };

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
const MAX_DEPTH = 16;
/** Larger texts are not parsed: the summary is a convenience, not worth a frozen window. */
const MAX_CHARS = 8 * 1024 * 1024;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Resolves a local JSON pointer such as `#/components/schemas/Enterprise`. */
function resolvePointer(root: Json, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  let node: unknown = root;
  for (const raw of ref.slice(2).split('/')) {
    const key = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    if (!isObject(node) || !Object.hasOwn(node, key)) return undefined;
    node = node[key];
  }
  return node;
}

function refName(ref: string): string {
  return ref.slice(ref.lastIndexOf('/') + 1);
}

/** Follows `$ref`s (cycles stop at MAX_DEPTH); returns the schema and the name of the last ref. */
function deref(root: Json, schema: unknown, depth = 0): { schema: Json | null; name: string | null } {
  let current = schema;
  let name: string | null = null;
  for (let i = depth; i < MAX_DEPTH && isObject(current) && typeof current.$ref === 'string'; i++) {
    name = refName(current.$ref);
    current = resolvePointer(root, current.$ref);
  }
  return { schema: isObject(current) && typeof current.$ref !== 'string' ? current : null, name };
}

function typeOf(root: Json, schema: unknown): string {
  if (isObject(schema) && typeof schema.$ref === 'string') return refName(schema.$ref);
  const { schema: s } = deref(root, schema);
  if (!s) return '?';
  const type = Array.isArray(s.type) ? s.type.filter((t): t is string => typeof t === 'string').join(' | ') : str(s.type);
  if (type === 'array') return `${typeOf(root, s.items)}[]`;
  const format = str(s.format);
  return type ? (format ? `${type} (${format})` : type) : isObject(s.properties) ? 'object' : '?';
}

/** The properties of an object schema, merging `allOf` parts; arrays give their items' properties. */
function propertiesOf(root: Json, schema: unknown, seen = new Set<unknown>(), depth = 0): { properties: OpenApiProperty[]; isArray: boolean } {
  const { schema: s } = deref(root, schema);
  if (!s || seen.has(s) || depth > MAX_DEPTH) return { properties: [], isArray: false };
  seen.add(s);
  if (s.type === 'array') return { properties: propertiesOf(root, s.items, seen, depth + 1).properties, isArray: true };
  const out: OpenApiProperty[] = [];
  if (Array.isArray(s.allOf)) for (const part of s.allOf) out.push(...propertiesOf(root, part, seen, depth + 1).properties);
  const required = new Set(Array.isArray(s.required) ? s.required.filter((r): r is string => typeof r === 'string') : []);
  if (isObject(s.properties)) {
    for (const [name, property] of Object.entries(s.properties)) {
      const description = str(deref(root, property).schema?.description);
      out.push({ name, type: typeOf(root, property), required: required.has(name), ...(description !== undefined ? { description } : {}) });
    }
  }
  return { properties: out, isArray: false };
}

function responsesOf(root: Json, operation: Json): OpenApiResponse[] {
  if (!isObject(operation.responses)) return [];
  const out: OpenApiResponse[] = [];
  for (const [status, raw] of Object.entries(operation.responses)) {
    const response = deref(root, raw).schema;
    if (!response) continue;
    const description = str(response.description);
    const described = description !== undefined ? { description } : {};
    if (!isObject(response.content)) {
      out.push({ status, ...described, mediaType: '', schema: null, properties: [], isArray: false });
      continue;
    }
    for (const [mediaType, media] of Object.entries(response.content)) {
      const schema = isObject(media) ? media.schema : undefined;
      const named = deref(root, schema).name;
      const { properties, isArray } = propertiesOf(root, schema);
      const itemName = !named && isObject(schema) && schema.type === 'array' ? deref(root, schema.items).name : null;
      out.push({ status, ...described, mediaType, schema: named ?? itemName, properties, isArray });
    }
  }
  return out;
}

/** A YAML document as plain data; throws on any error or warning (unknown tags included). */
function readYaml(text: string): unknown {
  const doc = parseDocument(text, { schema: 'core', uniqueKeys: true, prettyErrors: false, logLevel: 'silent' });
  if (doc.errors.length > 0 || doc.warnings.length > 0) throw new Error('not a plain YAML document');
  return doc.toJS({ maxAliasCount: 100 });
}

/**
 * The summary of `text` when it is an OpenAPI (or Swagger 2) document in JSON or YAML, else
 * null. YAML is read with the core schema only (no custom tags), duplicate keys refused and
 * aliases capped, so a hostile spec cannot make the window freeze or run anything.
 */
export function parseOpenApi(text: string): OpenApiSummary | null {
  if (text.length > MAX_CHARS) return null;
  let root: unknown;
  try {
    root = text.trimStart().startsWith('{') ? JSON.parse(text) : readYaml(text);
  } catch {
    return null;
  }
  if (!isObject(root)) return null;
  const version = str(root.openapi) ?? str(root.swagger);
  if (version === undefined) return null;
  const operations: OpenApiOperation[] = [];
  if (isObject(root.paths)) {
    for (const [path, item] of Object.entries(root.paths)) {
      if (!isObject(item)) continue;
      for (const method of METHODS) {
        const operation = item[method];
        if (!isObject(operation)) continue;
        const summary = str(operation.summary);
        const operationId = str(operation.operationId);
        operations.push({
          path,
          method,
          ...(summary !== undefined ? { summary } : {}),
          ...(operationId !== undefined ? { operationId } : {}),
          responses: responsesOf(root, operation),
        });
      }
    }
  }
  const title = isObject(root.info) ? str(root.info.title) : undefined;
  return { version, ...(title !== undefined ? { title } : {}), operations };
}
