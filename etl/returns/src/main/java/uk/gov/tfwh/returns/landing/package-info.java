/**
 * The landing zone beyond the returns' own files: the submission service's metadata sidecars that
 * say who sent each return and when the service received it (docs/submissions.md), and the folder
 * they live in.
 */
package uk.gov.tfwh.returns.landing;
