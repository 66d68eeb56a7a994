/**
 * What a detector reports: which kind of identifier it saw, how sure it is, whether it is
 * personal information, and where in the text. Detections never carry the matched value —
 * callers that need to show it mask it first (shared/mask).
 */

export const DETECTOR_IDS = [
  'cn-resident-id', // 18-digit GB 11643 (check digit, real date, region)
  'cn-resident-id-15', // legacy 15-digit form
  'cn-mobile', // mainland mobile, optional +86/0086, spaces/dashes
  'cn-landline', // fixed line via libphonenumber-js
  'bank-card', // 16–19 digits, Luhn as confidence
  'uscc', // unified social credit code of an organisation
  'uscc-sole-trader', // 92… sole trader: personal
  'passport', // PRC passport
  'hk-macao-permit', // 往来港澳通行证 / 港澳居民来往内地通行证
  'taiwan-permit', // 台湾居民来往大陆通行证 / 往来台湾通行证
  'vehicle-plate', // incl. 8-character new-energy plates
  'email',
  'ipv4',
  'ipv6',
  'coordinates', // precise lat/lon (≥ 4 decimals)
  'person-name', // Chinese personal name (heuristic, likelihood)
  'address', // detailed Chinese address (heuristic, likelihood)
  'digest', // hex/base64 digest of MD5/SHA-1/SHA-256/SM3 length
  'masked', // an already-masked identifier such as 138****5678
] as const;

export type DetectorId = (typeof DETECTOR_IDS)[number];

export type MaskShape = {
  /** Characters kept in clear at the start and the end. */
  head: number;
  tail: number;
  /** Total length of the masked value, and the masking character used (`*`, `×`, `#`…). */
  length: number;
  maskChar: string;
  /** What the clear parts suggest was masked, when recognisable (e.g. cn-mobile for 138****5678). */
  original: DetectorId | null;
};

export type DigestShape = {
  encoding: 'hex' | 'base64';
  /** Possible algorithms by length: 32 hex → md5; 40 → sha1; 64 → sha256 or sm3. */
  algorithms: ReadonlyArray<'md5' | 'sha1' | 'sha256' | 'sm3'>;
  /** Upper-case hex digits. */
  upperCase: boolean;
};

export type Detection = {
  detector: DetectorId;
  /** 0..1. Validated identifiers (check digit passes) are ≥ 0.9; heuristics say how likely. */
  confidence: number;
  /**
   * Personal information in the sense of §5(3) (a company's credit code is not; a sole trader's is).
   * For `masked` it follows the kind the mask suggests (a masked mobile is still a person's data,
   * only not in clear); a masked detection is never a clear identifier.
   */
  personal: boolean;
  /** UTF-16 offsets of the match in the scanned text, end exclusive. */
  start: number;
  end: number;
  mask?: MaskShape;
  digest?: DigestShape;
};
