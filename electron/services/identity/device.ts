/**
 * This workstation's device id (FORMATS.md §4 `device.id`): made once, at random, and kept in
 * `<dataDir>/device.json`, so every record it signs carries the same id and a gap-free `seq`.
 */
import { randomBytes } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { DeviceId } from '../../../shared/records/schemas';

const DeviceFile = z.strictObject({ id: DeviceId });

export async function deviceId(dataDir: string): Promise<string> {
  const file = join(dataDir, 'device.json');
  let text: string | null;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    text = null;
  }
  if (text !== null) {
    const parsed = DeviceFile.safeParse(JSON.parse(text));
    if (!parsed.success) throw new Error(`${file} does not hold a device id; restore it from a backup (records signed here name it)`);
    return parsed.data.id;
  }
  const id = `ws-${randomBytes(8).toString('hex')}`;
  const tmp = `${file}.tmp`;
  await writeFile(tmp, JSON.stringify({ id }));
  await rename(tmp, file);
  return id;
}
