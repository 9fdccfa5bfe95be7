using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SlackJit.Slack.Api;

namespace SlackJit.Tests.Slack.Api;

/// <summary>The real app's wiring (Program → AddSlack → AddSlackApi) against the fake.</summary>
public sealed class SlackApiHostTests
{
    [Fact]
    public async Task Startup_FakeSlack_VerifiesTokenAndResolvesClient()
    {
        await using var fake = await FakeSlackApi.StartAsync();
        fake.AddChannel("C0APPROVE");
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            foreach (var (key, value) in fake.Settings())
            {
                web.UseSetting(key, value);
            }
            web.UseSetting("Slack:SigningSecret", "test-signing-secret");
            web.UseSetting("Aws:RoleArn", "arn:aws:iam::123456789012:role/slackjit-read");
            web.UseSetting("Access:Resources:0:Name", "analytics");
            web.UseSetting("Access:Resources:0:Bucket", "analytics-prod");
            web.UseSetting("Access:Resources:0:Approvers:0", "U0APPROVER");
            web.UseSetting("Access:Resources:0:ApproverChannel", "C0APPROVE");
            web.UseSetting("Store:Sqlite:Path", Path.Combine(Path.GetTempPath(), $"slackjit-{Guid.NewGuid():N}.db"));
        });

        using var client = factory.CreateClient();
        var api = factory.Services.GetRequiredService<ISlackApi>();
        await api.PostMessageAsync("C0APPROVE", new SlackMessage("hello"), CancellationToken.None);

        Assert.Single(fake.Calls("auth.test"));
        Assert.Single(fake.Messages("C0APPROVE"));
    }
}
