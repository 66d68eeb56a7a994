// The seal picture is drawn from its SVG text as React elements: the real demo seal keeps its
// ring, star and characters; hostile SVG loses everything that could run, link or load.
import { describe, expect, it } from 'vitest';
import { sealPicture } from '../../../../shared/seal/seal-picture';
import { parseSealSvg, svgTitle, type SvgNode } from './seal-picture-model';

function walk(node: SvgNode | string, out: SvgNode[] = []): SvgNode[] {
  if (typeof node === 'string') return out;
  out.push(node);
  for (const child of node.children) walk(child, out);
  return out;
}

function text(node: SvgNode | string): string {
  return typeof node === 'string' ? node : node.children.map(text).join('');
}

const SVG = (body: string) => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">${body}</svg>`;

describe('parseSealSvg', () => {
  it('keeps the demo seal: ring, star, one text per character, the title, React prop names', () => {
    const name = '浙江省公共数据授权运营合同专用章（样例）';
    const root = parseSealSvg(sealPicture({ name, code: '3301000012345' }).svg);
    expect(root).not.toBeNull();
    const nodes = walk(root!);
    expect(root!.tag).toBe('svg');
    expect(root!.props.viewBox).toBeDefined();
    // The size is the panel's to choose, not the picture's millimetres.
    expect(root!.props.width).toBeUndefined();
    expect(svgTitle(root!)).toBe(name);
    const circle = nodes.find((n) => n.tag === 'circle')!;
    expect(circle.props).toMatchObject({ fill: 'none', stroke: '#d0021b' });
    expect(circle.props.strokeWidth).toBeDefined();
    expect(nodes.filter((n) => n.tag === 'polygon')).toHaveLength(1);
    const group = nodes.find((n) => n.tag === 'g')!;
    expect(group.props).toMatchObject({ fill: '#d0021b', textAnchor: 'middle' });
    expect(group.props.fontFamily).toContain('Noto Serif');
    const chars = nodes.filter((n) => n.tag === 'text').map(text).join('');
    for (const c of '浙江省公共数据授权运营合同专用章样例3301000012345') expect(chars).toContain(c);
  });

  it('drops scripts, foreign objects, links, images, styles and event handlers', () => {
    const root = parseSealSvg(
      SVG(
        '<script>alert(1)</script><foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>' +
          '<a href="javascript:alert(1)"><circle r="1"/></a><image href="https://evil.example/x.png"/><style>*{}</style>' +
          '<circle r="2" onload="alert(1)" style="fill:red" fill="#d0021b"/><use href="#x"/>',
      ),
    );
    const nodes = walk(root!);
    expect(nodes.map((n) => n.tag)).toEqual(['svg', 'circle']);
    expect(nodes[1]!.props).toEqual({ r: '2', fill: '#d0021b' });
  });

  it('drops attribute values that could refer outside the picture', () => {
    const root = parseSealSvg(SVG('<circle r="1" fill="url(https://evil.example/p#g)" stroke="javascript:x"/><path d="M0 0L1 1" transform="rotate(3)"/>'));
    const [circle, path] = walk(root!).slice(1);
    expect(circle!.props).toEqual({ r: '1' });
    expect(path!.props).toEqual({ d: 'M0 0L1 1', transform: 'rotate(3)' });
  });

  it('drops namespaced attributes such as xlink:href', () => {
    const root = parseSealSvg('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><text xlink:href="#a" x="1">印</text></svg>');
    expect(walk(root!)[1]!.props).toEqual({ x: '1' });
  });

  it('refuses what is not a well-formed SVG document', () => {
    expect(parseSealSvg('<svg xmlns="http://www.w3.org/2000/svg"><circle></svg>')).toBeNull();
    expect(parseSealSvg('<html><svg xmlns="http://www.w3.org/2000/svg"/></html>')).toBeNull();
    expect(parseSealSvg('<svg><circle r="1"/></svg>')).toBeNull();
    expect(parseSealSvg('')).toBeNull();
    expect(parseSealSvg('not xml')).toBeNull();
  });

  it('refuses a DOCTYPE (entities) and does not expand entities', () => {
    const bomb = '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>' + SVG('<text>&b;</text>');
    expect(parseSealSvg(bomb)).toBeNull();
  });

  it('keeps text only where text belongs', () => {
    const root = parseSealSvg(SVG('stray<g>  <text>章</text></g>'));
    const nodes = walk(root!);
    expect(root!.children.filter((c) => typeof c === 'string')).toEqual([]);
    expect(text(nodes.find((n) => n.tag === 'text')!)).toBe('章');
  });
});
