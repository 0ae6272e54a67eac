// Pictures of the demo catalog, drawn here as SVG and rasterized by sharp (no photograph can be
// downloaded into the repository): each goes through the same upload path as a seller's image,
// so the demo world shows resized WebP renditions and `srcset` on every product page.
import sharp from 'sharp'
import type { EntityManager } from '@tradepost/domain/db'
import { Product, ProductImage, storeProductImage, type FileStorage } from '@tradepost/domain/catalog'

const frame = (body: string, tint: string) => `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="900" viewBox="0 0 1200 900">
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#ffffff"/><stop offset="1" stop-color="${tint}"/></linearGradient>
    <linearGradient id="metal" x1="0" y1="0" x2="1" y2="0"><stop offset="0" stop-color="#9aa4b1"/><stop offset=".45" stop-color="#eef1f4"/><stop offset="1" stop-color="#7d8794"/></linearGradient>
    <linearGradient id="blue" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#3b6fd8"/><stop offset="1" stop-color="#1c3f8f"/></linearGradient>
    <linearGradient id="copper" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#f0a35e"/><stop offset="1" stop-color="#a4521c"/></linearGradient>
  </defs>
  <rect width="1200" height="900" fill="url(#bg)"/>
  <ellipse cx="600" cy="800" rx="380" ry="34" fill="#000" opacity=".12"/>
  ${body}
</svg>`

/** One module of a DIN-rail breaker: body, terminals, lever, window. */
const breakerModule = (x: number) => `
  <rect x="${x}" y="170" width="190" height="600" rx="22" fill="#f7f8fa" stroke="#c9ced6" stroke-width="4"/>
  <rect x="${x + 30}" y="200" width="130" height="70" rx="10" fill="#d5dae1"/>
  <circle cx="${x + 95}" cy="235" r="22" fill="url(#metal)" stroke="#8b95a3" stroke-width="3"/>
  <rect x="${x + 30}" y="670" width="130" height="70" rx="10" fill="#d5dae1"/>
  <circle cx="${x + 95}" cy="705" r="22" fill="url(#metal)" stroke="#8b95a3" stroke-width="3"/>
  <rect x="${x + 20}" y="330" width="150" height="280" rx="14" fill="#eceff3" stroke="#c9ced6" stroke-width="3"/>
  <rect x="${x + 62}" y="360" width="66" height="150" rx="12" fill="url(#blue)"/>
  <rect x="${x + 70}" y="372" width="50" height="26" rx="6" fill="#ffffff" opacity=".35"/>
  <rect x="${x + 55}" y="545" width="80" height="34" rx="6" fill="#1f8f4e"/>`

const PICTURES: Record<string, { svg: string }> = {
  'SH-MCB-1P-32': { svg: frame(breakerModule(505), '#e8eefb') },
  'SH-MCB-2P-63': { svg: frame(breakerModule(405) + breakerModule(605) + '<rect x="465" y="420" width="270" height="18" rx="9" fill="#1c3f8f"/>', '#e8eefb') },
  'SH-CU-2X2.5': {
    svg: frame(`
      <circle cx="600" cy="450" r="300" fill="#2b2f36"/>
      ${[270, 240, 210, 180, 150].map((r, i) => `<circle cx="600" cy="450" r="${r}" fill="none" stroke="${i % 2 ? '#4a505a' : '#3a3f47'}" stroke-width="26"/>`).join('')}
      <circle cx="600" cy="450" r="110" fill="#f2f4f7" stroke="#c9ced6" stroke-width="6"/>
      <circle cx="600" cy="450" r="40" fill="#c9ced6"/>
      <path d="M 870 560 C 960 600 1010 650 1050 720" fill="none" stroke="#3a3f47" stroke-width="34" stroke-linecap="round"/>
      <circle cx="1050" cy="720" r="17" fill="url(#copper)"/><circle cx="1040" cy="735" r="9" fill="#d98a45"/>`, '#fbefe4'),
  },
  // A cable drum: two wooden flanges, cable wound between them, the end hanging free.
  'SH-CU-2X4-500': {
    svg: frame(`
      <rect x="330" y="250" width="540" height="400" fill="#2b2f36"/>
      ${[0, 1, 2, 3, 4, 5, 6, 7].map((i) => `<rect x="330" y="${262 + i * 48}" width="540" height="26" rx="13" fill="${i % 2 ? '#3a3f47' : '#4a505a'}"/>`).join('')}
      <ellipse cx="330" cy="450" rx="90" ry="320" fill="#b7844f" stroke="#8a5d31" stroke-width="8"/>
      <ellipse cx="330" cy="450" rx="30" ry="100" fill="#8a5d31"/>
      <ellipse cx="870" cy="450" rx="90" ry="320" fill="#c99460" stroke="#8a5d31" stroke-width="8"/>
      <ellipse cx="870" cy="450" rx="30" ry="100" fill="#8a5d31"/>
      <path d="M 720 640 C 800 700 900 720 1020 740" fill="none" stroke="#3a3f47" stroke-width="30" stroke-linecap="round"/>
      <circle cx="1020" cy="740" r="15" fill="url(#copper)"/>`, '#fbefe4'),
  },
  // A distribution board: a grey steel cabinet, its door open on two rows of breakers.
  'SH-DB-24': {
    svg: frame(`
      <rect x="330" y="150" width="540" height="620" rx="18" fill="#d5dae1" stroke="#8b95a3" stroke-width="8"/>
      <rect x="370" y="190" width="460" height="540" rx="10" fill="#f7f8fa" stroke="#c9ced6" stroke-width="4"/>
      ${[0, 1].map((row) => `<rect x="390" y="${270 + row * 220}" width="420" height="16" fill="#9aa4b1"/>${[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((i) => `<rect x="${396 + i * 34}" y="${220 + row * 220}" width="30" height="110" rx="5" fill="#ffffff" stroke="#c9ced6" stroke-width="2"/><rect x="${404 + i * 34}" y="${245 + row * 220}" width="14" height="34" rx="3" fill="url(#blue)"/>`).join('')}`).join('')}
      <path d="M 870 160 L 1010 220 L 1010 700 L 870 760 Z" fill="#c3c9d1" stroke="#8b95a3" stroke-width="6"/>
      <rect x="980" y="430" width="14" height="60" rx="6" fill="#4b5563"/>`, '#eef1f5'),
  },
  'MK-CP-2200': {
    svg: frame(`
      <rect x="250" y="690" width="700" height="50" rx="10" fill="#4b5563"/>
      <rect x="300" y="330" width="420" height="330" rx="40" fill="url(#blue)"/>
      ${[0, 1, 2, 3, 4, 5, 6].map((i) => `<rect x="${330 + i * 55}" y="345" width="16" height="300" rx="8" fill="#16357a" opacity=".65"/>`).join('')}
      <rect x="240" y="380" width="70" height="230" rx="20" fill="#1c3f8f"/>
      <rect x="430" y="270" width="140" height="70" rx="12" fill="#1c3f8f"/>
      <circle cx="820" cy="510" r="170" fill="url(#metal)" stroke="#6b7480" stroke-width="6"/>
      <circle cx="820" cy="510" r="70" fill="#d5dae1" stroke="#8b95a3" stroke-width="6"/>
      <rect x="790" y="250" width="60" height="110" rx="8" fill="url(#metal)" stroke="#6b7480" stroke-width="5"/>
      <rect x="770" y="235" width="100" height="30" rx="6" fill="#6b7480"/>
      <rect x="360" y="660" width="60" height="40" fill="#374151"/><rect x="760" y="660" width="60" height="40" fill="#374151"/>`, '#e6f0fb'),
  },
  'MK-SP-750': {
    svg: frame(`
      <path d="M 600 150 C 560 150 540 120 520 100" fill="none" stroke="#2b2f36" stroke-width="16" stroke-linecap="round"/>
      <rect x="520" y="140" width="160" height="40" rx="18" fill="none" stroke="#4b5563" stroke-width="16"/>
      <rect x="470" y="180" width="260" height="430" rx="50" fill="url(#metal)" stroke="#6b7480" stroke-width="6"/>
      <rect x="470" y="300" width="260" height="26" fill="#1c3f8f"/>
      <rect x="450" y="600" width="300" height="120" rx="24" fill="#4b5563"/>
      ${[0, 1, 2, 3, 4, 5].map((i) => `<rect x="${475 + i * 45}" y="625" width="22" height="70" rx="8" fill="#2b2f36"/>`).join('')}
      <rect x="480" y="720" width="240" height="50" rx="12" fill="#374151"/>`, '#e6f4f1'),
  },
  'MP-BP-1500': {
    svg: frame(`
      <rect x="200" y="700" width="800" height="46" rx="10" fill="#4b5563"/>
      <rect x="240" y="300" width="300" height="400" rx="150" fill="#c0392b"/>
      <rect x="330" y="230" width="120" height="80" rx="12" fill="#922b21"/>
      <rect x="620" y="360" width="150" height="340" rx="30" fill="url(#blue)"/>
      ${[0, 1, 2, 3].map((i) => `<rect x="630" y="${390 + i * 75}" width="130" height="14" rx="7" fill="#16357a" opacity=".7"/>`).join('')}
      <circle cx="860" cy="520" r="90" fill="url(#metal)" stroke="#6b7480" stroke-width="6"/>
      <rect x="540" y="470" width="80" height="40" fill="#6b7480"/>
      <circle cx="395" cy="180" r="46" fill="#ffffff" stroke="#4b5563" stroke-width="8"/>
      <path d="M 395 180 L 420 158" stroke="#c0392b" stroke-width="8" stroke-linecap="round"/>`, '#fbeeee'),
  },
  'MP-DP-400': {
    svg: frame(`
      <rect x="500" y="120" width="200" height="34" rx="16" fill="none" stroke="#4b5563" stroke-width="14"/>
      <rect x="460" y="160" width="280" height="420" rx="60" fill="#c0392b"/>
      <rect x="460" y="300" width="280" height="24" fill="#922b21"/>
      <rect x="430" y="570" width="340" height="130" rx="28" fill="#4b5563"/>
      ${[0, 1, 2, 3, 4, 5, 6].map((i) => `<rect x="${455 + i * 44}" y="598" width="22" height="76" rx="8" fill="#2b2f36"/>`).join('')}
      <path d="M 740 240 C 860 240 900 330 900 420" fill="none" stroke="#2b2f36" stroke-width="34" stroke-linecap="round"/>
      <circle cx="330" cy="640" r="40" fill="#f4d03f" stroke="#4b5563" stroke-width="6"/>`, '#fbeeee'),
  },
}

/** A PNG of the product with this part number, or null when the demo catalog has no picture of it. */
export async function demoProductPicture(mpn: string): Promise<Uint8Array | null> {
  const picture = PICTURES[mpn]
  if (!picture) return null
  return new Uint8Array(await sharp(Buffer.from(picture.svg)).png().toBuffer())
}

/** Gives every demo product without an image its picture (idempotent: a product with one is left alone). */
export async function seedDemoImages(em: EntityManager, storage: FileStorage): Promise<number> {
  let added = 0
  for (const mpn of Object.keys(PICTURES)) {
    const product = await em.findOne(Product, { mpn })
    if (!product || (await em.count(ProductImage, { productId: product.id }))) continue
    const stored = await storeProductImage(em, storage, product, (await demoProductPicture(mpn))!)
    if (!stored.ok) throw new Error(`the demo picture of ${mpn} was refused: ${stored.error.code}`)
    added++
  }
  return added
}
