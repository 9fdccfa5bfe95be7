using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using SlackJit.Access;

namespace SlackJit.Aws;

/// <summary>
/// The least-privilege session policy of AWS.md: locate and list the bucket (list limited to the
/// prefix), read objects under the prefix, and decrypt with the bucket's KMS key only through S3.
/// No write or delete action ever appears, and no S3 statement uses <c>Resource: "*"</c>.
/// </summary>
internal sealed class SessionPolicyDocument : ISessionPolicyFactory
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // Compact and unescaped: the plaintext policy counts against STS's 2048-character limit.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    public string Create(string partition, ResourceRef resource, string? kmsKeyArn)
    {
        var bucketArn = $"arn:{partition}:s3:::{resource.Bucket}";
        var prefix = EscapeWildcards(resource.Prefix);

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("Version", "2012-10-17");
            json.WriteStartArray("Statement");

            Statement(json, "Locate", "s3:GetBucketLocation", bucketArn);

            Statement(json, "List", "s3:ListBucket", bucketArn, condition: prefix.Length == 0 ? null : w =>
            {
                w.WriteStartObject("StringLike");
                w.WriteStartArray("s3:prefix");
                w.WriteStringValue(prefix);
                w.WriteStringValue(prefix + "*");
                w.WriteEndArray();
                w.WriteEndObject();
            });

            Statement(json, "Read", "s3:GetObject", prefix.Length == 0 ? bucketArn + "/*" : $"{bucketArn}/{prefix}*");

            if (!string.IsNullOrWhiteSpace(kmsKeyArn))
            {
                // Decrypt only on S3's behalf. Without a region in the key ARN the condition still
                // names S3 (any region) rather than being dropped.
                var region = KmsRegion(kmsKeyArn);
                Statement(json, "Decrypt", "kms:Decrypt", kmsKeyArn.Trim(), condition: w =>
                {
                    w.WriteStartObject(region is null ? "StringLike" : "StringEquals");
                    w.WriteString("kms:ViaService", S3ServiceHost(partition, region ?? "*"));
                    w.WriteEndObject();
                });
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The region of a KMS key ARN (<c>arn:aws:kms:REGION:ACCOUNT:key/ID</c>); S3 requires the key in the bucket's region.</summary>
    internal static string? KmsRegion(string? kmsKeyArn)
    {
        var parts = kmsKeyArn?.Trim().Split(':');
        return parts is { Length: >= 6 } && parts[2] == "kms" && parts[3].Length > 0 ? parts[3] : null;
    }

    private static string S3ServiceHost(string partition, string region) =>
        partition == "aws-cn" ? $"s3.{region}.amazonaws.com.cn" : $"s3.{region}.amazonaws.com";

    /// <summary>
    /// <c>*</c>, <c>?</c> and <c>$</c> are wildcards or variables in IAM resources and StringLike
    /// conditions; a prefix holding them must match literally, never widen the grant.
    /// </summary>
    internal static string EscapeWildcards(string prefix)
    {
        if (prefix.AsSpan().IndexOfAny('*', '?', '$') < 0)
        {
            return prefix;
        }
        var sb = new StringBuilder(prefix.Length + 8);
        foreach (var c in prefix)
        {
            sb.Append(c switch
            {
                '*' => "${*}",
                '?' => "${?}",
                '$' => "${$}",
                _ => c.ToString(),
            });
        }
        return sb.ToString();
    }

    private static void Statement(Utf8JsonWriter json, string sid, string action, string resource, Action<Utf8JsonWriter>? condition = null)
    {
        json.WriteStartObject();
        json.WriteString("Sid", sid);
        json.WriteString("Effect", "Allow");
        json.WriteString("Action", action);
        json.WriteString("Resource", resource);
        if (condition is not null)
        {
            json.WriteStartObject("Condition");
            condition(json);
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }
}
