package uk.gov.tfwh.returns.check;

import java.util.List;

/** The columns of the TFQR-1 template, per sheet, in template order. */
public final class Template {
  public static final String NAME = "TFQR-1";

  public static final String TEMPLATE = "template";
  public static final String AUTHORITY_CODE = "authority_code";
  public static final String PHASE = "phase";
  public static final String PERIOD_END = "period_end";
  public static final String FAMILIES_IDENTIFIED = "families_identified";
  public static final String FAMILIES_ATTACHED = "families_attached";
  public static final String RESULTS_CRIME_ASB_EDUCATION = "results_crime_asb_education";
  public static final String RESULTS_CONTINUOUS_EMPLOYMENT = "results_continuous_employment";
  public static final String RESULTS_PROGRESS_TO_WORK = "results_progress_to_work";
  public static final String RESULTS_SUSTAINED_PROGRESS = "results_sustained_progress";
  public static final String SUBMITTED_AT = "submitted_at";
  public static final String SUBMITTED_BY = "submitted_by";
  public static final String SRO_SIGN_OFF = "sro_sign_off";
  public static final String REVISION_NOTE = "revision_note";

  public static final List<String> SUMMARY_COLUMNS =
      List.of(
          TEMPLATE,
          AUTHORITY_CODE,
          PHASE,
          PERIOD_END,
          FAMILIES_IDENTIFIED,
          FAMILIES_ATTACHED,
          RESULTS_CRIME_ASB_EDUCATION,
          RESULTS_CONTINUOUS_EMPLOYMENT,
          RESULTS_PROGRESS_TO_WORK,
          RESULTS_SUSTAINED_PROGRESS,
          SUBMITTED_AT,
          SUBMITTED_BY,
          SRO_SIGN_OFF,
          REVISION_NOTE);

  public static final String FAMILY_REF = "family_ref";
  public static final String ATTACHED_ON = "attached_on";
  public static final String RESULT = "result";
  public static final String ACHIEVED_ON = "achieved_on";
  public static final String PROBLEMS_AT_ENTRY = "problems_at_entry";

  public static final List<String> CLAIM_COLUMNS =
      List.of(FAMILY_REF, ATTACHED_ON, RESULT, ACHIEVED_ON, PROBLEMS_AT_ENTRY);

  private Template() {}
}
