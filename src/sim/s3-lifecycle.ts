import { escapeXml, s3Error, xml } from "./s3-xml.ts";
import type { SimResponse } from "./server.ts";

/** One lifecycle rule, as far as readiness reads it. */
export interface SimLifecycleRule {
  id: string;
  prefix: string;
  enabled: boolean;
  /** NoncurrentVersionExpiration's NoncurrentDays, when the rule has one. */
  noncurrentDays?: number;
}

/**
 * GetBucketLifecycleConfiguration's answer (S3 API Reference: Rule with ID, Filter/Prefix, Status,
 * NoncurrentVersionExpiration/NoncurrentDays); a bucket without one answers 404 NoSuchLifecycleConfiguration.
 */
export function lifecycleXml(rules: SimLifecycleRule[] | undefined): SimResponse {
  if (!rules?.length) {
    return s3Error(404, "NoSuchLifecycleConfiguration", "The lifecycle configuration does not exist");
  }
  const inner = rules
    .map((rule) => {
      const expiry =
        rule.noncurrentDays === undefined
          ? ""
          : `<NoncurrentVersionExpiration><NoncurrentDays>${rule.noncurrentDays}</NoncurrentDays></NoncurrentVersionExpiration>`;
      return `<Rule><ID>${escapeXml(rule.id)}</ID><Filter><Prefix>${escapeXml(rule.prefix)}</Prefix></Filter><Status>${rule.enabled ? "Enabled" : "Disabled"}</Status>${expiry}</Rule>`;
    })
    .join("");
  return xml(200, "LifecycleConfiguration", inner);
}
