/**
 * Turns the seal's SVG text (from `seal:view`) into a small tree of drawing elements the UI can
 * render as React elements — never as HTML. The CSP allows images only from the app itself (no
 * `data:` or `blob:` URLs), so the picture is drawn inline; to do that safely the SVG is parsed
 * by a strict XML parser and only known drawing elements with known presentation attributes are
 * kept: no script, links, foreign objects, styles, event handlers, external references or
 * entities. Anything else is dropped; a picture that is not well-formed SVG gives null.
 */
import { SaxesParser } from 'saxes';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The presentation attributes we keep, with the React prop each becomes. */
const ATTRIBUTES = {
  viewBox: 'viewBox',
  cx: 'cx',
  cy: 'cy',
  r: 'r',
  rx: 'rx',
  ry: 'ry',
  x: 'x',
  y: 'y',
  x1: 'x1',
  y1: 'y1',
  x2: 'x2',
  y2: 'y2',
  width: 'width',
  height: 'height',
  d: 'd',
  points: 'points',
  transform: 'transform',
  fill: 'fill',
  'fill-rule': 'fillRule',
  stroke: 'stroke',
  'stroke-width': 'strokeWidth',
  'stroke-linecap': 'strokeLinecap',
  'stroke-linejoin': 'strokeLinejoin',
  'font-family': 'fontFamily',
  'font-size': 'fontSize',
  'font-weight': 'fontWeight',
  'text-anchor': 'textAnchor',
  'dominant-baseline': 'dominantBaseline',
  'letter-spacing': 'letterSpacing',
} as const;

type AttributeName = keyof typeof ATTRIBUTES;

const SHAPE: readonly AttributeName[] = ['transform', 'fill', 'fill-rule', 'stroke', 'stroke-width', 'stroke-linecap', 'stroke-linejoin'];
const TEXT: readonly AttributeName[] = ['font-family', 'font-size', 'font-weight', 'text-anchor', 'dominant-baseline', 'letter-spacing'];

/** The drawing elements kept, with the attributes each may carry. */
const ELEMENTS = {
  svg: ['viewBox'],
  title: [],
  g: [...SHAPE, ...TEXT],
  circle: ['cx', 'cy', 'r', ...SHAPE],
  ellipse: ['cx', 'cy', 'rx', 'ry', ...SHAPE],
  rect: ['x', 'y', 'width', 'height', 'rx', 'ry', ...SHAPE],
  line: ['x1', 'y1', 'x2', 'y2', ...SHAPE],
  polygon: ['points', ...SHAPE],
  polyline: ['points', ...SHAPE],
  path: ['d', ...SHAPE],
  text: ['x', 'y', ...SHAPE, ...TEXT],
  tspan: ['x', 'y', ...SHAPE, ...TEXT],
} as const satisfies Record<string, readonly AttributeName[]>;

export type SvgTag = keyof typeof ELEMENTS;

/** One kept element: its tag, its props under React's names, and its children. */
export type SvgNode = { tag: SvgTag; props: Record<string, string>; children: (SvgNode | string)[] };

/** The picture of a seal is small; anything far larger is not one. */
const MAX_SVG_CHARS = 1_000_000;
const MAX_NODES = 5000;

/**
 * A value is kept when it cannot refer to anything outside the picture: no `url(…)`, no
 * scheme (`javascript:`), no markup. The attributes kept never need any of these.
 */
function safeValue(value: string): boolean {
  return value.length <= 20_000 && !/url\s*\(|[:<>\\]|&#|expression\s*\(/i.test(value);
}

function isTag(name: string): name is SvgTag {
  return Object.hasOwn(ELEMENTS, name);
}

/** The seal picture as a tree of drawing elements, or null when the text is not a well-formed SVG document. */
export function parseSealSvg(svg: string): SvgNode | null {
  if (svg.length > MAX_SVG_CHARS) return null;
  const parser = new SaxesParser({ xmlns: true });
  // Set from the parser's callbacks; an object, so the checks after parsing see the changes.
  const result: { root: SvgNode | null; failed: boolean } = { root: null, failed: false };
  // The open elements; null marks one being skipped with everything inside it.
  const open: (SvgNode | null)[] = [];
  let nodes = 0;

  parser.on('error', () => {
    result.failed = true;
  });
  // An internal subset could define entities; a seal picture has no reason to carry a DOCTYPE.
  parser.on('doctype', () => {
    result.failed = true;
  });
  parser.on('opentag', (tag) => {
    const parent = open.at(-1);
    const skip = result.failed || parent === null || tag.uri !== SVG_NS || !isTag(tag.local) || (open.length === 0) !== (tag.local === 'svg') || ++nodes > MAX_NODES;
    if (skip) {
      if (open.length === 0 || nodes > MAX_NODES) result.failed = true;
      open.push(null);
      return;
    }
    const name = tag.local as SvgTag;
    const allowed: readonly AttributeName[] = ELEMENTS[name];
    const props: Record<string, string> = {};
    for (const attribute of Object.values(tag.attributes)) {
      // Namespaced attributes (xlink:href, xml:space …) are never kept.
      if (attribute.uri !== '' || !(allowed as readonly string[]).includes(attribute.local)) continue;
      if (!safeValue(attribute.value)) continue;
      props[ATTRIBUTES[attribute.local as AttributeName]] = attribute.value;
    }
    const node: SvgNode = { tag: name, props, children: [] };
    if (parent === undefined) result.root = node;
    else parent.children.push(node);
    open.push(node);
  });
  parser.on('text', (text) => {
    const current = open.at(-1);
    // Text only inside text, tspan and title; whitespace between shapes is dropped.
    if (current && (current.tag === 'text' || current.tag === 'tspan' || current.tag === 'title')) current.children.push(text);
  });
  parser.on('cdata', (text) => {
    const current = open.at(-1);
    if (current && (current.tag === 'text' || current.tag === 'tspan' || current.tag === 'title')) current.children.push(text);
  });
  parser.on('closetag', () => {
    open.pop();
  });

  try {
    parser.write(svg).close();
  } catch {
    return null;
  }
  return result.failed ? null : result.root;
}

/** The text of the picture's `<title>`, if any (the seal's name). */
export function svgTitle(root: SvgNode): string | null {
  const title = root.children.find((c): c is SvgNode => typeof c !== 'string' && c.tag === 'title');
  return title ? title.children.filter((c): c is string => typeof c === 'string').join('') : null;
}
