/**
 * The attributes of the Visual Field Static Perimetry Measurements IOD (PS3.3 A.65, modules C.8.30.3.x)
 * that the report reads, with tag and VR. Each entry was checked against the dictionaries of dcmjs
 * 0.52 and dcmtk 3.6.7 (/usr/share/libdcmtk17/dicom.dic); opvTags.test.ts checks them again against both.
 */
export const OPV_TAGS = {
  // Visual Field Static Perimetry Test Parameters (C.8.30.3.1)
  VisualFieldHorizontalExtent: { tag: '00240010', vr: 'FL' }, // (0024,0010) FL
  VisualFieldVerticalExtent: { tag: '00240011', vr: 'FL' }, // (0024,0011) FL
  MaximumStimulusLuminance: { tag: '00240018', vr: 'FL' }, // (0024,0018) FL, cd/m²
  BackgroundLuminance: { tag: '00240020', vr: 'FL' }, // (0024,0020) FL, cd/m²
  StimulusColorCodeSequence: { tag: '00240021', vr: 'SQ' }, // (0024,0021) SQ
  BackgroundIlluminationColorCodeSequence: { tag: '00240024', vr: 'SQ' }, // (0024,0024) SQ
  StimulusArea: { tag: '00240025', vr: 'FL' }, // (0024,0025) FL, square degrees
  StimulusPresentationTime: { tag: '00240028', vr: 'FL' }, // (0024,0028) FL, ms
  // Visual Field Static Perimetry Test Reliability (C.8.30.3.2)
  FixationSequence: { tag: '00240032', vr: 'SQ' }, // (0024,0032) SQ
  FixationMonitoringCodeSequence: { tag: '00240033', vr: 'SQ' }, // (0024,0033) SQ
  FixationCheckedQuantity: { tag: '00240035', vr: 'US' }, // (0024,0035) US
  PatientNotProperlyFixatedQuantity: { tag: '00240036', vr: 'US' }, // (0024,0036) US
  ExcessiveFixationLossesDataFlag: { tag: '00240039', vr: 'CS' }, // (0024,0039) CS
  ExcessiveFixationLosses: { tag: '00240040', vr: 'CS' }, // (0024,0040) CS
  VisualFieldCatchTrialSequence: { tag: '00240034', vr: 'SQ' }, // (0024,0034) SQ
  CatchTrialsDataFlag: { tag: '00240055', vr: 'CS' }, // (0024,0055) CS
  NegativeCatchTrialsQuantity: { tag: '00240048', vr: 'US' }, // (0024,0048) US
  FalseNegativesQuantity: { tag: '00240050', vr: 'US' }, // (0024,0050) US
  FalseNegativesEstimateFlag: { tag: '00240045', vr: 'CS' }, // (0024,0045) CS
  FalseNegativesEstimate: { tag: '00240046', vr: 'FL' }, // (0024,0046) FL, percent
  ExcessiveFalseNegativesDataFlag: { tag: '00240051', vr: 'CS' }, // (0024,0051) CS
  ExcessiveFalseNegatives: { tag: '00240052', vr: 'CS' }, // (0024,0052) CS
  PositiveCatchTrialsQuantity: { tag: '00240056', vr: 'US' }, // (0024,0056) US
  FalsePositivesQuantity: { tag: '00240060', vr: 'US' }, // (0024,0060) US
  FalsePositivesEstimateFlag: { tag: '00240053', vr: 'CS' }, // (0024,0053) CS
  FalsePositivesEstimate: { tag: '00240054', vr: 'FL' }, // (0024,0054) FL, percent
  ExcessiveFalsePositivesDataFlag: { tag: '00240061', vr: 'CS' }, // (0024,0061) CS
  ExcessiveFalsePositives: { tag: '00240062', vr: 'CS' }, // (0024,0062) CS
  // Visual Field Static Perimetry Test Measurements (C.8.30.3.3)
  MeasurementLaterality: { tag: '00240113', vr: 'CS' }, // (0024,0113) CS
  VisualFieldTestDuration: { tag: '00240088', vr: 'FL' }, // (0024,0088) FL, seconds
  FovealSensitivityMeasured: { tag: '00240086', vr: 'CS' }, // (0024,0086) CS
  FovealSensitivity: { tag: '00240087', vr: 'FL' }, // (0024,0087) FL, dB
  BlindSpotLocalized: { tag: '00240106', vr: 'CS' }, // (0024,0106) CS
  BlindSpotXCoordinate: { tag: '00240107', vr: 'FL' }, // (0024,0107) FL, degrees
  BlindSpotYCoordinate: { tag: '00240108', vr: 'FL' }, // (0024,0108) FL, degrees
  MinimumSensitivityValue: { tag: '00240105', vr: 'FL' }, // (0024,0105) FL, dB
  VisualFieldTestPointSequence: { tag: '00240089', vr: 'SQ' }, // (0024,0089) SQ
  VisualFieldTestPointXCoordinate: { tag: '00240090', vr: 'FL' }, // (0024,0090) FL, degrees
  VisualFieldTestPointYCoordinate: { tag: '00240091', vr: 'FL' }, // (0024,0091) FL, degrees
  StimulusResults: { tag: '00240093', vr: 'CS' }, // (0024,0093) CS: SEEN, NOT SEEN, NOT TESTED
  SensitivityValue: { tag: '00240094', vr: 'FL' }, // (0024,0094) FL, dB
  VisualFieldTestPointNormalsSequence: { tag: '00240097', vr: 'SQ' }, // (0024,0097) SQ
  AgeCorrectedSensitivityDeviationValue: { tag: '00240092', vr: 'FL' }, // (0024,0092) FL, dB
  AgeCorrectedSensitivityDeviationProbabilityValue: { tag: '00240100', vr: 'FL' }, // (0024,0100) FL, %
  GeneralizedDefectCorrectedSensitivityDeviationFlag: { tag: '00240102', vr: 'CS' }, // (0024,0102) CS
  GeneralizedDefectCorrectedSensitivityDeviationValue: { tag: '00240103', vr: 'FL' }, // (0024,0103) FL, dB
  GeneralizedDefectCorrectedSensitivityDeviationProbabilityValue: { tag: '00240104', vr: 'FL' }, // (0024,0104) FL, %
  // Visual Field Static Perimetry Test Results (C.8.30.3.4)
  VisualFieldMeanSensitivity: { tag: '00240070', vr: 'FL' }, // (0024,0070) FL, dB
  ResultsNormalsSequence: { tag: '00240064', vr: 'SQ' }, // (0024,0064) SQ
  GlobalDeviationFromNormal: { tag: '00240066', vr: 'FL' }, // (0024,0066) FL, dB (MD)
  GlobalDeviationProbabilitySequence: { tag: '00240083', vr: 'SQ' }, // (0024,0083) SQ
  GlobalDeviationProbability: { tag: '00240071', vr: 'FL' }, // (0024,0071) FL, %
  LocalizedDeviationFromNormal: { tag: '00240068', vr: 'FL' }, // (0024,0068) FL, dB (PSD)
  LocalizedDeviationProbabilitySequence: { tag: '00240085', vr: 'SQ' }, // (0024,0085) SQ
  LocalizedDeviationProbability: { tag: '00240073', vr: 'FL' }, // (0024,0073) FL, %
  VisualFieldGlobalResultsIndexSequence: { tag: '00240320', vr: 'SQ' }, // (0024,0320) SQ
  DataObservationSequence: { tag: '00240325', vr: 'SQ' }, // (0024,0325) SQ
  // Content items and codes (PS3.3 C.17.3, Table 8.8-1)
  ValueType: { tag: '0040A040', vr: 'CS' }, // (0040,A040) CS
  ConceptNameCodeSequence: { tag: '0040A043', vr: 'SQ' }, // (0040,A043) SQ
  ConceptCodeSequence: { tag: '0040A168', vr: 'SQ' }, // (0040,A168) SQ
  MeasuredValueSequence: { tag: '0040A300', vr: 'SQ' }, // (0040,A300) SQ
  NumericValue: { tag: '0040A30A', vr: 'DS' }, // (0040,A30A) DS
  CodeValue: { tag: '00080100', vr: 'SH' }, // (0008,0100) SH
  CodingSchemeDesignator: { tag: '00080102', vr: 'SH' }, // (0008,0102) SH
  CodeMeaning: { tag: '00080104', vr: 'LO' }, // (0008,0104) LO
  // General and OPV series, equipment, procedure step (C.7.3.1, C.8.30.2, C.7.5.1, C.4.14)
  PerformedProtocolCodeSequence: { tag: '00400260', vr: 'SQ' }, // (0040,0260) SQ
  PerformedProcedureStepStartDate: { tag: '00400244', vr: 'DA' }, // (0040,0244) DA
  PerformedProcedureStepStartTime: { tag: '00400245', vr: 'TM' }, // (0040,0245) TM
  ContentDate: { tag: '00080023', vr: 'DA' }, // (0008,0023) DA
  ContentTime: { tag: '00080033', vr: 'TM' }, // (0008,0033) TM
  Manufacturer: { tag: '00080070', vr: 'LO' }, // (0008,0070) LO
  ManufacturerModelName: { tag: '00081090', vr: 'LO' }, // (0008,1090) LO
  StationName: { tag: '00081010', vr: 'SH' }, // (0008,1010) SH
} as const;

export type OpvKeyword = keyof typeof OPV_TAGS;
