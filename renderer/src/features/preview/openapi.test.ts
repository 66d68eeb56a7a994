/**
 * The OpenAPI summary of the text preview: operations and response properties, with `$ref`s
 * into components followed, cycles survived, JSON and YAML alike, and no summary for text
 * that is not an OpenAPI document.
 */
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parseOpenApi } from './openapi';

const spec = {
  openapi: '3.0.3',
  info: { title: '企业信用评分查询接口', version: '1.0.0' },
  paths: {
    '/enterprises/{credit_code}/score': {
      parameters: [],
      get: {
        operationId: 'getEnterpriseScore',
        summary: '查询单个企业的信用评分等级',
        responses: {
          '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/EnterpriseScore' } } } },
          '404': { description: 'not found' },
        },
      },
    },
    '/enterprises': {
      post: {
        responses: {
          '200': { $ref: '#/components/responses/List' },
        },
      },
    },
  },
  components: {
    responses: {
      List: { content: { 'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/Node' } } } } },
    },
    schemas: {
      EnterpriseScore: {
        type: 'object',
        required: ['credit_code'],
        properties: {
          credit_code: { type: 'string', description: '统一社会信用代码' },
          legal_rep_phone: { type: 'string', description: '法定代表人手机号' },
          scores: { type: 'array', items: { type: 'integer', format: 'int32' } },
        },
      },
      Node: {
        allOf: [{ $ref: '#/components/schemas/Base' }],
        properties: { parent: { $ref: '#/components/schemas/Node' } },
      },
      Base: { type: 'object', properties: { id: { type: 'string' } } },
    },
  },
};

describe('parseOpenApi', () => {
  it('lists operations with the properties of their response schemas', () => {
    const summary = parseOpenApi(JSON.stringify(spec, null, 2));
    expect(summary?.version).toBe('3.0.3');
    expect(summary?.title).toBe('企业信用评分查询接口');
    expect(summary?.operations.map((o) => `${o.method} ${o.path}`)).toEqual(['get /enterprises/{credit_code}/score', 'post /enterprises']);
    const get = summary!.operations[0]!;
    expect(get.summary).toBe('查询单个企业的信用评分等级');
    expect(get.responses.map((r) => [r.status, r.description])).toEqual([
      ['200', 'ok'],
      ['404', 'not found'],
    ]);
    const ok = get.responses[0]!;
    expect(ok.schema).toBe('EnterpriseScore');
    expect(ok.properties).toEqual([
      { name: 'credit_code', type: 'string', required: true, description: '统一社会信用代码' },
      { name: 'legal_rep_phone', type: 'string', required: false, description: '法定代表人手机号' },
      { name: 'scores', type: 'integer (int32)[]', required: false },
    ]);
  });

  it('follows response refs, array items, allOf and survives a self-reference', () => {
    const post = parseOpenApi(JSON.stringify(spec))!.operations[1]!;
    const list = post.responses[0]!;
    expect(list.isArray).toBe(true);
    expect(list.schema).toBe('Node');
    expect(list.properties.map((p) => `${p.name}:${p.type}`)).toEqual(['id:string', 'parent:Node']);
  });

  it('reads the same spec written in YAML', () => {
    expect(parseOpenApi(stringify(spec))).toEqual(parseOpenApi(JSON.stringify(spec)));
  });

  it('refuses YAML with duplicate keys, custom tags or an alias bomb', () => {
    expect(parseOpenApi('openapi: 3.0.0\nopenapi: 3.1.0\npaths: {}\n')).toBeNull();
    expect(parseOpenApi('openapi: 3.0.0\npaths: !!js/function "function () {}"\n')).toBeNull();
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...Array.from({ length: 12 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`)];
    expect(parseOpenApi(`openapi: 3.0.0\npaths: {}\n${bomb.join('\n')}\n`)).toBeNull();
  });

  it('gives nothing for text that is not an OpenAPI document', () => {
    expect(parseOpenApi('plain: yaml\nlist: [1, 2]\n')).toBeNull();
    expect(parseOpenApi('# Markdown')).toBeNull();
    expect(parseOpenApi('{"openapi": "3.0.0", ')).toBeNull();
    expect(parseOpenApi('{"name": "model config"}')).toBeNull();
    expect(parseOpenApi('[1, 2]')).toBeNull();
  });

  it('reads Swagger 2 documents too, and tolerates a broken ref', () => {
    const summary = parseOpenApi(JSON.stringify({ swagger: '2.0', paths: { '/x': { get: { responses: { '200': { content: { 'application/json': { schema: { $ref: '#/nowhere' } } } } } } } } }));
    expect(summary?.version).toBe('2.0');
    expect(summary?.operations[0]?.responses[0]).toEqual({ status: '200', mediaType: 'application/json', schema: 'nowhere', properties: [], isArray: false });
  });
});
