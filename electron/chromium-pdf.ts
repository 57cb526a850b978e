/**
 * Prints HTML to an A4 PDF with Debian's Chromium through playwright-core: the briefing's renderer for the command
 * line and the browser host (Electron uses its own printToPDF). Node only; no electron import.
 */

/** Chromium options that work on a locked-down machine (no sandbox as root, no network chatter). */
export const CHROMIUM = {
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
};

/** Renders HTML to an A4 PDF with Chromium. */
export async function renderPdf(html: string): Promise<Buffer> {
  const { chromium } = await import('playwright-core');
  let browser;
  try {
    browser = await chromium.launch({ ...CHROMIUM, headless: true });
  } catch (err) {
    throw new Error(`could not start Chromium at ${CHROMIUM.executablePath} (install it with apt-get install chromium): ${(err as Error).message.split('\n')[0]}`);
  }
  try {
    const page = await browser.newPage();
    // The briefing is self-contained: refuse any request it might make.
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  } finally {
    await browser.close();
  }
}

