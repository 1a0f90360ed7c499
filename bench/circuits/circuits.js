// Opens N console pages (each a Blazor Server circuit) signed in as one user, and holds them open until SIGTERM.
// Prints "ready" once every page is interactive. Used by run.sh, which measures the server's heap around it.
const signedIn = require('./signed-in');

(async () => {
  const [base, route, count, user] = [process.argv[2], process.argv[3], Number(process.argv[4]), process.argv[5] || 'alice@acme.example'];
  const { browser, context, signIn } = await signedIn(base, user);
  await signIn.goto('about:blank');
  for (let i = 0; i < count; i++) {
    const page = await context.newPage();
    await page.goto(base + route);
    await page.waitForSelector('[data-interactive="true"]', { state: 'attached', timeout: 60000 });
  }
  console.log('ready');
  process.on('SIGTERM', async () => { await browser.close(); process.exit(0); });
  setInterval(() => {}, 1 << 30);
})().catch(e => { console.error(e); process.exit(1); });
