/** Tests of the menu template: full Chinese/English labelling, roles, and dev-only items. */
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { buildMenuTemplate } from './menu';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

const labelled = (items: MenuItemConstructorOptions[]) => flatten(items).filter((i) => i.type !== 'separator');
const roles = (items: MenuItemConstructorOptions[]) => flatten(items).map((i) => i.role ?? i.type ?? '');

describe.each([
  { isMac: false, isDev: false },
  { isMac: false, isDev: true },
  { isMac: true, isDev: false },
  { isMac: true, isDev: true },
])('buildMenuTemplate (%o)', (options) => {
  const zh = buildMenuTemplate('zh-CN', options);
  const en = buildMenuTemplate('en', options);

  it('labels every zh-CN item in Chinese, with no English left', () => {
    for (const item of labelled(zh)) {
      expect(item.label, JSON.stringify(item.role)).toBeTruthy();
      expect(item.label, item.label).not.toMatch(/[A-Za-z]/);
    }
  });

  it('labels every en item in English', () => {
    for (const item of labelled(en)) {
      expect(item.label, JSON.stringify(item.role)).toMatch(/^[A-Z][A-Za-z ]+$/);
    }
  });

  it('keeps the same roles, in the same order, in both languages', () => {
    expect(roles(zh)).toEqual(roles(en));
    for (const item of labelled(zh)) expect(item.role, item.label).toBeTruthy();
  });

  it('has the standard top-level menus', () => {
    const top = zh.map((i) => i.label);
    expect(top).toEqual(expect.arrayContaining(['文件', '编辑', '视图', '窗口', '帮助']));
    expect(en.map((i) => i.label)).toEqual(expect.arrayContaining(['File', 'Edit', 'View', 'Window', 'Help']));
    expect(zh[0]?.role).toBe(options.isMac ? 'appMenu' : 'fileMenu');
  });

  it(options.isDev ? 'offers reload and devtools in development' : 'offers no reload or devtools in production', () => {
    const devRoles = roles(zh).filter((r) => r === 'toggleDevTools' || r === 'reload' || r === 'forceReload');
    expect(devRoles).toEqual(options.isDev ? ['reload', 'forceReload', 'toggleDevTools'] : []);
  });

  it('keeps the edit roles that make copy and paste work in text fields', () => {
    expect(roles(zh)).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']));
  });
});
