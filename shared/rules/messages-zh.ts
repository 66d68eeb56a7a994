/**
 * The pieces the Chinese finding messages (`messageZh`) share: detector and data-class names
 * and how a table or a list is written. One place, so every rule names them the same way; the
 * terms are the app's (renderer/src/app/i18n/zh-CN.ts `detectors`, `classes`).
 */
import type { DetectorId } from '../detect/types';
import type { Field } from '../formats/candidate';

export const DETECTOR_NAMES_ZH: Readonly<Record<DetectorId, string>> = {
  'cn-resident-id': '居民身份证号',
  'cn-resident-id-15': '15 位居民身份证号',
  'cn-mobile': '手机号',
  'cn-landline': '固定电话',
  'bank-card': '银行卡号',
  uscc: '统一社会信用代码',
  'uscc-sole-trader': '个体工商户信用代码',
  passport: '护照号',
  'hk-macao-permit': '港澳通行证',
  'taiwan-permit': '台湾通行证',
  'vehicle-plate': '车牌号',
  email: '电子邮箱',
  ipv4: 'IPv4 地址',
  ipv6: 'IPv6 地址',
  coordinates: '精确坐标',
  'person-name': '姓名',
  address: '详细地址',
  digest: '摘要值',
  masked: '已掩码标识',
};

/** The Chinese name of a detector; an unknown id is returned as it is. */
export function detectorNameZh(detector: string): string {
  return (DETECTOR_NAMES_ZH as Readonly<Record<string, string>>)[detector] ?? detector;
}

/** Chinese list separator: `手机号、电子邮箱`. */
export function joinZh(items: readonly string[]): string {
  return items.join('、');
}

export const DATA_CLASS_NAMES_ZH: Readonly<Record<Field['class'], string>> = {
  public: '公开数据',
  personal: '个人信息',
  'sensitive-personal': '敏感个人信息',
  'trade-secret': '商业秘密',
  'confidential-business': '商业保密信息',
  derived: '衍生数据',
};

/** `“data/x.csv”` or `“data/x.xlsx”的工作表“名单”`. */
export function tableLabelZh(file: string, sheet: string | undefined): string {
  return sheet === undefined ? `“${file}”` : `“${file}”的工作表“${sheet}”`;
}
