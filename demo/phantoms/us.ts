import { DEMO_US } from '../catalog/images';
import { hash3 } from './noise';

/** How far the chamber is open in a frame: 0 (contracted) … 1 (filled), one beat every `beatFrames`. */
export function chamberFilling(frame: number): number {
  return 0.5 + 0.5 * Math.sin((2 * Math.PI * frame) / DEMO_US.beatFrames);
}

/** One frame of an apical ultrasound view: a sector with speckle and a chamber whose size follows the beat. */
export function ultrasoundFrame(frame: number): Uint8Array {
  const { columns, rows, chamberCenter } = DEMO_US;
  const out = new Uint8Array(rows * columns);
  const apexX = columns / 2;
  const beat = chamberFilling(frame);
  const [chamberX, chamberY] = chamberCenter;
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < columns; x++) {
      const dx = x - apexX;
      const depth = Math.sqrt(dx * dx + (y + 20) * (y + 20));
      const angle = Math.atan2(dx, y + 20);
      if (Math.abs(angle) > 0.75 || depth > rows - 10) continue;
      // Speckle changes a little from frame to frame, as it does in a live image.
      const speckle = hash3(x >> 1, y >> 1, frame >> 2) % 60;
      let value = 60 + speckle;
      const chamber = Math.sqrt(
        ((x - chamberX) / (60 + 25 * beat)) ** 2 + ((y - chamberY) / (80 + 30 * beat)) ** 2,
      );
      if (chamber < 1) value = 10 + (speckle % 20);
      else if (chamber < 1.25) value = 170 + speckle;
      out[y * columns + x] = Math.min(255, Math.round(value * (1 - depth / (rows * 1.6))));
    }
  }
  return out;
}
