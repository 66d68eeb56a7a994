/**
 * The application menu as plain data: Chinese labels by default, English when the UI
 * language is `en`, platform conventions on macOS, and the reload/devtools items only in
 * development. Pure (type-only Electron import), so both languages are tested in Node.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { Language } from '../../shared/ipc/schemas/app';

export type MenuOptions = { isMac: boolean; isDev: boolean };

type Labels = typeof ZH;

const ZH = {
  appName: '出域审核工作站',
  file: '文件',
  edit: '编辑',
  view: '视图',
  window: '窗口',
  help: '帮助',
  about: '关于出域审核工作站',
  services: '服务',
  hide: '隐藏出域审核工作站',
  hideOthers: '隐藏其他',
  unhide: '全部显示',
  quit: '退出',
  closeWindow: '关闭窗口',
  undo: '撤销',
  redo: '重做',
  cut: '剪切',
  copy: '复制',
  paste: '粘贴',
  selectAll: '全选',
  reload: '重新加载',
  forceReload: '强制重新加载',
  devTools: '开发者工具',
  resetZoom: '实际大小',
  zoomIn: '放大',
  zoomOut: '缩小',
  fullScreen: '切换全屏',
  minimize: '最小化',
  zoom: '缩放',
  front: '前置全部窗口',
};

const EN: Labels = {
  appName: 'Export Review Workstation',
  file: 'File',
  edit: 'Edit',
  view: 'View',
  window: 'Window',
  help: 'Help',
  about: 'About Export Review Workstation',
  services: 'Services',
  hide: 'Hide Export Review Workstation',
  hideOthers: 'Hide Others',
  unhide: 'Show All',
  quit: 'Quit',
  closeWindow: 'Close Window',
  undo: 'Undo',
  redo: 'Redo',
  cut: 'Cut',
  copy: 'Copy',
  paste: 'Paste',
  selectAll: 'Select All',
  reload: 'Reload',
  forceReload: 'Force Reload',
  devTools: 'Developer Tools',
  resetZoom: 'Actual Size',
  zoomIn: 'Zoom In',
  zoomOut: 'Zoom Out',
  fullScreen: 'Toggle Full Screen',
  minimize: 'Minimize',
  zoom: 'Zoom',
  front: 'Bring All to Front',
};

const separator: MenuItemConstructorOptions = { type: 'separator' };

/** The menu template for `Menu.buildFromTemplate`. Every item has an explicit label in `language`. */
export function buildMenuTemplate(language: Language, { isMac, isDev }: MenuOptions): MenuItemConstructorOptions[] {
  const t = language === 'en' ? EN : ZH;

  const appMenu: MenuItemConstructorOptions = {
    label: t.appName,
    role: 'appMenu',
    submenu: [
      { role: 'about', label: t.about },
      separator,
      { role: 'services', label: t.services },
      separator,
      { role: 'hide', label: t.hide },
      { role: 'hideOthers', label: t.hideOthers },
      { role: 'unhide', label: t.unhide },
      separator,
      { role: 'quit', label: t.quit },
    ],
  };

  const fileMenu: MenuItemConstructorOptions = {
    label: t.file,
    role: 'fileMenu',
    submenu: isMac ? [{ role: 'close', label: t.closeWindow }] : [{ role: 'close', label: t.closeWindow }, separator, { role: 'quit', label: t.quit }],
  };

  const editMenu: MenuItemConstructorOptions = {
    label: t.edit,
    role: 'editMenu',
    submenu: [
      { role: 'undo', label: t.undo },
      { role: 'redo', label: t.redo },
      separator,
      { role: 'cut', label: t.cut },
      { role: 'copy', label: t.copy },
      { role: 'paste', label: t.paste },
      { role: 'selectAll', label: t.selectAll },
    ],
  };

  const devItems: MenuItemConstructorOptions[] = isDev
    ? [{ role: 'reload', label: t.reload }, { role: 'forceReload', label: t.forceReload }, { role: 'toggleDevTools', label: t.devTools }, separator]
    : [];
  const viewMenu: MenuItemConstructorOptions = {
    label: t.view,
    role: 'viewMenu',
    submenu: [
      ...devItems,
      { role: 'resetZoom', label: t.resetZoom },
      { role: 'zoomIn', label: t.zoomIn },
      { role: 'zoomOut', label: t.zoomOut },
      separator,
      { role: 'togglefullscreen', label: t.fullScreen },
    ],
  };

  const windowMenu: MenuItemConstructorOptions = {
    label: t.window,
    role: 'windowMenu',
    submenu: isMac
      ? [{ role: 'minimize', label: t.minimize }, { role: 'zoom', label: t.zoom }, separator, { role: 'front', label: t.front }]
      : [{ role: 'minimize', label: t.minimize }, { role: 'close', label: t.closeWindow }],
  };

  const helpMenu: MenuItemConstructorOptions = {
    label: t.help,
    role: 'help',
    submenu: [{ role: 'about', label: t.about }],
  };

  return [...(isMac ? [appMenu] : []), fileMenu, editMenu, viewMenu, windowMenu, helpMenu];
}
