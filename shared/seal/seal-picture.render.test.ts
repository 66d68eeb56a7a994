/**
 * Renders the seal SVG in headless Chromium to PNG files for a person to look at. Run by hand:
 *   SEAL_RENDER_DIR=/tmp/seal npx vitest run shared/seal/seal-picture.render.test.ts
 * It is skipped otherwise (it needs /usr/bin/chromium and takes a few seconds).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { describe, expect, it } from 'vitest';
import { sealPicture } from './seal-picture';

const OUT = process.env.SEAL_RENDER_DIR ?? '';
const CHROMIUM = '/usr/bin/chromium';

const SAMPLES = {
  demo: { name: '浙江省公共数据授权运营合同专用章（样例）' },
  'demo-code': { name: '浙江省公共数据授权运营合同专用章（样例）', code: '3301000012345' },
  short: { name: '杭州市数据局合同专用章' },
  long: { name: '浙江省杭州市公共数据授权运营管理服务中心合同专用章（样例）', code: '3301000012345' },
};

describe.skipIf(OUT === '' || !existsSync(CHROMIUM))('seal picture rendered in Chromium (set SEAL_RENDER_DIR to run)', () => {
  it('writes one PNG per sample', async () => {
    mkdirSync(OUT, { recursive: true });
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 520, height: 520 } });
      for (const [label, input] of Object.entries(SAMPLES)) {
        const { svg } = sealPicture(input);
        writeFileSync(join(OUT, `${label}.svg`), svg);
        const body = svg.replace(/^<\?xml[^>]*>\n/, '').replace(/width="[^"]*" height="[^"]*"/, 'width="480" height="480"');
        await page.setContent(`<!doctype html><html><body style="margin:20px;background:#fff">${body}</body></html>`);
        await page.evaluate(() => document.fonts.ready);
        const file = join(OUT, `${label}.png`);
        await page.screenshot({ path: file });
        expect(existsSync(file)).toBe(true);
      }
    } finally {
      await browser.close();
    }
  }, 60_000);
});
