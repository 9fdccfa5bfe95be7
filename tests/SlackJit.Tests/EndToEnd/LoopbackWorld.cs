using Microsoft.Extensions.Time.Testing;
using SlackJit.Tests.Fakes.Aws;

namespace SlackJit.Tests.EndToEnd;

/// <summary>
/// Everything outside the app that the whole-app tests share: one clock, the loopback fakes of Slack, STS and the
/// federation endpoint (with the harness's channel and people), a temp folder for SQLite, and the settings that
/// point an app at them. <see cref="SlackJitHarness"/> runs one app in it; the race cluster runs several.
/// </summary>
internal sealed class LoopbackWorld : IAsyncDisposable
{
    private LoopbackWorld(FakeTimeProvider time, FakeSlackApi slack, FakeSts sts, FakeFederation federation, FakeIam iam, string dataDir)
    {
        Time = time;
        Slack = slack;
        Sts = sts;
        Federation = federation;
        Iam = iam;
        DataDir = dataDir;
    }

    public FakeTimeProvider Time { get; }
    public FakeSlackApi Slack { get; }
    public FakeSts Sts { get; }
    public FakeFederation Federation { get; }

    /// <summary>IAM for early revocation: checks every call's signature; the read-only role is <c>slackjit-read</c>.</summary>
    public FakeIam Iam { get; }

    /// <summary>Folder for this run's SQLite database (deleted on dispose; not created until a store needs it).</summary>
    public string DataDir { get; }

    /// <param name="folderPrefix">Names the temp folder after the tests using it.</param>
    public static async Task<LoopbackWorld> StartAsync(string folderPrefix)
    {
        var time = new FakeTimeProvider(SlackJitHarness.Start);
        var slack = await FakeSlackApi.StartAsync();
        var sts = await FakeSts.StartAsync(time);
        var federation = await FakeFederation.StartAsync();
        var iam = await FakeIam.StartAsync(SlackJitHarness.RoleName);
        var dataDir = Path.Combine(Path.GetTempPath(), folderPrefix + Guid.NewGuid().ToString("N"));

        slack.AddChannel(SlackJitHarness.ApproverChannel);
        foreach (var user in new[] { SlackJitHarness.Requester, SlackJitHarness.Approver, SlackJitHarness.SecondApprover, SlackJitHarness.Outsider })
        {
            slack.AddUser(user);
        }
        return new LoopbackWorld(time, slack, sts, federation, iam, dataDir);
    }

    /// <summary>The settings every app here gets: the fakes, and the catalog entry <c>analytics</c> with two approvers.</summary>
    public Dictionary<string, string?> Settings() => new(Slack.Settings())
    {
        ["Slack:SigningSecret"] = SlackJitHarness.SigningSecret,
        ["Slack:ApproverChannel"] = SlackJitHarness.ApproverChannel,
        ["Slack:VerifyTokenOnStart"] = "false",
        ["Aws:RoleArn"] = SlackJitHarness.RoleArn,
        ["Aws:SigninUrl"] = Federation.SigninUrl,
        ["Access:RequireReason"] = "true",
        ["Access:PendingTimeout"] = "01:00:00",
        ["Access:Resources:0:Name"] = "analytics",
        ["Access:Resources:0:Bucket"] = "analytics-prod",
        ["Access:Resources:0:MaxDuration"] = "04:00:00",
        ["Access:Resources:0:Approvers:0"] = SlackJitHarness.Approver,
        ["Access:Resources:0:Approvers:1"] = SlackJitHarness.SecondApprover,
    };

    public async ValueTask DisposeAsync()
    {
        await Slack.DisposeAsync();
        await Sts.DisposeAsync();
        await Federation.DisposeAsync();
        await Iam.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDir, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Nothing made it (a DynamoDB run).
        }
        catch (IOException)
        {
            // A file still open on a slow machine; the temp folder is cleaned by the OS.
        }
    }
}
