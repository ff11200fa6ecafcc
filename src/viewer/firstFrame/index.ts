export { EarlyImage, useFirstFrame } from './EarlyImage';
export { fetchFirstFrame, firstFrameOf, type FirstFrame } from './firstFrames';
