/**
 * Reads a PNG far enough to know it is whole: the signature, the header's
 * size, and the image data inflating to exactly one filter byte plus one row
 * of pixels per line.
 */
import assert from "node:assert/strict";
import { inflateSync } from "node:zlib";

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Bytes per pixel by PNG colour type (8-bit samples). */
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

export function decodePngSize(png: Buffer): { width: number; height: number } {
  assert.ok(png.subarray(0, 8).equals(SIGNATURE), "a PNG signature");
  let offset = 8;
  let width = 0;
  let height = 0;
  let bytesPerPixel = 0;
  const data: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString("latin1", offset + 4, offset + 8);
    const chunk = png.subarray(offset + 8, offset + 8 + length);
    if (type === "IHDR") {
      width = chunk.readUInt32BE(0);
      height = chunk.readUInt32BE(4);
      assert.equal(chunk[8], 8, "8-bit samples");
      bytesPerPixel = CHANNELS[chunk[9] ?? -1] ?? 0;
    } else if (type === "IDAT") {
      data.push(chunk);
    } else if (type === "IEND") {
      break;
    }
    offset += 12 + length;
  }
  assert.ok(bytesPerPixel > 0, "a known colour type");
  const pixels = inflateSync(Buffer.concat(data));
  assert.equal(pixels.length, height * (1 + width * bytesPerPixel), "image data for every row");
  return { width, height };
}
