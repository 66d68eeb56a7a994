/**
 * Splits a seal's full name (e.g. 浙江省公共数据授权运营合同专用章（样例）) into what a round
 * seal shows in three places: the organisation on the upper arc, the seal type under the star,
 * and a bracketed marker such as （样例） that must stay visible so a sample is never taken for
 * a real seal.
 */

export type SealNameParts = {
  /** The organisation, set along the upper arc. */
  org: string;
  /** The seal type (合同专用章 …), set in a straight line under the star; may be empty. */
  typeLabel: string;
  /** A trailing bracketed remark such as （样例）, kept with its brackets; empty when absent. */
  marker: string;
};

/** Seal types, longest first so 合同专用章 wins over 专用章. */
const KNOWN_TYPES = ['合同专用章', '财务专用章', '业务专用章', '发票专用章', '审核专用章', '专用章', '公章', '印章'];

/** A trailing remark in full-width or ASCII brackets: （样例）, (样例), 【样例】. */
const MARKER = /\s*([（(【[][^（）()【】[\]]*[）)】\]])\s*$/u;

/**
 * The parts of a seal name. `typeLabel`, when given, is taken as the type and removed from the
 * end of the name if the name carries it; otherwise a known type suffix is split off.
 */
export function splitSealName(name: string, typeLabel?: string): SealNameParts {
  let rest = name.trim();
  let marker = '';
  const match = MARKER.exec(rest);
  if (match && match.index > 0) {
    marker = match[1]!;
    rest = rest.slice(0, match.index).trim();
  }
  if (typeLabel !== undefined) {
    const type = typeLabel.trim();
    const org = type !== '' && rest.endsWith(type) && rest.length > type.length ? rest.slice(0, -type.length).trim() : rest;
    return { org, typeLabel: type, marker };
  }
  const type = KNOWN_TYPES.find((candidate) => rest.endsWith(candidate) && rest.length > candidate.length);
  if (type === undefined) return { org: rest, typeLabel: '', marker };
  return { org: rest.slice(0, -type.length).trim(), typeLabel: type, marker };
}
