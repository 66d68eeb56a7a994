// The findings of a candidate against the browser host, on the demo workbook EC-2026-001018
// (warnings intake.hidden-content and pii.free-text-names, blocks pii.undeclared and more): the
// risk summary counts them and keeps Approve disabled with its reason in words; a finding opens
// its location in the preview (sheet, row, column) or the diff (scope), `d` walks back and
// forth, n/p step through them; a clause shows its text; a warning is acknowledged with a
// justification (validated, audited, still there after a reload) and a block cannot be.
import { test, expect } from './fixtures';
import { FindingsPage } from './pages/findings-page';
import { PreviewPage } from './pages/preview-page';
import { QueuePage } from './pages/queue-page';

const ID = 'EC-2026-001018';
const WORKBOOK = 'data/企业名录.xlsx';
const JUSTIFICATION = '文档属性中的作者为运营单位经办人，不属于数据内容，出域前无需处理。';

test('findings lead to their location, a warning is acknowledged and a block keeps approval disabled', async ({ page, host }) => {
  // One walk through a review (scan, many steps, a reload) on two shared cores: more than the default minute.
  test.setTimeout(120_000);
  const queue = new QueuePage(page);
  await queue.goto(host.url);
  await queue.row(ID, 1).click();

  const findings = new FindingsPage(page);
  const preview = new PreviewPage(page);
  await findings.waitForFindings();

  // The risk summary: blocks and warnings counted; Approve disabled, the reason in plain text.
  await expect(findings.summary).toHaveAttribute('data-gate', 'blocking');
  const blocks = Number(await findings.count('block').getAttribute('data-count'));
  expect(blocks).toBeGreaterThanOrEqual(1);
  expect(Number(await findings.count('warn').getAttribute('data-count'))).toBeGreaterThanOrEqual(2);
  await expect(findings.approve).toBeDisabled();
  await expect(findings.approveReason).toBeVisible();
  await expect(findings.approveReason).toHaveText(new RegExp(`存在 ${blocks} 项阻断发现，不能批准。阻断发现只能由新版本解决。`));
  await expect(findings.approve).toHaveAttribute('aria-describedby', (await findings.approveReason.getAttribute('id'))!);
  await expect(findings.acknowledgedCount).toHaveAttribute('data-acknowledged', '0');

  // "Review one by one" opens the first finding — a block, in the panel beside the preview.
  await findings.review.click();
  await expect(findings.pane).toBeVisible();
  await expect(findings.selected).toHaveAttribute('data-severity', 'block');
  const severities = await findings.findings.evaluateAll((items) => items.map((i) => i.getAttribute('data-severity')));
  expect(severities.indexOf('warn')).toBeGreaterThan(severities.lastIndexOf('block'));
  for (const rule of ['intake.hidden-content', 'pii.free-text-names', 'pii.undeclared']) await expect(findings.finding(rule).first()).toBeVisible();

  // A table finding opens the preview at its sheet, first row and column (its profile open).
  const undeclaredPhone = findings.finding('pii.undeclared', 'contact_phone');
  await findings.open(undeclaredPhone);
  await expect(findings.tabs.preview).toHaveAttribute('aria-selected', 'true');
  await expect(preview.table).toHaveAttribute('data-file', WORKBOOK);
  await expect(preview.table).toHaveAttribute('data-sheet', '联系人');
  await expect(preview.profile).toHaveAttribute('data-column', 'contact_phone');
  await expect(page.locator('[data-testid="grid-header"][data-column="contact_phone"]')).toHaveClass(/is-active/);
  await expect(preview.row(1)).toBeInViewport();
  // A block says why it has no Acknowledge action.
  await expect(undeclaredPhone.getByTestId('finding-block-note')).toContainText('只能由新版本解决');
  await expect(undeclaredPhone.getByTestId('finding-acknowledge')).toHaveCount(0);
  // Its evidence is masked.
  for (const text of await undeclaredPhone.getByTestId('finding-evidence').locator('.evidence-chip').allTextContents()) expect(text).toMatch(/^1\d{2}\*{4}\d{4}$/);

  // A finding on a row brings the row back into view wherever the grid was scrolled.
  await preview.openSheet('企业名录');
  await preview.grid.evaluate((grid) => grid.scrollTo({ top: grid.scrollHeight }));
  await expect(preview.row(7)).toHaveCount(0);
  await findings.open(findings.finding('intake.hidden-content', '第 7 行'));
  await expect(preview.table).toHaveAttribute('data-sheet', '企业名录');
  await expect(preview.row(7)).toBeInViewport();
  await expect(preview.row(7)).toHaveAttribute('data-hidden-in-excel', 'true');

  // The clause: hovering shows the text of §5(3) from the measures.
  await findings.finding('pii.undeclared').first().locator('xpath=ancestor::section[@data-testid="finding-rule"]').getByTestId('finding-clause').hover();
  await expect(findings.clauseCard).toHaveAttribute('data-clause', '§5(3)');
  await expect(findings.clauseCard).toContainText('涉及个人信息、商业秘密、保密商务信息的公共数据，应经过脱敏、脱密处理');
  await page.mouse.move(0, 0);
  await expect(findings.clauseCard).toHaveCount(0);

  // A scope finding opens the diff on the scope view; `d` goes back to the preview as it was.
  const unauthorized = findings.finding('scope.unauthorized-field', 'contact_name');
  await findings.open(unauthorized);
  await expect(findings.tabs.diff).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('diff-panel')).toHaveAttribute('data-view', 'scope');
  await expect(page.getByTestId('scope-view')).toBeVisible();
  await page.keyboard.press('d');
  await expect(findings.tabs.preview).toHaveAttribute('aria-selected', 'true');
  await expect(preview.table).toHaveAttribute('data-sheet', '企业名录');
  await expect(unauthorized.getByTestId('finding-open')).toHaveAttribute('aria-current', 'true');
  await page.keyboard.press('d');
  await expect(findings.tabs.diff).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('d');
  await expect(findings.tabs.preview).toHaveAttribute('aria-selected', 'true');

  // n / p step through the findings in panel order and show each one's location.
  await findings.open(undeclaredPhone);
  await page.keyboard.press('p');
  const undeclaredName = findings.finding('pii.undeclared', 'contact_name');
  await expect(undeclaredName.getByTestId('finding-open')).toHaveAttribute('aria-current', 'true');
  await expect(preview.profile).toHaveAttribute('data-column', 'contact_name');
  await page.keyboard.press('n');
  await expect(undeclaredPhone.getByTestId('finding-open')).toHaveAttribute('aria-current', 'true');
  await expect(findings.position).toHaveText(/^第 2 \/ \d+ 项$/);
  // Not while typing: an `n` in the row field is a character, not a step.
  await preview.jump.focus();
  await page.keyboard.press('n');
  await expect(undeclaredPhone.getByTestId('finding-open')).toHaveAttribute('aria-current', 'true');
  await preview.grid.focus();

  // `?` lists every shortcut of the page; Escape closes the dialog and stays on the page.
  await page.keyboard.press('?');
  await expect(findings.shortcuts).toBeVisible();
  expect(await findings.shortcuts.getByTestId('shortcut').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action')))).toEqual([
    'next',
    'previous',
    'toggleDiff',
    'help',
    'back',
    'tabs',
  ]);
  await page.keyboard.press('n');
  await expect(undeclaredPhone.getByTestId('finding-open')).toHaveAttribute('aria-current', 'true');
  await page.keyboard.press('Escape');
  await expect(findings.shortcuts).toHaveCount(0);
  await expect(findings.summary).toBeVisible();

  // A block cannot be acknowledged, not even by calling main directly.
  const blockKey = (await undeclaredPhone.getAttribute('data-key'))!;
  const refused = await page.evaluate(
    async ({ id, key }) => window.workstation.findings.acknowledge({ id, revision: 1, key, justification: 'trying to acknowledge a block' }),
    { id: ID, key: blockKey },
  );
  expect(refused).toMatchObject({ ok: false, error: { code: 'findings.blocking' } });

  // A warning is acknowledged with a justification: too short is refused with a clear message.
  const hidden = findings.finding('intake.hidden-content', '联系人');
  await findings.open(hidden);
  await expect(findings.tabs.preview).toHaveAttribute('aria-selected', 'true');
  await expect(preview.table).toHaveAttribute('data-sheet', '联系人');
  const warningKey = (await hidden.getAttribute('data-key'))!;
  await findings.acknowledge(hidden, '已检查');
  await expect(findings.validation).toHaveAttribute('data-problem', 'too-short');
  await expect(findings.validation).toContainText('至少需要 10 个字，当前 3 个');
  await expect(findings.dialog).toBeVisible();
  await findings.justification.fill(JUSTIFICATION);
  await expect(findings.validation).toHaveCount(0);
  await findings.submit.click();
  await expect(findings.dialog).toHaveCount(0);
  await expect(hidden).toHaveAttribute('data-acknowledged', 'true');
  await expect(hidden.getByTestId('finding-justification')).toHaveText(JUSTIFICATION);
  await expect(hidden.getByTestId('finding-acknowledged-by')).toContainText('本机审核员');
  await expect(hidden.getByTestId('finding-acknowledge')).toHaveCount(0);
  await expect(findings.acknowledgedCount).toHaveAttribute('data-acknowledged', '1');
  // Acknowledging a warning does not open the gate while blocks stand.
  await expect(findings.approve).toBeDisabled();

  // It is on the audit log, with the justification.
  const audit = await page.evaluate(async () => {
    const result = await window.workstation.audit.recent({ limit: 5 });
    return result.ok ? result.value : null;
  });
  expect(audit?.chainValid).toBe(true);
  expect(audit!.events.at(-1)).toMatchObject({ action: 'acknowledge', target: `${ID}@1`, detail: { key: warningKey, justification: JUSTIFICATION } });

  // After a reload the acknowledgement is still there, and approval still disabled.
  const warnings = await findings.findings.evaluateAll((items) => items.filter((i) => i.getAttribute('data-severity') === 'warn').length);
  expect(warnings).toBeGreaterThan(1);
  await page.reload();
  await expect(queue.table).toBeVisible();
  // The queue shows what the last check found: its blocks, and the warnings not yet acknowledged.
  const counts = queue.row(ID, 1).getByTestId('queue-findings');
  await expect(counts).toHaveAttribute('data-block', /^[1-9]\d*$/);
  await expect(counts).toContainText('阻断');
  await expect(counts).toHaveAttribute('data-warn', String(warnings - 1));
  await queue.row(ID, 1).click();
  await findings.waitForFindings();
  await findings.tabs.preview.click();
  const reloaded = page.locator(`[data-testid="finding"][data-key="${warningKey}"]`);
  await expect(reloaded).toHaveAttribute('data-acknowledged', 'true');
  await findings.open(reloaded);
  await expect(reloaded.getByTestId('finding-justification')).toHaveText(JUSTIFICATION);
  await expect(findings.acknowledgedCount).toHaveAttribute('data-acknowledged', '1');
  await expect(findings.approve).toBeDisabled();
  await expect(findings.approveReason).toContainText('不能批准');
});
