/**
 * Tests of the IP address detectors: strict IPv4 octets and IPv6 groups, the special ranges
 * that identify no one, and text scans that must skip versions, times and MAC addresses.
 */
import { describe, expect, it } from 'vitest';
import type { Hit } from './common';
import { IP_DOCUMENTATION_CONFIDENCE, IP_PRIVATE_CONFIDENCE, IP_PUBLIC_CONFIDENCE, IP_SPECIAL_CONFIDENCE, checkIpv4, checkIpv6, findIpv4s, findIpv6s, parseIpv4, parseIpv6 } from './ip-address';

function scan(text: string, find: (text: string, report: (hit: Hit, start: number, end: number) => void) => void): string[] {
  const found: string[] = [];
  find(text, (_hit, start, end) => found.push(text.slice(start, end)));
  return found;
}

describe('IPv4', () => {
  it('parses strict dotted quads', () => {
    expect(parseIpv4('203.119.25.1')).toEqual([203, 119, 25, 1]);
    expect(parseIpv4('0.0.0.0')).toEqual([0, 0, 0, 0]);
    expect(parseIpv4('255.255.255.255')).toEqual([255, 255, 255, 255]);
  });

  it('rejects bad octets and shapes', () => {
    for (const value of ['256.1.1.1', '1.2.3.256', '01.2.3.4', '1.2.3', '1.2.3.4.5', '1..2.3', '.1.2.3', '1.2.3.', '1.2.3.4a', '1234.1.1.1', 'a.b.c.d']) {
      expect(parseIpv4(value), value).toBeNull();
    }
  });

  it('scores public, private, documentation and special addresses', () => {
    expect(checkIpv4('202.96.134.133')).toEqual({ detector: 'ipv4', confidence: IP_PUBLIC_CONFIDENCE, personal: true });
    expect(checkIpv4('192.168.1.10')).toEqual({ detector: 'ipv4', confidence: IP_PRIVATE_CONFIDENCE, personal: true });
    expect(checkIpv4('10.12.0.5')?.confidence).toBe(IP_PRIVATE_CONFIDENCE);
    expect(checkIpv4('192.0.2.1')).toEqual({ detector: 'ipv4', confidence: IP_DOCUMENTATION_CONFIDENCE, personal: false });
    for (const special of ['127.0.0.1', '0.0.0.0', '255.255.255.255', '255.255.255.0', '224.0.0.1', '169.254.1.1']) {
      expect(checkIpv4(special), special).toEqual({ detector: 'ipv4', confidence: IP_SPECIAL_CONFIDENCE, personal: false });
    }
    expect(checkIpv4('1.2.3.4')?.confidence).toBeLessThan(IP_PRIVATE_CONFIDENCE);
  });

  it('finds addresses in text but not versions or longer dotted numbers', () => {
    expect(scan('服务器 202.96.134.133，网关 192.168.1.1。', findIpv4s)).toEqual(['202.96.134.133', '192.168.1.1']);
    expect(scan('版本 v1.2.3.4.5 与 1.2.3.4.5', findIpv4s)).toEqual([]);
    expect(scan('build v10.0.0.12', findIpv4s)).toEqual([]);
    expect(scan('10.0.0.12.5 and 256.1.1.1', findIpv4s)).toEqual([]);
    expect(scan('1,234,567.89 2026-11-27', findIpv4s)).toEqual([]);
  });
});

describe('IPv6', () => {
  it('parses full, compressed and IPv4-embedded forms', () => {
    expect(parseIpv6('2408:8207:18a0:1f0:0:0:0:1')).toEqual([0x2408, 0x8207, 0x18a0, 0x1f0, 0, 0, 0, 1]);
    expect(parseIpv6('2408:8207::1')).toEqual([0x2408, 0x8207, 0, 0, 0, 0, 0, 1]);
    expect(parseIpv6('::')).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(parseIpv6('::ffff:192.0.2.1')).toEqual([0, 0, 0, 0, 0, 0xffff, 0xc000, 0x0201]);
    expect(parseIpv6('64:ff9b:0:0:0:0:192.0.2.1')).toEqual([0x64, 0xff9b, 0, 0, 0, 0, 0xc000, 0x0201]);
    expect(parseIpv6('fe80::')).toEqual([0xfe80, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('rejects everything a strict parser must', () => {
    for (const value of ['1::2::3', ':::', '1:2:3:4:5:6:7:8:9', '1:2:3:4:5:6:7', '12345::1', 'g::1', '1:2:3:4:5:6:7::8', '10:30:00', '00:1A:2B:3C:4D:5E', '::1.2.3', '::256.1.1.1', '1:2:3:4:5:6:7:1.2.3.4', ':1:2:3:4:5:6:7', '1:2:3:4:5:6:7:']) {
      expect(parseIpv6(value), value).toBeNull();
    }
  });

  it('scores public, private, documentation and special addresses', () => {
    expect(checkIpv6('2408:8207:18a0:1f0::1')).toEqual({ detector: 'ipv6', confidence: IP_PUBLIC_CONFIDENCE, personal: true });
    expect(checkIpv6('fd12:3456:789a::1')?.confidence).toBe(IP_PRIVATE_CONFIDENCE);
    expect(checkIpv6('2001:db8::1')).toEqual({ detector: 'ipv6', confidence: IP_DOCUMENTATION_CONFIDENCE, personal: false });
    expect(checkIpv6('::1')?.personal).toBe(false);
    expect(checkIpv6('::')?.personal).toBe(false);
    expect(checkIpv6('ff02::1')?.personal).toBe(false);
  });

  it('finds addresses in text but not times, timestamps or MAC addresses', () => {
    expect(scan('客户端 2408:8207:18a0:1f0::1，回环 ::1.', findIpv6s)).toEqual(['2408:8207:18a0:1f0::1', '::1']);
    expect(scan('[2001:db8::8]:8080', findIpv6s)).toEqual(['2001:db8::8']);
    expect(scan('10:30:00 2026-11-27T10:00:00+08:00 00:1A:2B:3C:4D:5E std::vector', findIpv6s)).toEqual([]);
  });
});
