import { describe, expect, it } from 'vitest';
import { answerTransfers, requestTransfers, withTransfers } from './pixelTransfer';

const call = (value: unknown) => ({
  id: 'a-b',
  type: 'APPLY',
  path: ['decodeTask'],
  argumentList: [{ type: 'RAW', value }],
});

describe('requestTransfers', () => {
  it('names the frame buffer of a decode call when it may be transferred', () => {
    const frame = new ArrayBuffer(16);
    const pixelData = new Uint8Array(frame);
    expect(requestTransfers(call({ pixelData, transferSyntax: '1.2.840.10008.1.2.1' }), () => true)).toEqual([
      frame,
    ]);
    expect(requestTransfers(call({ pixelData }), (buffer) => buffer !== frame)).toEqual([]);
  });

  it('leaves other messages, shared buffers and values without pixels alone', () => {
    const pixelData = new Uint8Array(8);
    expect(requestTransfers({ type: 'GET', path: ['x'] }, () => true)).toEqual([]);
    expect(
      requestTransfers(
        { ...call({ pixelData }), argumentList: [{ type: 'HANDLER', value: {} }] },
        () => true,
      ),
    ).toEqual([]);
    expect(
      requestTransfers(call({ pixelData: new Uint8Array(new SharedArrayBuffer(8)) }), () => true),
    ).toEqual([]);
    expect(requestTransfers(call({ pixelData: [1, 2, 3] }), () => true)).toEqual([]);
    expect(requestTransfers(call(undefined), () => true)).toEqual([]);
    expect(requestTransfers(null, () => true)).toEqual([]);
  });
});

describe('answerTransfers', () => {
  it("names the decoded pixels of a worker's answer", () => {
    const pixels = new Int16Array(4);
    expect(answerTransfers({ id: 'a', type: 'RAW', value: { pixelData: pixels, rows: 2 } })).toEqual([
      pixels.buffer,
    ]);
  });

  it('leaves errors, callbacks, shared and empty buffers alone', () => {
    expect(
      answerTransfers({ id: 'a', type: 'HANDLER', name: 'throw', value: { value: new Error('x') } }),
    ).toEqual([]);
    expect(
      answerTransfers({
        id: 'a',
        type: 'RAW',
        value: { pixelData: new Int16Array(new SharedArrayBuffer(8)) },
      }),
    ).toEqual([]);
    expect(answerTransfers({ id: 'a', type: 'RAW', value: { pixelData: new Int16Array(0) } })).toEqual([]);
    expect(answerTransfers({ id: 'a', type: 'RAW', value: 3 })).toEqual([]);
  });
});

describe('withTransfers', () => {
  it('adds each buffer once to what the caller transfers', () => {
    const a = new ArrayBuffer(1);
    const b = new ArrayBuffer(1);
    expect(withTransfers(undefined, [a])).toEqual([a]);
    expect(withTransfers([a], [a, b])).toEqual([a, b]);
  });
});
