export { EarlyImage, useFirstFrame } from './EarlyImage';
export {
  fetchFirstFrame,
  firstFrameOf,
  holdImageCodeForEarlyImage,
  imageCodeMayLoad,
  releaseImageCode,
  releaseImageCodeAfter,
  type FirstFrame,
} from './firstFrames';
