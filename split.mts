import { readFileSync, writeFileSync } from 'node:fs';
import { PNG } from 'pngjs';
const src = PNG.sync.read(readFileSync(process.argv[2] as string));
const [from, to] = [Number(process.argv[3]), Number(process.argv[4])];
const out = new PNG({ width: src.width, height: to - from });
src.data.copy(out.data, 0, from * src.width * 4, to * src.width * 4);
writeFileSync(process.argv[5] as string, PNG.sync.write(out));
