namespace SlackJit.Access;

/// <summary>What a request is for: the catalog entry and the bucket/prefix inside it.</summary>
/// <param name="Name">The catalog entry's name (<c>Access:Resources[].Name</c>).</param>
/// <param name="Bucket">The S3 bucket.</param>
/// <param name="Prefix">The requested key prefix; empty for the whole bucket.</param>
public sealed record ResourceRef(string Name, string Bucket, string Prefix)
{
    public string Display => Prefix.Length == 0 ? Bucket : $"{Bucket}/{Prefix}";
}
