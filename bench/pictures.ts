/**
 * Picture figures: the first render of each picture in a fresh process
 * (drawing the SVG from the facts, opening the font, rendering the PNG),
 * wall and CPU time; a cached render (the map look-up every later request
 * is); a re-render without the cache, as a steady-state figure; PNG sizes.
 */
import { performance } from "node:perf_hooks";
import { drawPicture } from "../src/pictures/draw.ts";
import { PICTURE_NAMES, renderPicture } from "../src/pictures/index.ts";
import { svgToPng } from "../src/pictures/render.ts";
import { percentile } from "./stats.ts";

const CACHED_ROUNDS = 10_000;
const RERENDERS = 5;

function cpuMs(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

export async function benchPictures(): Promise<void> {
  console.log("Pictures (PNG, 800 px wide)");
  for (const name of PICTURE_NAMES) {
    const cpu = process.cpuUsage();
    const t0 = performance.now();
    const picture = await renderPicture(name);
    const firstMs = performance.now() - t0;
    const firstCpu = cpuMs(cpu);

    const t1 = performance.now();
    for (let i = 0; i < CACHED_ROUNDS; i++) await renderPicture(name);
    const cachedMs = (performance.now() - t1) / CACHED_ROUNDS;

    const { svg } = drawPicture(name);
    const again: number[] = [];
    for (let i = 0; i < RERENDERS; i++) {
      const t = performance.now();
      await svgToPng(svg);
      again.push(performance.now() - t);
    }
    const dark = await renderPicture(name, { theme: "dark" });

    console.log(`  ${name}:`);
    console.log(
      `    first render:     ${firstMs.toFixed(1)} ms wall, ${firstCpu.toFixed(1)} ms CPU (draw + font + PNG)`,
    );
    console.log(`    cached render:    ${(cachedMs * 1000).toFixed(2)} µs`);
    console.log(
      `    PNG re-render:    ${percentile(again, 50).toFixed(1)} ms median of ${RERENDERS}`,
    );
    console.log(
      `    PNG size:         ${(picture.png.length / 1024).toFixed(1)} KB light, ${(dark.png.length / 1024).toFixed(1)} KB dark (${picture.width}x${picture.height})`,
    );
  }
}
