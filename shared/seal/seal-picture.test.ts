import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { orgArcSpanDeg, sealGeometry, sealPicture, splitSealName } from './seal-picture';

const DEMO = '浙江省公共数据授权运营合同专用章（样例）';

type Element = { name: string; attributes: Record<string, string>; text: string };

/** Parses the SVG with a strict XML parser; throws on anything not well-formed. */
function parseSvg(svg: string): Element[] {
  const parser = new SaxesParser({ xmlns: true });
  const elements: Element[] = [];
  const open: Element[] = [];
  parser.on('error', (error) => {
    throw error;
  });
  parser.on('opentag', (tag) => {
    const attributes: Record<string, string> = {};
    for (const [key, attribute] of Object.entries(tag.attributes)) attributes[key] = typeof attribute === 'string' ? attribute : attribute.value;
    const element = { name: tag.local, attributes, text: '' };
    elements.push(element);
    open.push(element);
  });
  parser.on('text', (text) => {
    const current = open.at(-1);
    if (current) current.text += text;
  });
  parser.on('closetag', () => open.pop());
  parser.write(svg).close();
  return elements;
}

describe('splitSealName', () => {
  it('splits the demo name into organisation, type and sample marker', () => {
    expect(splitSealName(DEMO)).toEqual({ org: '浙江省公共数据授权运营', typeLabel: '合同专用章', marker: '（样例）' });
  });

  it('takes a given type label and strips it from the name', () => {
    expect(splitSealName('杭州市数据局审批专用章', '审批专用章')).toEqual({ org: '杭州市数据局', typeLabel: '审批专用章', marker: '' });
    expect(splitSealName('杭州市数据局', '合同专用章')).toEqual({ org: '杭州市数据局', typeLabel: '合同专用章', marker: '' });
  });

  it('keeps a name without a known type whole', () => {
    expect(splitSealName('某某单位(样例)')).toEqual({ org: '某某单位', typeLabel: '', marker: '(样例)' });
  });
});

describe('sealPicture', () => {
  it('gives the same bytes for the same input', () => {
    const a = sealPicture({ name: DEMO, code: '3301000012345' });
    const b = sealPicture({ name: DEMO, code: '3301000012345' });
    expect(a.svg).toBe(b.svg);
    expect(a.geometry).toEqual(b.geometry);
    expect(sealPicture({ name: DEMO }).svg).not.toBe(a.svg);
  });

  it('is well-formed XML: a 42 mm svg with the ring, the star and one text element per character', () => {
    const { svg, geometry } = sealPicture({ name: DEMO, code: '3301000012345' });
    const elements = parseSvg(svg);
    const root = elements[0]!;
    expect(root.name).toBe('svg');
    expect(root.attributes.width).toBe('42mm');
    expect(root.attributes.viewBox).toBe('-21 -21 42 42');
    expect(elements.filter((e) => e.name === 'circle')).toHaveLength(1);
    const texts = elements.filter((e) => e.name === 'text').map((e) => e.text);
    expect(texts.join('')).toBe('浙江省公共数据授权运营合同专用章（样例）3301000012345');
    expect(texts).toHaveLength(geometry.glyphs.length);
    expect(elements.find((e) => e.name === 'g')!.attributes['font-family']).toContain('Noto Serif CJK SC');
    expect(elements.find((e) => e.name === 'g')!.attributes['font-family']).toMatch(/SimSun, serif$/);
  });

  it('draws a five-pointed star of 10 vertices, point up, outer and inner alternately', () => {
    const { svg, geometry } = sealPicture({ name: DEMO });
    const { points, outerRadius, innerRadius } = geometry.star;
    expect(points).toHaveLength(10);
    expect(points[0]).toEqual({ x: 0, y: -outerRadius });
    points.forEach((p, i) => expect(Math.hypot(p.x, p.y)).toBeCloseTo(i % 2 === 0 ? outerRadius : innerRadius, 3));
    const polygon = parseSvg(svg).find((e) => e.name === 'polygon')!;
    expect(polygon.attributes.points!.split(' ')).toHaveLength(10);
  });

  it('spaces the organisation evenly over the upper arc, left to right, each character turned to follow the circle', () => {
    const { geometry } = sealPicture({ name: DEMO });
    const org = geometry.glyphs.filter((g) => g.role === 'org');
    expect(org.map((g) => g.char).join('')).toBe('浙江省公共数据授权运营');
    const span = orgArcSpanDeg(org.length);
    expect(span).toBeGreaterThanOrEqual(200);
    expect(span).toBeLessThanOrEqual(250);
    expect(org[0]!.rotateDeg).toBeCloseTo(-span / 2, 3);
    expect(org.at(-1)!.rotateDeg).toBeCloseTo(span / 2, 3);
    const steps = org.slice(1).map((g, i) => g.rotateDeg - org[i]!.rotateDeg);
    for (const step of steps) expect(step).toBeCloseTo(span / (org.length - 1), 3);
    const radii = org.map((g) => Math.hypot(g.x, g.y));
    for (const r of radii) expect(r).toBeCloseTo(radii[0]!, 3);
    // Rotated by its angle from the top: its position is where that angle points.
    for (const g of org) {
      const angle = (g.rotateDeg * Math.PI) / 180;
      expect(g.x).toBeCloseTo(radii[0]! * Math.sin(angle), 3);
      expect(g.y).toBeCloseTo(-radii[0]! * Math.cos(angle), 3);
    }
  });

  it('sets the seal type and the sample marker in straight lines under the star, inside the ring', () => {
    for (const name of [DEMO, '浙江省杭州市公共数据授权运营管理服务中心合同专用章（样例）']) {
      const { geometry } = sealPicture({ name, code: '3301000012345' });
      const type = geometry.glyphs.filter((g) => g.role === 'type');
      const marker = geometry.glyphs.filter((g) => g.role === 'marker');
      expect(type.map((g) => g.char).join('')).toBe('合同专用章');
      expect(marker.map((g) => g.char).join('')).toBe('（样例）');
      const starBottom = Math.max(...geometry.star.points.map((p) => p.y));
      const ringInside = geometry.ring.radius - geometry.ring.strokeWidth / 2;
      for (const g of [...type, ...marker]) {
        expect(g.rotateDeg).toBe(0);
        expect(g.y).toBe(g.role === 'type' ? type[0]!.y : marker[0]!.y);
        expect(g.y - 0.85 * g.fontSize).toBeGreaterThan(starBottom);
        expect(Math.hypot(Math.abs(g.x) + g.fontSize / 2, g.y + 0.1 * g.fontSize)).toBeLessThan(ringInside);
      }
      expect(marker[0]!.y).toBeGreaterThan(type[0]!.y);
    }
  });

  it('sets the code along the bottom arc, reading left to right', () => {
    const { geometry } = sealPicture({ name: DEMO, code: '3301000012345' });
    const code = geometry.glyphs.filter((g) => g.role === 'code');
    expect(code.map((g) => g.char).join('')).toBe('3301000012345');
    for (let i = 1; i < code.length; i += 1) expect(code[i]!.x).toBeGreaterThan(code[i - 1]!.x);
    expect(code[0]!.rotateDeg).toBeGreaterThan(0);
    expect(code.at(-1)!.rotateDeg).toBeLessThan(0);
  });

  it('escapes XML special characters in the name (white space is not drawn)', () => {
    const name = '<A&B> "C" \'D\' 合同专用章';
    const { svg } = sealPicture({ name });
    expect(svg).not.toContain('<A&B>');
    expect(svg).toContain('&lt;A&amp;B&gt; &quot;C&quot; &apos;D&apos;');
    const elements = parseSvg(svg);
    expect(elements.find((e) => e.name === 'title')!.text).toBe(name);
    expect(elements.filter((e) => e.name === 'text').map((e) => e.text).join('')).toBe('<A&B>"C"\'D\'合同专用章');
  });

  it('scales with the diameter and refuses an unusable one', () => {
    const small = sealGeometry({ name: DEMO, diameterMm: 38 });
    expect(small.ring.radius + small.ring.strokeWidth / 2).toBeCloseTo(19, 3);
    expect(() => sealGeometry({ name: DEMO, diameterMm: 0 })).toThrow(/diameterMm/);
  });
});
