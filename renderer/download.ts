/** Saving files from the window: text files and charts as PNG images. */

/** Offer a file to the user (a download in a browser; Electron's save handling in the desktop app). */
export function saveFile(fileName: string, data: Blob): void {
  const url = URL.createObjectURL(data);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function saveText(fileName: string, text: string, type = 'text/plain'): void {
  saveFile(fileName, new Blob([text], { type: `${type};charset=utf-8` }));
}

/** A file name from a title: letters, digits and hyphens. */
export function fileNameFor(title: string, extension: string): string {
  const base = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${base || 'joinedup'}.${extension}`;
}

/**
 * Draw a chart's SVG onto a canvas under its title and save it as a PNG at twice the screen resolution. The SVG is
 * copied with its computed text styles so the image matches the screen without the page's stylesheet.
 */
export async function saveSvgAsPng(svg: SVGSVGElement, title: string, subtitle: string, fileName: string): Promise<void> {
  const box = svg.getBoundingClientRect();
  const width = Math.max(1, Math.round(box.width));
  const height = Math.max(1, Math.round(box.height));
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  copy.setAttribute('font-family', getComputedStyle(svg).fontFamily || 'sans-serif');
  copy.setAttribute('font-size', getComputedStyle(svg).fontSize || '12px');
  const text = new XMLSerializer().serializeToString(copy);
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const image = await loadImage(url);
    const scale = 2;
    const header = 56;
    const canvas = document.createElement('canvas');
    canvas.width = width * scale;
    canvas.height = (height + header) * scale;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('This window cannot draw images.');
    ctx.scale(scale, scale);
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height + header);
    ctx.fillStyle = '#1a1a1a';
    ctx.font = '600 16px system-ui, sans-serif';
    ctx.fillText(title, 8, 22);
    ctx.fillStyle = '#4a4a4a';
    ctx.font = '13px system-ui, sans-serif';
    ctx.fillText(subtitle, 8, 42);
    ctx.drawImage(image, 0, header, width, height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('The chart could not be turned into an image.');
    saveFile(fileName, blob);
  } finally {
    URL.revokeObjectURL(url);
  }
}

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('The chart image could not be drawn.'));
    image.src = url;
  });
}
