using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace SlackJit.Playground.Sandbox;

/// <summary>
/// The sandbox AWS account: the role grants are minted from, the bot's own (sandbox) keys, the sessions STS
/// issued and the console sign-in tokens made from them (valid 15 minutes, as AWS's are). In memory only.
/// </summary>
public sealed class SandboxAccount(TimeProvider time)
{
    public const string AccountId = "000000000000";
    public const string RoleName = "slackjit-sandbox-read";
    public const string RoleArn = "arn:aws:iam::" + AccountId + ":role/" + RoleName;
    public const string BotAccessKeyId = "AKIASANDBOXBOT000001";
    public const string BotSecretAccessKey = "sandbox-bot-secret-not-a-real-key";
    public const string Region = "us-east-1";
    public static readonly TimeSpan SigninTokenLifetime = TimeSpan.FromMinutes(15);

    private const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private const string Mixed = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private readonly ConcurrentDictionary<string, SandboxSession> _sessions = new();
    private readonly ConcurrentDictionary<string, (string AccessKeyId, DateTimeOffset MadeAt)> _signinTokens = new();

    public TimeProvider Time => time;

    public IReadOnlyCollection<SandboxSession> Sessions => [.. _sessions.Values];

    public SandboxSession Issue(
        string roleArn, string sessionName, string? sourceIdentity, IReadOnlyList<KeyValuePair<string, string>> tags, string? policy, int seconds)
    {
        var now = time.GetUtcNow();
        var session = new SandboxSession(
            AccessKeyId: "ASIASANDBOX" + RandomNumberGenerator.GetString(Upper, 9),
            SecretAccessKey: "sandbox/" + RandomNumberGenerator.GetString(Mixed, 32),
            SessionToken: "SANDBOX-SESSION-TOKEN/" + RandomNumberGenerator.GetString(Mixed, 96),
            RoleArn: roleArn,
            RoleSessionName: sessionName,
            SourceIdentity: sourceIdentity,
            Tags: tags,
            Policy: policy,
            IssuedAt: now,
            Expiration: now.AddSeconds(seconds));
        _sessions[session.AccessKeyId] = session;
        return session;
    }

    /// <summary>A sign-in token for a session whose three parts all match, or null.</summary>
    public string? MakeSigninToken(string? accessKeyId, string? secret, string? token)
    {
        if (accessKeyId is null || !_sessions.TryGetValue(accessKeyId, out var session)
            || session.SecretAccessKey != secret || session.SessionToken != token || session.Expiration <= time.GetUtcNow())
        {
            return null;
        }
        var signin = "SANDBOX-SIGNIN-" + RandomNumberGenerator.GetString(Mixed, 48);
        _signinTokens[signin] = (accessKeyId, time.GetUtcNow());
        return signin;
    }

    /// <summary>The session a sign-in token was made for, while the token is fresh.</summary>
    public SandboxSession? RedeemSigninToken(string? signinToken)
    {
        if (signinToken is null || !_signinTokens.TryGetValue(signinToken, out var entry)
            || time.GetUtcNow() - entry.MadeAt > SigninTokenLifetime)
        {
            return null;
        }
        return _sessions.GetValueOrDefault(entry.AccessKeyId);
    }

    public SandboxSession? Find(string? accessKeyId) => accessKeyId is null ? null : _sessions.GetValueOrDefault(accessKeyId);
}
