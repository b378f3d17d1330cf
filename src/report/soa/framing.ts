/**
 * How the report frames A.5.23, said once for both forms. A.5.23 is a process the customer runs
 * (ISO/IEC 27002:2022 5.23: acquiring, using, managing and leaving cloud services); no rule can
 * check it and the provider's certification does not cover it, but a scan of the code that
 * configures the services, against controls and the shared-responsibility split, is one of its
 * records.
 */
export const CLOUD_USE_FRAMING =
  "The provider's certification does not evidence this control: it is the customer's own process for acquiring, using, managing and leaving cloud services. " +
  "This scan is part of the customer's evidence for it: the code that configures the cloud services is checked before deployment " +
  'against rules tied to ISO/IEC 27001 and 27017 controls, with the owner of each on the shared-responsibility split and the controls inherited from the provider. ' +
  "The rest of the evidence is the customer's own: its policy for the use of cloud services, the agreement with the provider, " +
  'how it reviews the provider (A.5.22) and its plan for leaving it.';
