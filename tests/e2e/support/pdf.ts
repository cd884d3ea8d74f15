// The text of a PDF (a saved receipt, an email attachment), read with pdfjs.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export async function pdfText(bytes: Uint8Array): Promise<string> {
  const task = getDocument({ data: new Uint8Array(bytes) });
  const doc = await task.promise;
  const parts: string[] = [];
  for (let n = 1; n <= doc.numPages; n += 1) {
    const content = await (await doc.getPage(n)).getTextContent();
    for (const item of content.items) if ('str' in item) parts.push(item.str);
  }
  await task.destroy();
  // Chromium splits lines and ligatures ("fi") into separate runs: join and squeeze the spaces.
  return parts.join(' ').replace(/\s+/g, ' ');
}
