import { SOP_CLASSES } from '../catalog/images';
import { UndefinedLengthSequence, type Dataset } from '../dicom/writer';
import {
  codeItem,
  patientAndStudy,
  seriesAndEquipment,
  sopCommon,
  type SeriesContext,
  type StudyContext,
} from '../instances/common';
import {
  TEST_PATTERNS,
  TEST_STRATEGIES,
  type Code,
  type GlaucomaHemifieldTestResult,
  type VisualFieldResult,
} from './model';

// Visual Field Static Perimetry Measurements IOD (PS3.3 A.65). Each attribute is named by its keyword;
// the writer takes tag and VR from ../dicom/dictionary, which a test checks against dcmtk's dictionary.

/** Stimulus and background colour (SNOMED CT "White"). */
const WHITE: Code = { value: '371251000', scheme: 'SCT', meaning: 'White' };
/** PS3.16 CID 4253 (Visual Field Static Perimetry Fixation Strategy). */
const BLIND_SPOT_MONITORING: Code = { value: '111844', scheme: 'DCM', meaning: 'Blind Spot Monitoring' };
/** PS3.16 CID 4257 (Visual Field Global Index Name). */
const VISUAL_FIELD_INDEX: Code = { value: '111852', scheme: 'DCM', meaning: 'Visual Field Index' };
const GLAUCOMA_HEMIFIELD_TEST: Code = {
  value: '111855',
  scheme: 'DCM',
  meaning: 'Glaucoma Hemifield Test Analysis',
};
/** PS3.16 CID 4254 (Visual Field Static Perimetry Test Analysis Result). */
const GHT_RESULTS: Record<GlaucomaHemifieldTestResult, Code> = {
  'Within normal limits': { value: '125112009', scheme: 'SCT', meaning: 'Within normal limits' },
  Borderline: { value: '111848', scheme: 'DCM', meaning: 'Borderline' },
  'Outside normal limits': { value: '111847', scheme: 'DCM', meaning: 'Outside normal limits' },
  'General reduction in sensitivity': {
    value: '111850',
    scheme: 'DCM',
    meaning: 'General reduction in sensitivity',
  },
};
const PERCENT: Code = { value: '%', scheme: 'UCUM', meaning: 'percent' };
/** The normative model the deviations and probabilities come from: the demo's own, so a local code. */
const NORMALS_ALGORITHM: Code = {
  value: 'FOVEA-NORMALS',
  scheme: '99FOVEA',
  meaning: 'Fovea demonstration normative model',
};

const algorithm = (name: string): Dataset => ({
  AlgorithmFamilyCodeSequence: [codeItem(NORMALS_ALGORITHM)],
  AlgorithmName: name,
  AlgorithmVersion: '1',
});
const normalsDataSet: Dataset = {
  DataSetName: 'Fovea demonstration normals',
  DataSetVersion: '1',
  DataSetSource: 'Fovea',
  DataSetDescription: 'Age-linear normal thresholds; synthetic, for demonstration only',
};
const flag = (yes: boolean) => (yes ? 'YES' : 'NO');

/** Goldmann size III (0.43° across) in square degrees, white on a 31.5 asb (10 cd/m²) bowl. */
const STIMULUS = {
  areaSquareDegrees: 0.1452,
  maximumLuminance: 3183,
  backgroundLuminance: 10,
  durationMs: 200,
};

/** The measurement modules of one eye's test, from the result alone. */
export function visualFieldAttributes(result: VisualFieldResult): Dataset {
  const pattern = TEST_PATTERNS[result.pattern];
  const r = result.reliability;
  const clinicalInformation: Dataset[] = [
    {
      RefractiveParametersUsedOnPatientSequence: [
        {
          SphericalLensPower: result.trialLens.sphere,
          CylinderLensPower: result.trialLens.cylinder,
          CylinderAxis: result.trialLens.axis,
        },
      ],
      PupilSize: result.pupilDiameterMm,
      PupilDilated: 'NO',
    },
  ];
  return {
    // Visual Field Static Perimetry Test Parameters module (C.8.30.3.1).
    VisualFieldHorizontalExtent: pattern.extentDegrees.horizontal,
    VisualFieldVerticalExtent: pattern.extentDegrees.vertical,
    VisualFieldShape: 'RECTANGLE',
    MaximumStimulusLuminance: STIMULUS.maximumLuminance,
    BackgroundLuminance: STIMULUS.backgroundLuminance,
    StimulusColorCodeSequence: [codeItem(WHITE)],
    BackgroundIlluminationColorCodeSequence: [codeItem(WHITE)],
    StimulusArea: STIMULUS.areaSquareDegrees,
    StimulusPresentationTime: STIMULUS.durationMs,

    // Visual Field Static Perimetry Test Reliability module (C.8.30.3.2).
    FixationSequence: [
      {
        FixationMonitoringCodeSequence: [codeItem(BLIND_SPOT_MONITORING)],
        FixationCheckedQuantity: r.fixationChecks,
        PatientNotProperlyFixatedQuantity: r.fixationLosses,
        ExcessiveFixationLossesDataFlag: 'YES',
        ExcessiveFixationLosses: flag(r.fixationLosses / r.fixationChecks > 0.2),
      },
    ],
    VisualFieldCatchTrialSequence: [
      {
        CatchTrialsDataFlag: 'YES',
        NegativeCatchTrialsQuantity: r.negativeCatchTrials,
        FalseNegativesQuantity: r.falseNegatives,
        FalseNegativesEstimateFlag: 'YES',
        FalseNegativesEstimate: result.falseNegativePercent,
        ExcessiveFalseNegativesDataFlag: 'YES',
        ExcessiveFalseNegatives: flag(result.falseNegativePercent > 33),
        PositiveCatchTrialsQuantity: r.positiveCatchTrials,
        FalsePositivesQuantity: r.falsePositives,
        FalsePositivesEstimateFlag: 'YES',
        FalsePositivesEstimate: result.falsePositivePercent,
        ExcessiveFalsePositivesDataFlag: 'YES',
        ExcessiveFalsePositives: flag(result.falsePositivePercent > 15),
      },
    ],

    // Visual Field Static Perimetry Test Measurements module (C.8.30.3.3).
    MeasurementLaterality: result.eye,
    PresentedVisualStimuliDataFlag: 'YES',
    NumberOfVisualStimuli:
      result.points.length * 4 + r.positiveCatchTrials + r.negativeCatchTrials + r.fixationChecks,
    VisualFieldTestDuration: result.durationSeconds,
    FovealSensitivityMeasured: 'YES',
    FovealSensitivity: result.fovealSensitivityDb,
    FovealPointNormativeDataFlag: 'NO',
    ScreeningBaselineMeasured: 'NO',
    BlindSpotLocalized: 'YES',
    BlindSpotXCoordinate: result.blindSpot.x,
    BlindSpotYCoordinate: result.blindSpot.y,
    MinimumSensitivityValue: result.minimumSensitivityDb,
    TestPointNormalsDataFlag: 'YES',
    TestPointNormalsSequence: [normalsDataSet],
    AgeCorrectedSensitivityDeviationAlgorithmSequence: [algorithm('Total deviation')],
    GeneralizedDefectSensitivityDeviationAlgorithmSequence: [algorithm('Pattern deviation')],
    // Written with undefined length, as many perimeters do, so that readers meet both encodings.
    VisualFieldTestPointSequence: new UndefinedLengthSequence(
      result.points.map((p) => ({
        VisualFieldTestPointXCoordinate: p.x,
        VisualFieldTestPointYCoordinate: p.y,
        StimulusResults: p.seen ? 'SEEN' : 'NOT SEEN',
        SensitivityValue: p.sensitivityDb,
        VisualFieldTestPointNormalsSequence: [
          {
            AgeCorrectedSensitivityDeviationValue: p.totalDeviationDb,
            AgeCorrectedSensitivityDeviationProbabilityValue: p.totalDeviationProbability,
            GeneralizedDefectCorrectedSensitivityDeviationFlag: 'YES',
            GeneralizedDefectCorrectedSensitivityDeviationValue: p.patternDeviationDb,
            GeneralizedDefectCorrectedSensitivityDeviationProbabilityValue: p.patternDeviationProbability,
          },
        ],
      })),
    ),

    // Visual Field Static Perimetry Test Results module (C.8.30.3.4).
    VisualFieldMeanSensitivity: result.meanSensitivityDb,
    VisualFieldTestNormalsFlag: 'YES',
    ResultsNormalsSequence: [
      {
        ...normalsDataSet,
        GlobalDeviationFromNormal: result.meanDeviationDb,
        GlobalDeviationProbabilityNormalsFlag: 'YES',
        GlobalDeviationProbabilitySequence: [
          { GlobalDeviationProbability: result.meanDeviationProbability, ...algorithm('Mean deviation') },
        ],
        LocalizedDeviationFromNormal: result.patternStandardDeviationDb,
        LocalDeviationProbabilityNormalsFlag: 'YES',
        LocalizedDeviationProbabilitySequence: [
          {
            LocalizedDeviationProbability: result.patternStandardDeviationProbability,
            ...algorithm('Pattern standard deviation'),
          },
        ],
      },
    ],
    ShortTermFluctuationCalculated: 'NO',
    ShortTermFluctuationProbabilityCalculated: 'NO',
    CorrectedLocalizedDeviationFromNormalCalculated: 'NO',
    CorrectedLocalizedDeviationFromNormalProbabilityCalculated: 'NO',
    VisualFieldGlobalResultsIndexSequence: [
      {
        DataObservationSequence: [
          {
            ValueType: 'NUMERIC',
            ConceptNameCodeSequence: [codeItem(VISUAL_FIELD_INDEX)],
            MeasuredValueSequence: [
              {
                NumericValue: result.visualFieldIndexPercent,
                MeasurementUnitsCodeSequence: [codeItem(PERCENT)],
              },
            ],
          },
        ],
        IndexNormalsFlag: 'NO',
      },
      ...(result.glaucomaHemifieldTest
        ? [
            {
              DataObservationSequence: [
                {
                  ValueType: 'CODE',
                  ConceptNameCodeSequence: [codeItem(GLAUCOMA_HEMIFIELD_TEST)],
                  ConceptCodeSequence: [codeItem(GHT_RESULTS[result.glaucomaHemifieldTest])],
                },
              ],
              IndexNormalsFlag: 'NO',
            },
          ]
        : []),
    ],

    // Ophthalmic Patient Clinical Information and Test Lens Parameters module (C.8.30.3.5): the tested eye.
    ...(result.eye === 'R'
      ? { OphthalmicPatientClinicalInformationRightEyeSequence: clinicalInformation }
      : { OphthalmicPatientClinicalInformationLeftEyeSequence: clinicalInformation }),
  };
}

/** A complete OPV instance: patient, study, series (OPV), equipment, SOP common and the measurements. */
export function visualFieldInstance(
  study: StudyContext,
  series: SeriesContext,
  result: VisualFieldResult,
  sopInstanceUID: string,
): Dataset {
  return {
    ...patientAndStudy(study),
    ...seriesAndEquipment(study, series, 'Fovea Perimeter'),
    ...sopCommon(SOP_CLASSES.visualFieldStaticPerimetry, sopInstanceUID, 1, study),
    // Performed Procedure Step Summary (in the OPV series module): the pattern and the strategy, as perimeters write them.
    PerformedProcedureStepStartDate: study.date,
    PerformedProcedureStepStartTime: study.time,
    PerformedProtocolCodeSequence: [
      codeItem(TEST_PATTERNS[result.pattern].code),
      codeItem(TEST_STRATEGIES[result.strategy].code),
    ],
    ...visualFieldAttributes(result),
  };
}
