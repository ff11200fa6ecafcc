import { describe, expect, it } from 'vitest';
import { parseEventStream, reconnectDelayMs, toStudyArrival } from './studyEvents';

describe('parseEventStream', () => {
  it('splits complete events, skips heartbeats and keeps the unfinished rest for the next chunk', () => {
    const { events, rest } = parseEventStream(
      'retry: 2000\n\n: heartbeat\n\nevent: ready\ndata: {"live":true}\n\nid: 7\nevent: study\ndata: {"a":1}\n\nid: 8\nevent: st',
    );
    expect(events).toEqual([
      { type: 'ready', data: '{"live":true}' },
      { id: '7', type: 'study', data: '{"a":1}' },
    ]);
    expect(rest).toBe('id: 8\nevent: st');
    const next = parseEventStream(`${rest}udy\ndata: {"a":2}\n\n`);
    expect(next.events).toEqual([{ id: '8', type: 'study', data: '{"a":2}' }]);
  });

  it('joins multi-line data, reads CRLF streams and names untyped events "message"', () => {
    expect(parseEventStream('data: one\r\ndata: two\r\n\r\n').events).toEqual([
      { type: 'message', data: 'one\ntwo' },
    ]);
  });
});

describe('toStudyArrival', () => {
  it('reads a study event and refuses anything else', () => {
    expect(
      toStudyArrival(
        '{"seq":4,"studyInstanceUid":"1.2","accessionNumber":"A1","modalities":["OP"],"numberOfInstances":2,"stable":false}',
      ),
    ).toEqual({
      seq: 4,
      studyInstanceUid: '1.2',
      accessionNumber: 'A1',
      modalities: ['OP'],
      numberOfInstances: 2,
      stable: false,
    });
    expect(toStudyArrival('{"live":true}')).toBeUndefined();
    expect(toStudyArrival('not json')).toBeUndefined();
  });
});

describe('reconnectDelayMs', () => {
  it('backs off to a steady 8 s', () => {
    expect([0, 1, 2, 3, 10].map(reconnectDelayMs)).toEqual([1000, 2000, 4000, 8000, 8000]);
  });
});
