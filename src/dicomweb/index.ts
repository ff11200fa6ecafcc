export { DicomWebClient, type DicomWebClientOptions, type RequestOptions, type StudyPage } from './client';
export { PacsError, isAbortError, toPacsError, type PacsErrorKind } from './errors';
export { MultipartError, MultipartReader, multipartBoundaryOf, type MultipartPart } from './multipartReader';
export { retryDelayMs } from './retry';
export { patientNamePattern, type StudySearch } from './studyQuery';
export {
  followStudyEvents,
  parseEventStream,
  type LiveState,
  type StudyArrival,
  type StudyEventHandlers,
} from './studyEvents';
