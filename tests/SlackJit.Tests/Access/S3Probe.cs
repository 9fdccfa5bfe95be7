namespace SlackJit.Tests.Access;

/// <summary>What a session policy lets its holder do in one bucket, asked the way S3 asks IAM.</summary>
internal sealed class S3Probe(string policyJson, string bucket, string partition = "aws")
{
    private static readonly string[] Writes =
        ["s3:PutObject", "s3:DeleteObject", "s3:DeleteObjectVersion", "s3:PutObjectAcl", "s3:PutObjectTagging", "s3:RestoreObject", "s3:AbortMultipartUpload"];

    private readonly PolicyEvaluator _policy = new(policyJson);

    public string BucketArn => $"arn:{partition}:s3:::{bucket}";

    public string Json => policyJson;

    /// <summary>GetObject on <paramref name="key"/>; <paramref name="context"/> adds e.g. <c>aws:SourceIp</c> or object tags.</summary>
    public bool CanRead(string key, IReadOnlyDictionary<string, string>? context = null) =>
        _policy.IsAllowed("s3:GetObject", $"{BucketArn}/{key}", context);

    /// <summary>ListObjects with <paramref name="prefix"/> (no <c>s3:prefix</c> key when empty) and <paramref name="delimiter"/>.</summary>
    public bool CanList(string prefix, string? delimiter = "/", IReadOnlyDictionary<string, string>? context = null)
    {
        var keys = new Dictionary<string, string>(context ?? new Dictionary<string, string>());
        if (prefix.Length > 0)
        {
            keys["s3:prefix"] = prefix;
        }

        if (delimiter is not null)
        {
            keys["s3:delimiter"] = delimiter;
        }

        return _policy.IsAllowed("s3:ListBucket", BucketArn, keys);
    }

    /// <summary>Whether any write, delete or permission change on <paramref name="key"/> (or the bucket) is allowed.</summary>
    public bool CanChangeAnything(string key, IReadOnlyDictionary<string, string>? context = null) =>
        Writes.Any(a => _policy.IsAllowed(a, $"{BucketArn}/{key}", context))
        || new[] { "s3:PutBucketPolicy", "s3:DeleteBucket", "s3:PutBucketAcl" }.Any(a => _policy.IsAllowed(a, BucketArn, context));
}
