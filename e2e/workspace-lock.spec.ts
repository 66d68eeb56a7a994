// The workspace lock on a host with no OS keychain and no passphrase given at start: the
// reviewer sets a workspace passphrase (a short one is refused), the demo queue appears; after
// a restart on the same workspace the app is locked, a wrong passphrase is refused, the right
// one unlocks and the demo queue is there. Both steps are audited.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, startHost, type HostProcess } from './fixtures';
import { QueuePage } from './pages/queue-page';
import { WorkspaceLockPage } from './pages/workspace-lock-page';

const PASSPHRASE = '审核工作站 lock test passphrase';

let dataDir: string;
let running: HostProcess | null = null;

test.beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'workstation-lock-e2e-'));
});

test.afterEach(async () => {
  await running?.stop();
  running = null;
  await rm(dataDir, { recursive: true, force: true });
});

test('set a workspace passphrase, restart, refuse a wrong one, unlock with the right one', async ({ page }) => {
  running = await startHost(dataDir, { unlocked: false });
  const lock = new WorkspaceLockPage(page);
  await lock.goto(running.url, 'set');
  await expect(lock.heading).toHaveText('设置工作区口令');
  await expect(lock.unrecoverable).toContainText('口令无法找回');
  // The first field has the focus: the reviewer can type at once.
  await expect(lock.passphrase).toBeFocused();
  await expect(lock.passphrase).toHaveAttribute('type', 'password');

  // Too short: refused with the minimum and the count, nothing is created.
  await lock.passphrase.pressSequentially('short 口令');
  await expect(lock.strength).toHaveAttribute('data-strength', 'too-short');
  await lock.confirm.fill('short 口令');
  await lock.submit.click();
  await expect(lock.error).toHaveAttribute('data-error-code', 'store.passphrase-too-short');
  await expect(lock.error).toContainText('至少需要 12 个字符（当前 8 个）');
  await expect(lock.passphrase).toBeFocused();
  await expect(lock.passphrase).toHaveAttribute('aria-invalid', 'true');

  // The repetition must match.
  await lock.setPassphrase(PASSPHRASE, `${PASSPHRASE}!`);
  await expect(lock.error).toHaveAttribute('data-error-code', 'lock.mismatch');
  await expect(lock.confirm).toBeFocused();
  await expect(lock.strength).toHaveAttribute('data-strength', 'strong');

  await lock.setPassphrase(PASSPHRASE);
  const queue = new QueuePage(page);
  await expect(queue.table).toBeVisible();
  // The demo import waited for the key; the queue fills when it is done.
  await expect(queue.rows.first()).toBeVisible({ timeout: 30_000 });
  const imported = await queue.rows.count();
  expect(imported).toBeGreaterThanOrEqual(12);

  // Restart on the same workspace: locked, and nothing can be read before the unlock.
  await running.stop();
  running = await startHost(dataDir, { unlocked: false });
  await lock.goto(running.url, 'unlock');
  await expect(lock.heading).toHaveText('解锁工作区');
  await expect(lock.passphrase).toBeFocused();
  const locked = await page.evaluate(() => window.workstation.scan.start({ id: 'EC-2026-001001', revision: 1 }));
  expect(locked).toMatchObject({ ok: false, error: { code: 'store.locked' } });

  // An empty passphrase is caught before it is sent.
  await lock.submit.click();
  await expect(lock.error).toHaveAttribute('data-error-code', 'lock.required');

  await lock.unlock('not the passphrase at all');
  await expect(lock.error).toHaveAttribute('data-error-code', 'store.wrong-passphrase');
  await expect(lock.error).toContainText('口令不正确');
  await expect(lock.passphrase).toHaveValue('');
  await expect(lock.passphrase).toBeFocused();
  await lock.expectMode('unlock');

  await lock.unlock(PASSPHRASE);
  await expect(queue.table).toBeVisible();
  await expect(queue.rows).toHaveCount(imported);

  const audit = await page.evaluate(async () => {
    const result = await window.workstation.audit.recent({ limit: 50 });
    return result.ok ? result.value.events.filter((e) => e.target === 'workspace-key').map((e) => e.action) : [];
  });
  expect(audit).toEqual(['unlock', 'login-failed', 'unlock']);
});

test('wrong passphrases make the next try wait, counted down on the screen, in English too', async ({ page }) => {
  running = await startHost(dataDir);
  await running.stop();
  running = await startHost(dataDir, { unlocked: false });
  const lock = new WorkspaceLockPage(page);
  await lock.goto(running.url, 'unlock');
  await page.getByTestId('language-en').click();
  await expect(lock.heading).toHaveText('Unlock the workspace');

  for (let i = 0; i < 3; i++) {
    await lock.unlock(`wrong passphrase number ${i}`);
    await expect(lock.error).toHaveAttribute('data-error-code', 'store.wrong-passphrase');
    await expect(lock.passphrase).toHaveValue('');
  }
  await expect(lock.error).toContainText('The passphrase is not correct');
  await expect(lock.wait).toBeVisible();
  await expect(lock.wait).toContainText(/Wait \d+ s before trying again/);
  const seconds = Number(await lock.wait.getAttribute('data-seconds'));
  expect(seconds).toBeGreaterThan(25);
  expect(seconds).toBeLessThanOrEqual(30);
  await expect(lock.submit).toBeDisabled();

  // Main refuses too, whatever the page does.
  const refused = await page.evaluate(() => window.workstation.store.unlock({ passphrase: 'anything at all' }));
  expect(refused).toMatchObject({ ok: false, error: { code: 'store.rate-limited' } });
});
