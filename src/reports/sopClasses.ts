/** SOP classes the report renderers show (PS3.4 B.5), kept apart so that the viewer's switch stays small. */
export const OPV_SOP_CLASS_UID = '1.2.840.10008.5.1.4.1.1.80.1';
export const ENCAPSULATED_PDF_SOP_CLASS_UID = '1.2.840.10008.5.1.4.1.1.104.1';
