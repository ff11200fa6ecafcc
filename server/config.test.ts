import { describe, expect, it } from 'vitest';
import { readGatewayConfig } from './config';
import { contentSecurityPolicy } from './headers';

describe('readGatewayConfig', () => {
  it('applies defaults and strips the trailing slash of the PACS root', () => {
    const config = readGatewayConfig({ FOVEA_PACS_URL: 'http://127.0.0.1:8042/dicom-web/' });
    expect(config.port).toBe(8080);
    expect(config.host).toBe('127.0.0.1');
    expect(config.pacs.url.href).toBe('http://127.0.0.1:8042/dicom-web');
    expect(config.pacs.authorization).toBeUndefined();
    expect(config.frameAncestors).toBe("'self'");
  });

  it('builds a Basic authorization from username and password', () => {
    const config = readGatewayConfig({
      FOVEA_PACS_URL: 'https://pacs.example/dicomweb',
      FOVEA_PACS_USERNAME: 'fovea',
      FOVEA_PACS_PASSWORD: 's3cret',
    });
    expect(config.pacs.authorization).toBe(`Basic ${Buffer.from('fovea:s3cret').toString('base64')}`);
  });

  it('prefers an explicit Authorization header value', () => {
    const config = readGatewayConfig({
      FOVEA_PACS_URL: 'https://pacs.example/dicomweb',
      FOVEA_PACS_USERNAME: 'fovea',
      FOVEA_PACS_AUTHORIZATION: 'Bearer abc',
    });
    expect(config.pacs.authorization).toBe('Bearer abc');
  });

  it('names the variable that is wrong', () => {
    expect(() => readGatewayConfig({ FOVEA_PACS_URL: 'ftp://x' })).toThrow(/FOVEA_PACS_URL/);
    expect(() => readGatewayConfig({ FOVEA_PACS_URL: 'http://x', FOVEA_PORT: '99999' })).toThrow(
      /FOVEA_PORT/,
    );
    expect(() => readGatewayConfig({})).toThrow(/FOVEA_PACS_URL/);
    expect(() =>
      readGatewayConfig({ FOVEA_PACS_URL: 'http://x', FOVEA_FRAME_ANCESTORS: "'self'; script-src *" }),
    ).toThrow(/FOVEA_FRAME_ANCESTORS/);
  });
});

describe('worklist and change feed sources', () => {
  const pacs = { FOVEA_PACS_URL: 'http://127.0.0.1:8042/dicom-web', FOVEA_PACS_AUTHORIZATION: 'Basic eA==' };

  it('queries a worklist SCP over DICOM when one is named by host, even beside an Orthanc', () => {
    const config = readGatewayConfig({
      ...pacs,
      FOVEA_MWL_ORTHANC_URL: 'http://127.0.0.1:8042',
      FOVEA_MWL_HOST: 'ris.example.org',
      FOVEA_MWL_PORT: '11112',
      FOVEA_MWL_CALLED_AET: 'RIS',
    });
    expect(config.worklist).toEqual({
      kind: 'dimse',
      host: 'ris.example.org',
      port: 11112,
      calledAet: 'RIS',
      callingAet: 'FOVEA',
      timeoutMs: 30_000,
    });
    expect(
      readGatewayConfig({ ...pacs, FOVEA_MWL_ORTHANC_URL: 'http://127.0.0.1:8042' }).worklist?.kind,
    ).toBe('orthanc');
    expect(readGatewayConfig(pacs).worklist).toBeUndefined();
    expect(() => readGatewayConfig({ ...pacs, FOVEA_MWL_HOST: 'ris', FOVEA_MWL_CALLED_AET: 'A\\B' })).toThrow(
      /FOVEA_MWL_CALLED_AET/,
    );
  });

  it("reads the change feed of the Orthanc behind an Orthanc-style DICOMweb root, with the PACS's credentials", () => {
    expect(readGatewayConfig(pacs).events).toEqual({
      orthancUrl: 'http://127.0.0.1:8042',
      authorization: 'Basic eA==',
    });
    expect(readGatewayConfig({ FOVEA_PACS_URL: 'https://pacs.example/wado-rs' }).events).toBeUndefined();
    expect(
      readGatewayConfig({
        FOVEA_PACS_URL: 'https://pacs.example/wado-rs',
        FOVEA_EVENTS_ORTHANC_URL: 'http://o:8042/',
      }).events,
    ).toEqual({ orthancUrl: 'http://o:8042', authorization: undefined });
  });
});

describe('contentSecurityPolicy', () => {
  it('allows framing only by the configured origins', () => {
    const csp = contentSecurityPolicy("'self' https://ehr.example.org");
    expect(csp).toContain("frame-ancestors 'self' https://ehr.example.org");
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("object-src 'none'");
  });
});
