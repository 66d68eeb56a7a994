// The signed review of issue 5 in the browser host, as people do it: the demo first run creates
// the demo users; reviewer A approves a grade-3 candidate from the risk summary's Approve and is
// told a second review is required; reviewer B sees A's decision blinded, signs an independent
// approval and then sees both; the seal is requested (A), approved (the seal approver) and
// applied (the custodian); the sealed PDF downloads as a PDF; the ledger shows one line and
// exports CSV; the audit log has every step; a reviewer then revokes the approval. Screenshots
// of each panel in Chinese and English go to the test's output folder, or to docs/screenshots
// with SIGNING_SCREENSHOTS=1.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Locator, Page, TestInfo } from '@playwright/test';
import { test, expect } from '../fixtures';
import { FindingsPage } from '../pages/findings-page';
import { QueuePage } from '../pages/queue-page';
import { SigningPage } from '../pages/signing-page';

const ID = 'EC-2026-001001';
/** The demo users' passphrase (a test value, not a secret). */
const KEYS = 'e2e demo signing keys 演示口令';
const DOCS = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

/** Sets the UI language as the language switch does (through main's settings, which works under a modal dialog too). */
async function setLanguage(page: Page, language: 'zh-CN' | 'en'): Promise<void> {
  await page.evaluate(async (lng) => {
    await window.workstation.settings.update({ language: lng });
  }, language);
  await expect(page.locator('html')).toHaveAttribute('lang', language);
}

function shotPath(info: TestInfo, file: string): string {
  return process.env.SIGNING_SCREENSHOTS === '1' ? `${DOCS}${file}` : info.outputPath(file);
}

/**
 * Screenshots the window in Chinese, then in English, and switches back to Chinese. With a
 * `target`, the window is made tall enough for it and scrolled to it (an element screenshot of
 * a panel inside the scrolling content comes out torn).
 */
async function shoot(page: Page, info: TestInfo, name: string, target: Locator | null = null): Promise<void> {
  // The notices of the steps before would cover the panel.
  await page.evaluate(() => {
    for (const close of document.querySelectorAll<HTMLButtonElement>('[data-testid="notice"] button')) close.click();
  });
  await expect(page.getByTestId('notice')).toHaveCount(0);
  const size = page.viewportSize() ?? { width: 1280, height: 800 };
  for (const language of ['zh-CN', 'en'] as const) {
    await setLanguage(page, language);
    if (target) {
      await page.setViewportSize(size);
      const box = await target.boundingBox();
      await page.setViewportSize({ width: size.width, height: Math.min(2000, Math.max(size.height, Math.ceil((box?.height ?? 0) + 160))) });
      await target.evaluate((element) => element.scrollIntoView({ block: 'end' }));
    }
    await page.screenshot({ path: shotPath(info, `${name}-${language}.png`), animations: 'disabled' });
  }
  await page.setViewportSize(size);
  await setLanguage(page, 'zh-CN');
}

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

test('a decision, its independent second review and the contract seal, by five demo users', async ({ page, host }, info) => {
  // A scan, six users and three signed seal steps on two shared cores.
  test.setTimeout(300_000);
  const queue = new QueuePage(page);
  const signing = new SigningPage(page);
  const findings = new FindingsPage(page);
  await queue.goto(host.url);

  // First run: offered in the header (it does not block the queue); the dialog explains what it
  // creates and asks for the passphrase twice.
  await expect(signing.identity).toHaveAttribute('data-state', 'not-set-up');
  await expect(signing.firstRun).toHaveCount(0);
  await page.getByTestId('identity-setup').click();
  await expect(signing.firstRun).toBeVisible();
  await expect(signing.firstRun).toContainText('样例');
  await page.getByTestId('first-run-passphrase').fill('too short');
  await page.getByTestId('first-run-confirm').fill('too short');
  await page.getByTestId('first-run-submit').click();
  await expect(page.getByTestId('first-run-validation')).toHaveAttribute('data-problem', 'too-short');
  await shoot(page, info, 'signing-first-run');
  await page.getByTestId('first-run-passphrase').fill(KEYS);
  await page.getByTestId('first-run-confirm').fill(`${KEYS}!`);
  await page.getByTestId('first-run-submit').click();
  await expect(page.getByTestId('first-run-validation')).toHaveAttribute('data-problem', 'mismatch');
  await signing.setUpDemo(KEYS);
  await expect(signing.identity).toHaveAttribute('data-state', 'no-user');

  // Reviewer A; a wrong passphrase first, with main's error.
  await signing.chooseUser('demo-reviewer-a');
  await page.getByTestId('switch-passphrase').fill('not the passphrase');
  await page.getByTestId('switch-submit').click();
  await expect(page.getByTestId('switch-error')).toHaveAttribute('data-error-code', 'keys.wrong-passphrase');
  await expect(page.getByTestId('switch-error')).toContainText('口令不正确');
  await expect(page.getByTestId('switch-passphrase')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(signing.switchDialog).toHaveCount(0);
  await signing.switchTo('demo-reviewer-a', KEYS);
  await expect(page.getByTestId('identity-roles')).toHaveText('审核员');
  await expect(page.getByTestId('identity-lock-state')).toContainText('自动锁定');

  // The candidate: checked, no block, and (the view says) a grade at the second-review threshold.
  await queue.row(ID, 1).click();
  await findings.waitForFindings();
  await expect(findings.approve).toBeEnabled();
  const view = await page.evaluate(async (id) => {
    const result = await window.workstation.decision.view({ id, revision: 1 });
    return result.ok ? result.value : null;
  }, ID);
  expect(view?.findings?.block).toBe(0);
  expect(view?.secondReviewFromGrade).not.toBeNull();
  expect(view!.maxGrade).toBeGreaterThanOrEqual(view!.secondReviewFromGrade!);

  // Approve in the risk summary opens the Decision tab with the approval chosen.
  await findings.approve.click();
  await expect(signing.decisionTab).toHaveAttribute('aria-selected', 'true');
  await expect(signing.state).toHaveAttribute('data-state', 'none');
  await expect(page.getByTestId('decision-second-review-rule')).toHaveAttribute('data-required', 'true');
  await expect(signing.outcome('approve').locator('input')).toBeChecked();
  await expect(page.getByTestId('decision-scenario')).toHaveValue(view!.scenario.id);
  await expect(page.getByTestId('decision-digest-candidate')).toHaveText(view!.candidate.digest);
  await expect(page.getByTestId('decision-digest-findings')).toHaveText(view!.findings!.digest);

  // The form's rules: a return needs a comment; conditions need at least one.
  await signing.outcome('return').click();
  await expect(page.getByTestId('decision-comment-rule')).toHaveAttribute('data-rule', 'return');
  await signing.sign.click();
  await expect(page.locator('[data-testid="decision-field-error"][data-field="comment"]')).toHaveAttribute('data-problem', 'return');
  await signing.outcome('approve-with-conditions').click();
  await expect(page.getByTestId('decision-conditions-editor')).toBeVisible();
  await signing.sign.click();
  await expect(page.locator('[data-testid="decision-field-error"][data-field="conditions"]')).toHaveAttribute('data-problem', 'required');
  await shoot(page, info, 'decision-form', signing.decisionPanel);

  // A approves; success is shown once main has answered, saying a second review is needed.
  await signing.decide('approve', '字段均已按政策脱敏，场景与接收方一致，同意出域。');
  await expect(signing.signed).toHaveAttribute('data-state', 'first-signed-awaiting-second');
  await expect(signing.signed).toContainText('独立复核');
  await expect(signing.state).toHaveAttribute('data-state', 'first-signed-awaiting-second');
  await expect(signing.items).toHaveCount(1);
  await expect(signing.items.first()).toHaveAttribute('data-outcome', 'approve');
  // A cannot give the second review of their own decision; the button says why.
  await expect(signing.sign).toBeDisabled();
  await expect(signing.signReason).toBeVisible();
  await shoot(page, info, 'decision-awaiting-second', signing.decisionPanel);

  // Reviewer B: A's decision is blinded; B signs an independent second review.
  await signing.switchTo('demo-reviewer-b', KEYS);
  await expect(signing.form).toHaveAttribute('data-role', 'second-reviewer');
  // What A was told after signing (it names the outcome) is not shown to B.
  await expect(signing.signed).toHaveCount(0);
  const first = signing.items.first();
  await expect(first).toHaveAttribute('data-blinded', 'true');
  await expect(first.getByTestId('decision-blinded')).toContainText('在您签署自己的独立复核意见之前');
  await expect(first.getByTestId('decision-outcome')).toHaveCount(0);
  await expect(first).not.toContainText('同意出域。');
  await expect(page.getByTestId('decision-second-note')).toBeVisible();
  await shoot(page, info, 'decision-blinded', signing.decisionPanel);
  await signing.decide('approve', '独立复核：抽查脱敏结果与政策一致，同意出域。');
  await expect(signing.state).toHaveAttribute('data-state', 'final-approved');
  await expect(signing.items).toHaveCount(2);
  await expect(signing.items.first()).toHaveAttribute('data-blinded', 'false');
  await expect(signing.items.first().getByTestId('decision-comment')).toHaveText('字段均已按政策脱敏，场景与接收方一致，同意出域。');
  await expect(page.getByTestId('decision-closed')).toBeVisible();
  await shoot(page, info, 'decision-final', signing.decisionPanel);

  // The seal: A requests it …
  await signing.switchTo('demo-reviewer-a', KEYS);
  await expect(signing.seal.getByTestId('seal-picture')).toHaveAttribute('data-valid', 'true');
  await page.getByTestId('seal-request-open').click();
  await page.getByTestId('seal-request-copies').fill('2');
  await page.getByTestId('seal-request-submit').click();
  await expect(signing.request()).toHaveAttribute('data-status', 'requested');
  await expect(page.getByTestId('seal-approve-open')).toBeDisabled();
  await expect(page.getByTestId('seal-action-reason')).toBeVisible();

  // … the seal approver approves it …
  await signing.switchTo('demo-seal-approver', KEYS);
  await page.getByTestId('seal-approve-open').click();
  await page.getByTestId('seal-approve-deny').check();
  await page.getByTestId('seal-approve-submit').click();
  await expect(page.getByTestId('seal-approve-validation')).toHaveAttribute('data-problem', 'required');
  await page.getByTestId('seal-approve-approve').check();
  await page.getByTestId('seal-approve-comment').fill('同意加盖合同专用章。');
  await page.getByTestId('seal-approve-submit').click();
  await expect(signing.request()).toHaveAttribute('data-status', 'approved');
  await shoot(page, info, 'seal-approved', signing.seal);

  // … and the custodian applies it, which numbers it in the ledger.
  await signing.switchTo('demo-seal-custodian', KEYS);
  await page.getByTestId('seal-apply-open').click();
  await expect(page.getByTestId('seal-apply-dialog')).toBeVisible();
  await page.getByTestId('seal-apply-submit').click();
  await expect(signing.request()).toHaveAttribute('data-status', 'applied', { timeout: 60_000 });
  const ledgerNo = (await signing.request().getByTestId('seal-ledger-no').textContent())!.replace(/^\D*/, '');
  expect(ledgerNo).toMatch(/^\d{4}-0001$/);
  // The document is sealed: no new request is offered.
  await expect(page.getByTestId('seal-request-open')).toHaveCount(0);
  await shoot(page, info, 'seal-applied', signing.seal);

  // The sealed PDF downloads as a PDF.
  const pdf = await download(page, () => page.getByTestId('seal-open-pdf').click());
  expect(pdf.name).toMatch(/\.pdf$/);
  expect(pdf.bytes.length).toBeGreaterThan(1000);
  expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');

  // The ledger: one line, and its CSV.
  await page.getByTestId('nav-ledger').click();
  await expect(signing.ledger).toBeVisible();
  await expect(signing.ledgerRows).toHaveCount(1);
  const line = signing.ledgerRows.first();
  await expect(line).toHaveAttribute('data-ledger-no', ledgerNo);
  await expect(line).toContainText(ID);
  for (const name of ['审核员甲', '用印审批人丁', '印章管理员戊']) await expect(line).toContainText(name);
  await expect(line.getByTestId('ledger-digest')).toHaveAttribute('title', /^sm3:[0-9a-f]{64}$/);
  const csv = await download(page, () => page.getByTestId('ledger-export').click());
  expect(csv.name).toMatch(/\.csv$/);
  const text = csv.bytes.toString('utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  expect(text).toContain(ledgerNo);
  await shoot(page, info, 'ledger');

  // Every step is on the audit log, and the chain verifies.
  const audit = await page.evaluate(async () => {
    const result = await window.workstation.audit.recent({ limit: 500 });
    return result.ok ? result.value : null;
  });
  expect(audit?.chainValid).toBe(true);
  const steps = audit!.events.map((e) => `${e.action}:${e.actor}`);
  for (const step of ['decide:demo-reviewer-a', 'decide:demo-reviewer-b', 'seal:demo-reviewer-a', 'seal:demo-seal-approver', 'seal:demo-seal-custodian', 'unlock:demo-reviewer-b', 'login-failed:demo-reviewer-a']) {
    expect(steps, step).toContain(step);
  }
  const sealSteps = audit!.events.filter((e) => e.action === 'seal').map((e) => (e.detail as { step?: string }).step);
  expect(sealSteps).toEqual(['request', 'approval', 'application']);

  // A reviewer revokes the approval (a breach, §6(8)) from the candidate the ledger links to.
  await signing.switchTo('demo-reviewer-a', KEYS);
  await line.getByRole('button', { name: `${ID} r1` }).click();
  await signing.decisionTab.click();
  await expect(signing.state).toHaveAttribute('data-state', 'final-approved');
  await signing.items.first().getByTestId('decision-revoke').click();
  await page.getByTestId('revoke-reason').fill('违规使用');
  await page.getByTestId('revoke-submit').click();
  await expect(page.getByTestId('revoke-validation')).toHaveAttribute('data-problem', 'too-short');
  await page.getByTestId('revoke-reason').fill('接收方将数据用于未经批准的营销场景，违反授权协议。');
  await page.getByTestId('revoke-submit').click();
  await expect(page.getByTestId('revoke-dialog')).toHaveCount(0);
  await expect(signing.state).toHaveAttribute('data-state', 'revoked');
  await expect(signing.items.first()).toHaveAttribute('data-revoked', 'true');
  await expect(signing.items.first().getByTestId('decision-revoked')).toContainText('营销场景');
  await shoot(page, info, 'decision-revoked', signing.decisionPanel);

  // The header's user menu (a click elsewhere closes it, so it is opened for each language); Escape closes it.
  for (const language of ['zh-CN', 'en'] as const) {
    await setLanguage(page, language);
    await page.getByTestId('identity-menu-button').click();
    await expect(page.getByTestId('identity-menu')).toBeVisible();
    await expect(page.locator('[data-testid="identity-user"]')).toHaveCount(6);
    await page.screenshot({ path: shotPath(info, `identity-menu-${language}.png`) });
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('identity-menu')).toHaveCount(0);
    await expect(page.getByTestId('identity-menu-button')).toBeFocused();
  }
  await setLanguage(page, 'zh-CN');

  // Lock: the header says so, and signing says to unlock first.
  await page.getByTestId('identity-lock').click();
  await expect(signing.identity).toHaveAttribute('data-state', 'locked');
});
