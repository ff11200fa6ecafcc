import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { appConfigSchema, loadAppConfig, parseAppConfig } from './config';

const minimal = { dicomweb: { qidoRoot: '/dicom-web', wadoRoot: '/dicom-web' } };

describe('parseAppConfig', () => {
  it('accepts the shipped public/config.json', () => {
    const shipped: unknown = JSON.parse(
      readFileSync(new URL('../../public/config.json', import.meta.url), 'utf8'),
    );
    const result = parseAppConfig(shipped);
    expect(result.ok).toBe(true);
  });

  it('fills in defaults', () => {
    const result = parseAppConfig(minimal);
    expect(result).toEqual({
      ok: true,
      config: {
        dicomweb: {
          qidoRoot: '/dicom-web',
          wadoRoot: '/dicom-web',
          stowRoot: null,
          upsRoot: null,
          requestTimeoutMs: 60000,
        },
        branding: { name: 'Fovea' },
        studyList: { maxResults: 200 },
        worklist: { pollIntervalSeconds: 30 },
        viewer: { cacheBytes: 1073741824, maxWebWorkers: 2, renderer: 'auto' },
      },
    });
  });

  it('accepts absolute roots', () => {
    const result = parseAppConfig({
      dicomweb: { qidoRoot: 'https://pacs.example.org/dicom-web', wadoRoot: '/x' },
    });
    expect(result.ok).toBe(true);
  });

  it('names each bad key', () => {
    const result = parseAppConfig({
      dicomweb: { qidoRoot: 'dicom-web', wadoRoot: 5 },
      viewer: { maxWebWorkers: 0, cacheBytes: 1073741824 },
      brandng: {},
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem.problems).toEqual([
      'dicomweb.qidoRoot: must be a path starting with "/" or an http(s) URL',
      'dicomweb.wadoRoot: must be a string',
      'viewer.maxWebWorkers: must be at least 1',
      'brandng: not a known setting (misspelt?)',
    ]);
  });

  it('says when a number is not whole or too large', () => {
    const result = parseAppConfig({ ...minimal, viewer: { maxWebWorkers: 2.5, cacheBytes: 1e12 } });
    expect(result.ok ? [] : result.problem.problems).toEqual([
      'viewer.cacheBytes: must be at most 17179869184',
      'viewer.maxWebWorkers: must be a whole number',
    ]);
  });

  it('documents every key', () => {
    const schema = JSON.stringify(z.toJSONSchema(appConfigSchema));
    for (const key of [
      'qidoRoot',
      'wadoRoot',
      'stowRoot',
      'upsRoot',
      'requestTimeoutMs',
      'name',
      'maxResults',
      'cacheBytes',
      'maxWebWorkers',
      'renderer',
    ]) {
      expect(schema).toContain(`"${key}":{`);
    }
    expect(schema.match(/"description"/g)?.length).toBeGreaterThanOrEqual(13);
  });

  it('accepts the renderer choices and names a wrong one', () => {
    for (const renderer of ['auto', 'webgl', 'cpu']) {
      const result = parseAppConfig({ ...minimal, viewer: { renderer } });
      expect(result.ok && result.config.viewer.renderer).toBe(renderer);
    }
    const result = parseAppConfig({ ...minimal, viewer: { renderer: 'gpu' } });
    expect(result.ok ? [] : result.problem.problems).toEqual([
      'viewer.renderer: must be one of "auto", "webgl", "cpu"',
    ]);
  });

  it('says what is missing', () => {
    const result = parseAppConfig({ dicomweb: { qidoRoot: '/dicom-web' } });
    expect(result.ok ? [] : result.problem.problems).toEqual(['dicomweb.wadoRoot: required']);
  });
});

describe('loadAppConfig', () => {
  const answer = (status: number, body: string) => async () => new Response(body, { status });

  it('loads and validates', async () => {
    const result = await loadAppConfig('/config.json', answer(200, JSON.stringify(minimal)));
    expect(result.ok).toBe(true);
  });

  it('reports a missing file, bad JSON and a network failure', async () => {
    expect(await loadAppConfig('/config.json', answer(404, ''))).toMatchObject({
      ok: false,
      problem: { title: '/config.json could not be loaded', problems: ['HTTP 404'] },
    });
    expect(await loadAppConfig('/config.json', answer(200, '{ "dicomweb": '))).toMatchObject({
      ok: false,
      problem: { title: '/config.json is not valid JSON' },
    });
    const offline = async () => {
      throw new TypeError('Failed to fetch');
    };
    expect(await loadAppConfig('/config.json', offline)).toMatchObject({
      ok: false,
      problem: { problems: ['Failed to fetch'] },
    });
  });
});
