// The browser side load of the API throughput runner (issue #20, `Console.ApiBench -- --wrk --side-load`): N console
// pages signed in as one user in headless Chromium, each a Blazor Server circuit, spread over /images (custom tab),
// /images?tab=public and /snapshots. Prints "ready" once every page is interactive; then each page acts every
// INTERVAL ms (an images page clicks the other tab and waits for its table, a snapshots page reloads and waits for the
// circuit) until a line "stop" (or the end) arrives on stdin, then prints one line of JSON:
//   {"pages":N,"actions":A,"failed":F,"p50":ms,"max":ms}   (times of the actions, as the user waits for them)
// Usage: node bench/circuits/side-pages.js BASE N [INTERVAL_MS=2000] [USER=alice@acme.example]
const signedIn = require('./signed-in');

(async () => {
  const [base, count, interval, user] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4] || 2000), process.argv[5] || 'alice@acme.example'];
  const { browser, context, signIn } = await signedIn(base, user);
  await signIn.close();

  const routes = ['/images', '/images?tab=public', '/snapshots'];
  const pages = [];
  for (let i = 0; i < count; i++) {
    const page = await context.newPage();
    const route = routes[i % routes.length];
    await page.goto(base + route);
    await page.waitForSelector('[data-interactive="true"]', { state: 'attached', timeout: 60000 });
    pages.push({ page, route, custom: route === '/images' });
  }
  console.log('ready');

  const times = [];
  let failed = 0;
  let stopping = false;
  const act = async (p) => {
    const start = Date.now();
    if (p.route === '/snapshots') {
      await p.page.reload();
      await p.page.waitForSelector('[data-interactive="true"]', { state: 'attached', timeout: 60000 });
      await p.page.waitForSelector('[data-testid="snapshots-table"]', { timeout: 60000 });
    } else {
      p.custom = !p.custom;
      await p.page.getByRole('tab', { name: p.custom ? 'Custom Images' : 'Public Images' }).click({ timeout: 60000 });
      await p.page.waitForSelector('[data-testid="images-table"]', { timeout: 60000 });
    }
    times.push(Date.now() - start);
  };
  const loops = pages.map(async (p, i) => {
    // The pages start their actions spread over one interval, not all at once.
    await new Promise(r => setTimeout(r, (interval * i) / pages.length));
    while (!stopping) {
      const start = Date.now();
      try { await act(p); } catch (e) { failed++; if (!stopping) console.error(String(e).split('\n')[0]); }
      const rest = interval - (Date.now() - start);
      if (rest > 0) await new Promise(r => setTimeout(r, rest));
    }
  });

  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await Promise.race([Promise.all(loops), new Promise(r => setTimeout(r, 10000))]);
    times.sort((a, b) => a - b);
    console.log(JSON.stringify({ pages: pages.length, actions: times.length, failed, p50: times.length ? times[Math.floor(times.length / 2)] : 0, max: times.length ? times[times.length - 1] : 0 }));
    await browser.close();
    process.exit(0);
  };
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', d => { if (d.includes('stop')) stop(); });
  process.stdin.on('end', stop);
})().catch(e => { console.error(e); process.exit(1); });
