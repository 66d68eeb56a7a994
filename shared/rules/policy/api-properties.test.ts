/**
 * Tests of the OpenAPI response property extractor: responses through $ref, compositions and
 * arrays; wrappers told apart from values; recursive schemas and broken references survive.
 */
import { describe, expect, it } from 'vitest';
import { apiResponseProperties, exposedPropertyNames } from './api-properties';

const doc = {
  openapi: '3.0.3',
  paths: {
    '/enterprises/{id}': {
      get: {
        parameters: [{ name: 'id_number', in: 'query', schema: { type: 'string' } }],
        requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { request_only: { type: 'string' } } } } } },
        responses: {
          '200': { $ref: '#/components/responses/EnterprisePage' },
          '404': { description: 'none', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
        },
      },
    },
  },
  components: {
    responses: {
      EnterprisePage: {
        description: 'a page',
        content: {
          'application/json': {
            schema: { type: 'object', properties: { total: { type: 'integer' }, data: { type: 'array', items: { $ref: '#/components/schemas/Enterprise' } } } },
          },
        },
      },
    },
    schemas: {
      Enterprise: {
        allOf: [
          { $ref: '#/components/schemas/Base' },
          { type: 'object', properties: { legal_rep_phone: { type: 'string' }, branches: { type: 'array', items: { $ref: '#/components/schemas/Enterprise' } } } },
        ],
      },
      Base: { type: 'object', properties: { credit_code: { type: 'string' }, 'a/b~c': { type: 'string' } } },
      Error: { type: 'object', properties: { message: { type: 'string' } } },
      Unused: { type: 'object', properties: { secret: { type: 'string' } } },
    },
  },
};

describe('apiResponseProperties', () => {
  it('lists the properties of every response schema, with pointers and wrappers marked', () => {
    const { properties, unresolvedRefs } = apiResponseProperties(doc);
    expect(unresolvedRefs).toEqual([]);
    const byName = Object.fromEntries(properties.map((p) => [p.name, p]));
    expect(Object.keys(byName).sort()).toEqual(['a/b~c', 'branches', 'credit_code', 'data', 'legal_rep_phone', 'message', 'total']);
    expect(byName.data!.container).toBe(true);
    expect(byName.branches!.container).toBe(true);
    expect(byName.total!.container).toBe(false);
    expect(byName.credit_code!.pointer).toBe('#/components/schemas/Base/properties/credit_code');
    expect(byName['a/b~c']!.pointer).toBe('#/components/schemas/Base/properties/a~1b~0c');
  });

  it('gives the value property names for scope.api-field: no wrappers, no parameters or request bodies, no unused schemas', () => {
    expect(exposedPropertyNames(doc)).toEqual(['a/b~c', 'credit_code', 'legal_rep_phone', 'message', 'total']);
  });

  it('ends on $ref cycles and reports references it cannot follow', () => {
    const looping = {
      paths: { '/x': { get: { responses: { '200': { content: { 'application/json': { schema: { $ref: '#/components/schemas/A' } } } }, '500': { $ref: 'other.yaml#/E' } } } } },
      components: {
        schemas: {
          A: { $ref: '#/components/schemas/B' },
          B: { $ref: '#/components/schemas/A' },
          Node: { type: 'object', properties: { name: { type: 'string' }, self: { $ref: '#/components/schemas/Node' } } },
          Mix: { oneOf: [{ $ref: '#/components/schemas/Mix' }] },
        },
      },
    };
    expect(apiResponseProperties(looping)).toEqual({ properties: [], unresolvedRefs: ['other.yaml#/E'] });
    const tree = { paths: { '/n': { get: { responses: { '200': { content: { 'application/json': { schema: { $ref: '#/components/schemas/Node' } } } }, '201': { content: { '*/*': { schema: { $ref: '#/components/schemas/Mix' } } } } } } } }, components: looping.components };
    expect(exposedPropertyNames(tree)).toEqual(['name']);
    expect(apiResponseProperties(tree).properties.find((p) => p.name === 'self')?.container).toBe(true);
  });

  it('does not follow references into the prototype or out of range', () => {
    const hostile = { paths: { '/x': { get: { responses: { '200': { $ref: '#/constructor' }, '201': { $ref: '#/paths/~1x/get/responses/99' }, '202': { $ref: '#/%E0%A4%A' } } } } } };
    expect(apiResponseProperties(hostile).unresolvedRefs).toEqual(['#/%E0%A4%A', '#/constructor', '#/paths/~1x/get/responses/99']);
    expect(apiResponseProperties(null)).toEqual({ properties: [], unresolvedRefs: [] });
    expect(apiResponseProperties('not a document')).toEqual({ properties: [], unresolvedRefs: [] });
  });

  it('reads a Swagger 2 response schema and a $ref’d path item', () => {
    const swagger = {
      swagger: '2.0',
      paths: { '/a': { $ref: '#/x-items/A' } },
      'x-items': { A: { post: { responses: { '200': { schema: { type: 'array', items: { type: 'object', properties: { plate: { type: 'string' } } } } } } } } },
    };
    expect(exposedPropertyNames(swagger)).toEqual(['plate']);
  });
});
