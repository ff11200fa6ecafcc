import { DicomWebClient } from '../dicomweb';
import type { AppConfig } from './config';

/** The app's one DICOMweb client, as config.json describes the archive. */
export function dicomWebClientFor(config: AppConfig): DicomWebClient {
  return new DicomWebClient({
    qidoRoot: config.dicomweb.qidoRoot,
    wadoRoot: config.dicomweb.wadoRoot,
    stowRoot: config.dicomweb.stowRoot,
    upsRoot: config.dicomweb.upsRoot,
    requestTimeoutMs: config.dicomweb.requestTimeoutMs,
  });
}
