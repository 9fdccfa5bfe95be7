using System.Globalization;
using System.Security;

namespace SlackJit.Playground.Sandbox;

/// <summary>STS's query-protocol answers (XML), shared by sandbox STS and the test suite's STS stub.</summary>
public static class StsXml
{
    public const string Namespace = "https://sts.amazonaws.com/doc/2011-06-15/";

    /// <summary>An <c>AssumeRoleResponse</c>; the assumed-role ARN is built from <paramref name="roleArn"/>'s account and name.</summary>
    public static string AssumeRoleResponse(
        string roleArn,
        string sessionName,
        string? sourceIdentity,
        string assumedRoleId,
        string accessKeyId,
        string secretAccessKey,
        string sessionToken,
        DateTimeOffset expiration,
        int packedPolicySize)
    {
        var roleName = roleArn[(roleArn.LastIndexOf('/') + 1)..];
        var account = roleArn.Split(':') is { Length: > 4 } parts ? parts[4] : "000000000000";
        var source = sourceIdentity is null ? "" : $"<SourceIdentity>{Xml(sourceIdentity)}</SourceIdentity>";
        return $"""
            <AssumeRoleResponse xmlns="{Namespace}">
              <AssumeRoleResult>
                {source}
                <AssumedRoleUser>
                  <Arn>arn:aws:sts::{Xml(account)}:assumed-role/{Xml(roleName)}/{Xml(sessionName)}</Arn>
                  <AssumedRoleId>{Xml(assumedRoleId)}</AssumedRoleId>
                </AssumedRoleUser>
                <Credentials>
                  <AccessKeyId>{Xml(accessKeyId)}</AccessKeyId>
                  <SecretAccessKey>{Xml(secretAccessKey)}</SecretAccessKey>
                  <SessionToken>{Xml(sessionToken)}</SessionToken>
                  <Expiration>{expiration.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)}</Expiration>
                </Credentials>
                <PackedPolicySize>{packedPolicySize}</PackedPolicySize>
              </AssumeRoleResult>
              <ResponseMetadata>
                <RequestId>{Guid.NewGuid()}</RequestId>
              </ResponseMetadata>
            </AssumeRoleResponse>
            """;
    }

    /// <summary>An <c>ErrorResponse</c> (<paramref name="type"/> is <c>Sender</c> or <c>Receiver</c>).</summary>
    public static string Error(string type, string code, string message) => $"""
        <ErrorResponse xmlns="{Namespace}">
          <Error>
            <Type>{Xml(type)}</Type>
            <Code>{Xml(code)}</Code>
            <Message>{Xml(message)}</Message>
          </Error>
          <RequestId>{Guid.NewGuid()}</RequestId>
        </ErrorResponse>
        """;

    private static string Xml(string text) => SecurityElement.Escape(text);
}
