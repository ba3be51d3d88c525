import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

/**
 * The installed app's icons (web/public/icons/*.png), drawn once from the SVG below by
 * Chromium and committed: `node --require ./scripts/register-ts.cjs scripts/make-app-icons.ts`.
 * The maskable icon keeps its mark inside the central 80% circle that launchers may crop to.
 */
const OUT_DIR = join(__dirname, '..', 'web', 'public', 'icons');
const INDIGO = '#3b5bdb';

function iconSvg(size: number, maskable: boolean): string {
  // a maskable icon is cropped by the launcher, so it is a full square with a smaller mark
  const corner = maskable ? 0 : size * 0.18;
  const mark = maskable ? 0.34 : 0.46;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">
  <rect width="${size}" height="${size}" rx="${corner}" fill="${INDIGO}"/>
  <text x="50%" y="50%" dy="0.35em" text-anchor="middle" fill="#ffffff"
        font-family="Noto Sans CJK JP, Noto Sans JP, sans-serif" font-weight="700" font-size="${size * mark}">組</text>
  <rect x="${size * 0.3}" y="${size * (maskable ? 0.7 : 0.78)}" width="${size * 0.4}" height="${size * 0.035}" rx="${size * 0.0175}" fill="#ffd43b"/>
</svg>`;
}

async function main(): Promise<void> {
  mkdirSync(OUT_DIR, { recursive: true });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const icons = [
      { name: 'icon-192.png', size: 192, maskable: false },
      { name: 'icon-512.png', size: 512, maskable: false },
      { name: 'icon-maskable-512.png', size: 512, maskable: true },
    ];
    for (const icon of icons) {
      const page = await browser.newPage({ viewport: { width: icon.size, height: icon.size } });
      await page.setContent(`<html><body style="margin:0;background:transparent">${iconSvg(icon.size, icon.maskable)}</body></html>`);
      await page.screenshot({ path: join(OUT_DIR, icon.name), omitBackground: true });
      await page.close();
      console.log(`${icon.name} ${icon.size}x${icon.size}`);
    }
  } finally {
    await browser.close();
  }
}

void main();
