// Headless Chromium (Debian's, or ECSCONSOLE_CHROMIUM) with one browser context signed in to the console at BASE as
// USER (the demo password, ui-contract §2); returns { browser, context, signIn } with the sign-in page still open on
// the interactive console. Shared by circuits.js and side-pages.js.
const { chromium } = require('playwright-core');

module.exports = async function signedIn(base, user) {
  const browser = await chromium.launch({
    executablePath: process.env.ECSCONSOLE_CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const signIn = await context.newPage();
  await signIn.goto(base + '/Account/Login');
  await signIn.getByLabel('Email').fill(user);
  await signIn.getByLabel('Password').fill('Demo@12345');
  await signIn.getByRole('button', { name: 'Log in', exact: true }).click();
  await signIn.waitForSelector('[data-interactive="true"]', { state: 'attached', timeout: 60000 });
  return { browser, context, signIn };
};
