import { Enums, metaData, utilities, type Types } from '@cornerstonejs/core';
import dicomImageLoader from '@cornerstonejs/dicom-image-loader/imageLoader';
import type { DecodedPixels, NativeScaling } from './nativeDecoding';

const { MetadataModules, ImageQualityStatus } = Enums;

interface VoiLutModule {
  windowCenter?: number[];
  windowWidth?: number[];
  voiLUTFunction?: string[] | string;
  voiLutFunction?: string;
  voiLUTSequence?: unknown[];
}

interface ModalityLutModule {
  rescaleIntercept?: number;
  rescaleSlope?: number;
  modalityLUTSequence?: unknown[];
}

function sameScaling(loader: NativeScaling | undefined, decoded: NativeScaling | undefined): boolean {
  if (!loader || !decoded) return loader === decoded;
  return (
    // PET's and RT dose's parameters have more than these three: never decoded in the worker.
    Object.keys(loader).length === 3 &&
    loader.rescaleSlope === decoded.rescaleSlope &&
    loader.rescaleIntercept === decoded.rescaleIntercept &&
    loader.modality === decoded.modality
  );
}

/**
 * The Cornerstone image of a greyscale frame decoded in the series' worker (nativeDecoding.ts), as
 * the image loader would have made it of the same frame (its createImage for a greyscale image, and
 * the WADO-RS loader's additions), from the metadata the loader reads. Undefined where the loader's
 * reading of the metadata differs from what the worker decoded with (another provider answers for
 * the image): the frame is then fetched and decoded by the loader.
 */
export function imageOfDecodedPixels(
  imageId: string,
  pixels: DecodedPixels,
  transferSyntaxUid: string,
): Types.IImage | undefined {
  const imageFrame = dicomImageLoader.getImageFrame(imageId);
  const { rows, columns, photometricInterpretation } = imageFrame;
  if (
    imageFrame.samplesPerPixel !== 1 ||
    (photometricInterpretation !== 'MONOCHROME1' && photometricInterpretation !== 'MONOCHROME2') ||
    rows * columns !== pixels.pixelData.length
  )
    return undefined;
  const scalingParameters = dicomImageLoader.getScalingParameters(metaData, imageId) as
    NativeScaling | undefined;
  if (!sameScaling(scalingParameters, pixels.scaling)) return undefined;

  const { pixelData } = pixels;
  Object.assign(imageFrame, {
    pixelData,
    pixelDataLength: pixelData.length,
    smallestPixelValue: pixels.smallest,
    largestPixelValue: pixels.largest,
    preScale: scalingParameters ? { enabled: true, scalingParameters, scaled: true } : undefined,
    decodeTimeInMS: 0,
  });
  const imagePlane = (metaData.get(MetadataModules.IMAGE_PLANE, imageId) ?? {}) as {
    columnPixelSpacing?: number;
    rowPixelSpacing?: number;
  };
  const voiLut = (metaData.get(MetadataModules.VOI_LUT, imageId) ?? {}) as VoiLutModule;
  const modalityLut = (metaData.get(MetadataModules.MODALITY_LUT, imageId) ?? {}) as ModalityLutModule;
  const sopCommon = (metaData.get(MetadataModules.SOP_COMMON, imageId) ?? {}) as { sopClassUID?: string };
  const calibration = metaData.get(MetadataModules.CALIBRATION, imageId) ?? {};
  const voxelManager = utilities.VoxelManager.createImageVoxelManager({
    scalarData: pixelData,
    width: columns,
    height: rows,
    numberOfComponents: 1,
  });
  const image = {
    imageId,
    dataType: pixelData.constructor.name,
    color: false,
    calibration,
    columnPixelSpacing: imagePlane.columnPixelSpacing,
    columns,
    height: rows,
    preScale: imageFrame.preScale,
    intercept: modalityLut.rescaleIntercept ? modalityLut.rescaleIntercept : 0,
    slope: modalityLut.rescaleSlope ? modalityLut.rescaleSlope : 1,
    invert: photometricInterpretation === 'MONOCHROME1',
    minPixelValue: pixels.smallest,
    maxPixelValue: pixels.largest,
    rowPixelSpacing: imagePlane.rowPixelSpacing,
    rows,
    sizeInBytes: pixelData.byteLength,
    width: columns,
    windowCenter: voiLut.windowCenter ? voiLut.windowCenter[0] : undefined,
    windowWidth: voiLut.windowWidth ? voiLut.windowWidth[0] : undefined,
    voiLUTFunction:
      (voiLut.voiLUTFunction?.length && voiLut.voiLUTFunction[0]) || voiLut.voiLutFunction || undefined,
    decodeTimeInMS: 0,
    floatPixelData: undefined,
    imageFrame,
    voxelManager,
    rgba: false,
    getPixelData: () => imageFrame.pixelData,
    getCanvas: undefined,
    numberOfComponents: 1,
    loadTimeInMS: 0,
    transferSyntaxUID: transferSyntaxUid,
    imageQualityStatus: ImageQualityStatus.FULL_RESOLUTION,
  } as unknown as Types.IImage;
  if (
    modalityLut.modalityLUTSequence?.length &&
    dicomImageLoader.isModalityLUTForDisplay(sopCommon.sopClassUID as string)
  )
    image.modalityLUT = modalityLut.modalityLUTSequence[0] as Types.IImage['modalityLUT'];
  if (voiLut.voiLUTSequence?.length) image.voiLUT = voiLut.voiLUTSequence[0] as Types.IImage['voiLUT'];
  if (image.windowCenter === undefined || image.windowWidth === undefined) {
    const { windowWidth, windowCenter } = utilities.windowLevel.toWindowLevel(
      pixels.smallest,
      pixels.largest,
    );
    image.windowWidth = windowWidth;
    image.windowCenter = windowCenter;
  }
  return image;
}
