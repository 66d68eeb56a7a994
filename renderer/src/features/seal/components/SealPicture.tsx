/**
 * Draws the seal's picture from its SVG text as React elements (see seal-picture-model: only
 * known drawing elements and attributes survive; the CSP forbids data: image URLs, and the text
 * never goes near innerHTML). A picture that does not parse shows a plain placeholder.
 */
import { createElement, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { parseSealSvg, type SvgNode } from '../seal-picture-model';

function render(node: SvgNode | string, key: number): ReactNode {
  if (typeof node === 'string') return node;
  return createElement(node.tag, { key, ...node.props }, ...node.children.map((child, i) => render(child, i)));
}

export function SealPicture({ svg, name, size = 132 }: { svg: string; name: string; size?: number }) {
  const { t } = useTranslation();
  const root = useMemo(() => parseSealSvg(svg), [svg]);
  if (root === null) {
    return (
      <div className="seal-picture is-missing" data-testid="seal-picture" data-valid="false" role="img" aria-label={t('seal.pictureUnreadable')}>
        {t('seal.pictureUnreadable')}
      </div>
    );
  }
  return (
    <div className="seal-picture" data-testid="seal-picture" data-valid="true">
      {createElement('svg', { ...root.props, width: size, height: size, role: 'img', 'aria-label': name, focusable: 'false' }, ...root.children.map((child, i) => render(child, i)))}
    </div>
  );
}
