// Browser tests of the Hub catalog page and the Node MCP page, in Debian's Chromium driven by
// playwright-core, against a running Harbor (started by app/src/test/java/dev/harbor/app/UiBrowserIT.java).
// Each test builds on the ones before it, so they run in order. Screenshots go to HARBOR_UI_SCREENSHOTS.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';

const env = (name, fallback) => {
  const value = process.env[name] ?? fallback;
  if (value === undefined) {
    throw new Error(`${name} is not set`);
  }
  return value;
};
const NODE = env('HARBOR_UI_NODE_URL').replace(/\/$/, '');
const HUB = env('HARBOR_UI_HUB_URL').replace(/\/$/, '');
const OPERATOR = env('HARBOR_UI_OPERATOR_TOKEN');
const AGENT = env('HARBOR_UI_AGENT_TOKEN');
const AGENT_NAME = env('HARBOR_UI_AGENT_NAME');
const ENTRY = env('HARBOR_UI_ENTRY');
const STDIO_ENTRY = env('HARBOR_UI_STDIO_ENTRY');
const SECRET_ENTRY = env('HARBOR_UI_SECRET_ENTRY');
const SECRET_NAME = env('HARBOR_UI_SECRET_NAME');
const DISABLE_ENTRY = env('HARBOR_UI_DISABLE_ENTRY');
const TEST_ENTRIES = [ENTRY, STDIO_ENTRY, SECRET_ENTRY, DISABLE_ENTRY];
const IMAGE = env('HARBOR_UI_IMAGE');
const SHOTS = env('HARBOR_UI_SCREENSHOTS');
const BROWSER = env('HARBOR_UI_CHROMIUM', '/usr/bin/chromium');
const ACTIVE_WITHIN = 120_000;
const CANARY = `canary-${Math.random().toString(16).slice(2)}-${Date.now()}`;
const PASTED_VALUE = `pasted-${Math.random().toString(16).slice(2)}`;

let browser;
let hubPage;
let page;
const scriptErrors = [];
const state = {};

async function api(path, { token = OPERATOR, method = 'GET', body } = {}) {
  const headers = { Authorization: `Bearer ${token}` };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(NODE + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, text, json: text ? JSON.parse(text) : undefined };
}

async function shot(name) {
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

const row = (id) => page.locator(`tr[data-instance="${id}"]`);
const visible = (locator, timeout = 20_000) => locator.waitFor({ state: 'visible', timeout });
const gone = (locator, timeout = 20_000) => locator.waitFor({ state: 'detached', timeout });

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: BROWSER,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const hubContext = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  hubPage = await hubContext.newPage();
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: NODE });
  page = await context.newPage();
  for (const p of [hubPage, page]) {
    p.on('pageerror', (error) => scriptErrors.push(error.message));
  }
});

after(async () => {
  await browser?.close();
});

test('hub: the catalog is searched as you type, filtered, counted and opened', async () => {
  const p = hubPage;
  await p.goto(`${HUB}/ui/`);
  const count = p.getByTestId('result-count');
  await visible(p.locator('.card').first());
  const all = Number((await count.textContent()).match(/\d+/)[0]);
  assert.ok(all > 3, `the Hub lists its catalog (${all})`);

  await p.locator('input[name=q]').pressSequentially('everything', { delay: 40 });
  await visible(p.locator(`.card[data-entry="${ENTRY}"]`));
  await p.waitForFunction((all) => {
    const shown = Number(document.querySelector('[data-testid=result-count]').textContent.match(/\d+/)?.[0]);
    return shown < all && shown === document.querySelectorAll('.card').length;
  }, all);

  await p.evaluate(() => document.activeElement.blur());
  await p.screenshot({ path: `${SHOTS}/catalog.png` });

  await p.getByLabel('Transport').selectOption('stdio');
  await gone(p.locator(`.card[data-entry="${ENTRY}"]`));
  await visible(p.locator(`.card[data-entry="${STDIO_ENTRY}"]`));
  await p.getByLabel('Transport').selectOption('');
  await p.getByLabel('Tags').fill('no-such-tag');
  await visible(p.getByText('No server matches these filters.'));
  assert.match(await count.textContent(), /^0 servers/);
  await p.getByLabel('Tags').fill('test');
  await p.getByLabel('Launcher').selectOption('docker');
  await visible(p.locator(`.card[data-entry="${SECRET_ENTRY}"]`));

  await p.locator(`.card[data-entry="${SECRET_ENTRY}"]`).click();
  const drawer = p.getByRole('dialog');
  await visible(drawer.getByText('Available in Harbor Node.'));
  const detail = await drawer.textContent();
  assert.match(detail, new RegExp(`${SECRET_NAME.replace('.', '\\.')}\\s*required`), 'secret requirement shown as required');
  assert.match(detail, /harbor-test\/mcp-everything/, 'image shown');
  assert.match(detail, /MIT/, 'licence shown');
  const link = await drawer.getByRole('link', { name: 'Open on the Harbor Node' }).getAttribute('href');
  assert.equal(link, `${NODE}/ui/#/catalog/${SECRET_ENTRY}`);
  await p.screenshot({ path: `${SHOTS}/catalog-detail.png` });
  await p.keyboard.press('Escape');
  await gone(drawer);
});

test('node: an operator signs in with the operator token, which stays out of the URL', async () => {
  await page.goto(`${NODE}/ui/`);
  const token = page.getByLabel('Operator token');
  await token.fill('hbr_unknown_token');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await visible(page.getByText('This token is unknown or revoked.'));
  await token.fill(AGENT);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await visible(page.getByText('This is not an operator token.'));
  await token.fill(OPERATOR);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await visible(page.locator('[data-connection=live]'));
  assert.ok(!page.url().includes(OPERATOR), 'token not in the URL');
  assert.equal(await page.evaluate(() => sessionStorage.getItem('harbor.operatorToken')), OPERATOR);
  await page.reload();
  await visible(page.locator('[data-connection=live]'));
});

test('node: the catalog mirror is searched', async () => {
  await page.getByRole('link', { name: 'Catalog', exact: true }).click();
  await visible(page.locator('li[data-entry]').first());
  await page.getByLabel('Search', { exact: true }).pressSequentially('everything', { delay: 40 });
  await visible(page.locator(`li[data-entry="${DISABLE_ENTRY}"]`));
  await page.waitForFunction(() => {
    const shown = Number(document.querySelector('[data-testid=result-count]').textContent.match(/\d+/)?.[0]);
    return shown === document.querySelectorAll('li[data-entry]').length && shown < 20;
  });
});

test('node: a disabled entry shows why, and its setup is refused', async () => {
  const entry = page.locator(`li[data-entry="${DISABLE_ENTRY}"]`);
  await entry.getByRole('button', { name: /^Disable/ }).click();
  await entry.getByLabel('Why disable it?').fill('UI test: not on this node');
  await entry.getByRole('button', { name: 'Disable', exact: true }).click();
  await visible(page.locator(`li[data-entry="${DISABLE_ENTRY}"][data-enabled=false]`));
  assert.match(await entry.textContent(), /disabled on this Node.*UI test: not on this node/);
  assert.equal(await entry.getByRole('button', { name: /^Set up/ }).count(), 0, 'no setup button');

  await page.getByLabel('State', { exact: true }).selectOption('enabled');
  await gone(entry);
  await page.getByLabel('State', { exact: true }).selectOption('disabled');
  await visible(entry);

  const refused = await api('/v1/mcp/setup', { token: AGENT, method: 'POST', body: { catalogId: DISABLE_ENTRY } });
  assert.equal(refused.status, 202, refused.text);
  assert.equal(refused.json.status, 'denied', refused.text);
  assert.equal(refused.json.decision.rule, 'node-state');
  state.denied = refused.json.instanceId;

  await entry.getByRole('button', { name: /^Enable/ }).click();
  await visible(page.locator(`li[data-entry="${DISABLE_ENTRY}"][data-enabled=true]`));
  await page.getByLabel('State', { exact: true }).selectOption('all');
  await visible(page.locator(`li[data-entry="${DISABLE_ENTRY}"][data-enabled=true]`));
});

test('node: an agent setup appears as pending without reloading, and approving it makes it active', async () => {
  await page.getByRole('link', { name: 'Instances', exact: true }).click();
  await page.getByLabel('Show').selectOption('all');
  await visible(row(state.denied).locator('[data-status=denied]'));
  await page.getByLabel('Show').selectOption('current');
  await page.evaluate(() => (window.harborNotReloaded = true));

  const asked = await api('/v1/mcp/setup', { token: AGENT, method: 'POST', body: { catalogId: ENTRY } });
  assert.equal(asked.status, 202, asked.text);
  const id = asked.json.instanceId;
  state.http = id;

  const approval = page.locator(`li[data-approval="${id}"]`);
  await visible(approval);
  await visible(row(id).locator('[data-status=pending_approval]'));
  assert.match(await approval.textContent(), new RegExp(`agent\\s*${AGENT_NAME}`));
  assert.match(await approval.textContent(), /Expires in (1 day|2\d hours)/);
  await shot('node-approval');
  await approval.getByLabel('Note (optional)').fill('approved in the UI test');
  await approval.getByRole('button', { name: /^Approve/ }).click();
  await gone(approval);
  await visible(row(id).locator('[data-status=active]'), ACTIVE_WITHIN);
  assert.equal(await page.evaluate(() => window.harborNotReloaded), true, 'the page was never reloaded');
  await shot('node');
});

test('node: the instance drawer shows who asked, the decision, the client configuration (copied) and the logs', async () => {
  const id = state.http;
  await row(id).getByRole('button', { name: /^Details/ }).click();
  const drawer = page.getByRole('dialog');
  await visible(drawer.locator(`.instance-detail[data-status=active]`));
  assert.match(await drawer.getByTestId('requested-by').textContent(), new RegExp(`agent\\s*${AGENT_NAME}`));
  assert.match(await drawer.getByTestId('decision').textContent(), /require approval by rule\s*agent-setup-needs-approval/);
  assert.match(await drawer.getByTestId('approval').textContent(), /approved by operator .*approved in the UI test/);

  const shown = await drawer.getByTestId('client-config').textContent();
  const detail = await api(`/v1/mcp/instances/${id}`);
  assert.deepEqual(JSON.parse(shown), detail.json.clientConfig);
  assert.match(Object.values(detail.json.clientConfig.mcpServers)[0].url, /^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
  await drawer.getByRole('button', { name: 'Copy configuration' }).click();
  await visible(drawer.getByText('Copied to the clipboard.'));
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), shown);

  const launched = drawer.locator('[data-testid=lifecycle-log] li[data-type=launch_succeeded]');
  for (let i = 0; i < 10 && (await launched.count()) === 0; i++) {
    await drawer.getByRole('button', { name: 'Refresh' }).click();
    await page.waitForTimeout(1000);
  }
  await visible(launched);
  await visible(drawer.locator('.timeline li[data-to=active]'));
  await visible(drawer.locator('.timeline li[data-to=pending_approval]'));
  await shot('instance-drawer');
});

test('node: removing the instance from the drawer takes it to removed', async () => {
  const drawer = page.getByRole('dialog');
  await drawer.getByRole('button', { name: 'Remove' }).click();
  await drawer.getByRole('button', { name: 'Yes, remove' }).click();
  await visible(drawer.locator('.instance-detail[data-status=removed]'), 60_000);
  assert.equal((await api(`/v1/mcp/instances/${state.http}`)).json.status, 'removed');
  await page.keyboard.press('Escape');
  await gone(drawer);
});

test('node: a canary secret supplied through the form never comes back, in the API or the page', async () => {
  const asked = await api('/v1/mcp/setup', { token: AGENT, method: 'POST', body: { catalogId: SECRET_ENTRY } });
  const id = asked.json.instanceId;
  state.secret = id;
  const approval = page.locator(`li[data-approval="${id}"]`);
  await visible(approval);
  await approval.getByRole('button', { name: /^Approve/ }).click();
  await visible(row(id).locator('[data-status=secret_missing]'), ACTIVE_WITHIN);

  const stream = new AbortController();
  const streamed = readStream(stream.signal);
  await row(id).getByRole('button', { name: /^Details/ }).click();
  const drawer = page.getByRole('dialog');
  const secret = drawer.locator(`li[data-secret="${SECRET_NAME}"]`);
  await visible(secret.getByText('missing', { exact: true }));
  await secret.getByLabel(`Value of ${SECRET_NAME}`).fill(CANARY);
  await secret.getByRole('button', { name: 'Supply' }).click();
  await visible(drawer.locator('.instance-detail[data-status=active]'), ACTIVE_WITHIN);
  await visible(secret.getByText('supplied', { exact: true }));
  stream.abort();

  const html = await page.content();
  assert.ok(!html.includes(CANARY), 'the canary is not in the DOM');
  const values = await page.$$eval('input', (inputs) => inputs.map((input) => input.value));
  assert.ok(!values.some((value) => value.includes(CANARY)), 'no input holds the canary');
  const storage = await page.evaluate(() => JSON.stringify({ ...sessionStorage, ...localStorage }));
  assert.ok(!storage.includes(CANARY), 'the canary is not stored in the browser');
  const answers = await Promise.all(
    [
      `/v1/mcp/instances/${id}`,
      `/v1/mcp/instances/${id}/secrets`,
      `/v1/mcp/instances/${id}/logs?size=200`,
      `/v1/mcp/instances/${id}/status`,
      '/v1/mcp/instances?size=200',
      '/v1/mcp/approvals',
      '/v1/mcp/audit?size=200',
      `/v1/mcp/audit?size=200&text=${CANARY}`,
      `/v1/mcp/catalog/${SECRET_ENTRY}`,
    ].map((path) => api(path)),
  );
  for (const answer of answers) {
    assert.ok(!answer.text.includes(CANARY), `an API answer holds the canary: ${answer.text.slice(0, 200)}`);
  }
  assert.equal(answers.at(-2).json.items?.length ?? 0, 0, 'an audit search for the canary finds nothing');
  const events = await streamed;
  assert.ok(events.includes('event:'), 'the event stream carried the changes');
  assert.ok(!events.includes(CANARY), 'the event stream never carried the canary');

  await page.keyboard.press('Escape');
  const removed = await api(`/v1/mcp/instances/${id}/remove`, { token: AGENT, method: 'POST' });
  assert.ok([200, 202].includes(removed.status), removed.text);
  await visible(row(id).locator('[data-status=removing], [data-status=removed]').first(), 60_000).catch(() => {});
});

async function readStream(signal) {
  let text = '';
  try {
    const response = await fetch(`${NODE}/v1/mcp/events`, { headers: { Authorization: `Bearer ${OPERATOR}` }, signal });
    const decoder = new TextDecoder();
    for await (const chunk of response.body) {
      text += decoder.decode(chunk, { stream: true });
    }
  } catch {
    // aborted once the test has seen what it waited for
  }
  return text;
}

test('node: the audit table is searched and filtered', async () => {
  await page.getByRole('link', { name: 'Logs & audit' }).click();
  await visible(page.locator('table.audit tbody tr').first());
  await shot('audit');

  await page.getByLabel('Instance', { exact: true }).fill(state.http);
  await visible(page.locator('table.audit tr[data-type=remove_succeeded]'));
  await page.getByLabel('Event', { exact: true }).selectOption('launch_succeeded');
  await page.waitForFunction(() => document.querySelectorAll('table.audit tbody tr').length === 1);
  assert.match(await page.locator('table.audit tbody tr').textContent(), /launch succeeded/);

  await page.getByRole('button', { name: 'Clear' }).click();
  await page.getByLabel('Event', { exact: true }).selectOption('catalog');
  await page.getByLabel('Search', { exact: true }).fill('not on this node');
  await visible(page.locator('table.audit tr[data-type=entry_disabled]'));
  await page.getByLabel('Outcome', { exact: true }).selectOption('failed');
  await visible(page.getByText('No event matches these filters.'));
  await page.getByRole('button', { name: 'Clear' }).click();
  await page.getByLabel('Actor (agent) name').fill(AGENT_NAME);
  await visible(page.locator('table.audit tr[data-type=setup_requested]').first());
});

const PASTE = JSON.stringify(
  {
    mcpServers: {
      everything: { command: 'docker', args: ['run', '-i', '--rm', IMAGE] },
      notes: { command: 'npx', args: ['-y', '@example/notes-mcp'], env: { NOTES_TOKEN: PASTED_VALUE } },
    },
  },
  null,
  2,
);
const pasteBox = () => page.getByLabel('Configuration to import');
const importRow = (name, result = '') =>
  page.locator(`table.import-result tr[data-server="${name}"]${result && `[data-result=${result}]`}`);
const instanceTotal = async () => (await api('/v1/mcp/instances?size=1')).json.total;

test('node: the client configuration export says when no server runs', async () => {
  await page.getByRole('link', { name: 'Client config', exact: true }).click();
  await page.waitForFunction(() => location.hash === '#/config');
  await visible(page.getByText('No server runs on this Node.'), 60_000);
  assert.equal(await page.getByTestId('export-config').count(), 0);
  assert.deepEqual((await api('/v1/mcp/config')).json, { mcpServers: {} });
});

test('node: a preview of a pasted configuration says what would happen per server and changes nothing', async () => {
  const before = await instanceTotal();
  await pasteBox().fill(PASTE);
  await page.getByRole('button', { name: 'Preview' }).click();
  await visible(page.getByRole('heading', { name: 'Preview: nothing was sent', exact: true }));

  const known = importRow('everything', 'would_set_up');
  await visible(known);
  assert.match(await known.textContent(), /Would be set up/);
  const entry = await known.getByTestId('catalog-entry').textContent();
  assert.ok(TEST_ENTRIES.includes(entry), `recognised as one of the test entries, not ${entry}`);
  const dryRun = await api('/v1/mcp/config/import?dryRun=true', { method: 'POST', body: JSON.parse(PASTE) });
  assert.equal(dryRun.json.servers[0].catalogId, entry, 'the page shows the entry the API recognises');
  assert.match(await known.textContent(), new RegExp(`image\\s*${IMAGE.split(':')[0]}`));
  assert.equal(await known.getByTestId('imported-instance').count(), 0, 'no instance in a preview');

  const unknown = importRow('notes', 'not_in_catalog');
  await visible(unknown);
  assert.match(await unknown.textContent(), /Not in the catalog.*no catalog entry lists this npm package/);
  assert.match(await unknown.textContent(), /Variables not used:\s*NOTES_TOKEN/);

  assert.equal(await pasteBox().inputValue(), PASTE, 'the paste stays in the box');
  assert.ok(!(await page.content()).includes(PASTED_VALUE), 'no pasted value is echoed in the page');
  assert.equal(await instanceTotal(), before, 'a preview sets nothing up');
  state.importEntry = entry;
  state.instancesBeforeImport = before;
});

test('node: importing sets up the recognised server, and the export follows it in both formats', async () => {
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await visible(page.getByRole('heading', { name: 'Imported', exact: true }));
  const known = importRow('everything', 'setup_requested');
  await visible(known);
  await visible(importRow('notes', 'not_in_catalog'));
  assert.doesNotMatch(await known.textContent(), /repeats an earlier import/, 'the preview had sent nothing');
  const link = known.getByTestId('imported-instance');
  const id = await link.textContent();
  assert.equal(await link.getAttribute('aria-label'), `Details of ${id}`);
  state.imported = id;
  await visible(known.locator('[data-status]'));
  const instance = await api(`/v1/mcp/instances/${id}`);
  assert.equal(instance.json.catalogId, state.importEntry);
  assert.equal(instance.json.requestedBy.kind, 'operator');
  assert.equal(await instanceTotal(), state.instancesBeforeImport + 1, 'only the recognised server was set up');
  assert.ok(!(await page.content()).includes(PASTED_VALUE), 'no pasted value is echoed in the page');

  await link.click();
  const drawer = page.getByRole('dialog');
  await visible(drawer.locator(`.instance-detail[data-instance="${id}"][data-status=active]`), ACTIVE_WITHIN);
  await page.keyboard.press('Escape');
  await gone(drawer);
  await page.waitForFunction(() => location.hash === '#/config');
  await visible(known.locator('[data-status=active]'));
  assert.equal(await pasteBox().inputValue(), PASTE, 'the paste is still there after the drawer');

  const exported = page.getByTestId('export-config');
  await visible(exported, 30_000);
  assert.deepEqual(JSON.parse(await exported.textContent()), (await api('/v1/mcp/config')).json);
  const claude = JSON.parse(await exported.textContent()).mcpServers;
  assert.equal(Object.keys(claude).length, 1);
  assert.match(Object.values(claude)[0].url, /^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
  assert.deepEqual(claude, (await api(`/v1/mcp/instances/${id}`)).json.clientConfig.mcpServers, "the instance's own configuration");

  await page.getByLabel('Format').selectOption('vscode');
  await visible(page.getByTestId('export-count').filter({ hasText: 'for VS Code' }));
  await visible(exported.filter({ hasText: '"servers"' }));
  const vscode = JSON.parse(await exported.textContent());
  assert.deepEqual(vscode, (await api('/v1/mcp/config?format=vscode')).json);
  assert.deepEqual(Object.keys(vscode.servers), Object.keys(claude));
  assert.equal(Object.values(vscode.servers)[0].type, 'http');

  const panel = page.locator('section[aria-labelledby=export-title]');
  await panel.getByRole('button', { name: 'Copy configuration' }).click();
  await visible(panel.getByText('Copied to the clipboard.'));
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await exported.textContent());
  await page.screenshot({ path: `${SHOTS}/client-config.png`, fullPage: true });

  await page.evaluate(() => Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true }));
  await panel.getByRole('button', { name: 'Copy configuration' }).click();
  await visible(panel.getByText('Selected: press Ctrl+C to copy.'));
  assert.equal(await page.evaluate(() => getSelection().toString()), await exported.textContent());
  await page.evaluate(() => delete navigator.clipboard);
  await page.evaluate(() => getSelection().removeAllRanges());
});

test('node: removing the imported instance empties the export without a reload', async () => {
  await page.evaluate(() => (window.harborNotReloaded = true));
  const removed = await api(`/v1/mcp/instances/${state.imported}/remove`, { method: 'POST' });
  assert.ok([200, 202].includes(removed.status), removed.text);
  await visible(page.getByText('No server runs on this Node.'), 60_000);
  await visible(importRow('everything').locator('[data-status=removing], [data-status=removed]').first());
  assert.equal(await page.evaluate(() => window.harborNotReloaded), true, 'the page was never reloaded');
});

test('node: a malformed paste is refused naming the field, next to the box, and the paste stays', async () => {
  const before = await instanceTotal();
  const broken = '{"mcpServers": {"everything": {"command": "docker", "args": ["run", "-i"';
  await pasteBox().fill(broken);
  await page.getByRole('button', { name: 'Preview' }).click();
  const problem = page.getByTestId('import-problem');
  await visible(problem);
  assert.match(await problem.textContent(), /^body: not valid JSON/);
  assert.equal(await pasteBox().inputValue(), broken);
  assert.equal(await pasteBox().getAttribute('aria-invalid'), 'true');
  assert.match(await pasteBox().getAttribute('aria-describedby'), /import-problem/);
  assert.equal(await page.locator('table.import-result').count(), 0, 'the earlier answer is gone');

  const serverless = '{"mcpServers": {"notes": {"args": ["-y", "@example/notes-mcp"]}}}';
  await pasteBox().fill(serverless);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await visible(problem.filter({ hasText: 'mcpServers.notes.command' }));
  assert.match(await problem.textContent(), /a server needs a command or a url/);
  assert.equal(await pasteBox().inputValue(), serverless);
  assert.equal(await instanceTotal(), before, 'a refused paste sets nothing up');
});

test('node: keyboard reachable and readable in a narrow window', async () => {
  await page.goto(`${NODE}/ui/#/instances`);
  await visible(page.locator('[data-connection=live]'));
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  let reached = false;
  for (let i = 0; i < 30 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => document.activeElement?.textContent === 'Logs & audit');
  }
  assert.ok(reached, 'the views are reached with Tab');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.hash === '#/audit');

  await page.setViewportSize({ width: 420, height: 860 });
  await page.goto(`${NODE}/ui/#/instances`);
  await visible(page.locator('[data-connection=live]'));
  await page.getByLabel('Show').selectOption('all');
  await visible(page.locator('table.instances tbody tr').first());
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `the page fits a narrow window (overflow ${overflow}px)`);
  await shot('node-narrow');

  await page.getByRole('link', { name: 'Client config', exact: true }).click();
  await pasteBox().fill(PASTE);
  await page.getByRole('button', { name: 'Preview' }).click();
  await visible(importRow('everything', 'would_set_up'));
  const configOverflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(configOverflow <= 1, `the client configuration view fits a narrow window (overflow ${configOverflow}px)`);
  await page.setViewportSize({ width: 1280, height: 860 });
});

test('no script errors on any page', () => {
  assert.deepEqual(scriptErrors, []);
});
