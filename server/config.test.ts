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

describe('contentSecurityPolicy', () => {
  it('allows framing only by the configured origins', () => {
    const csp = contentSecurityPolicy("'self' https://ehr.example.org");
    expect(csp).toContain("frame-ancestors 'self' https://ehr.example.org");
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("object-src 'none'");
  });
});
