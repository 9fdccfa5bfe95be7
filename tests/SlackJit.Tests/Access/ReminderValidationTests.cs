using SlackJit.Access;

namespace SlackJit.Tests.Access;

/// <summary><c>Access:Reminders</c> and the catalog's escalation keys, checked at start-up with one line naming the key.</summary>
public sealed class ReminderValidationTests
{
    private static ResourceOptions Entry() => new()
    {
        Name = "analytics",
        Bucket = "analytics-prod",
        Approvers = ["U0123ABCD"],
        EscalationApprovers = ["U0ONCALL1", "S0ONCALL"],
        EscalateAfter = TimeSpan.FromMinutes(30),
        EscalationChannel = "C0ESCALATE",
    };

    private static IReadOnlyList<string> Failures(AccessOptions options) =>
        new AccessOptionsValidator().Validate(null, options).Failures?.ToList() ?? [];

    [Fact]
    public void Validate_DefaultsAndAFullEscalation_Succeed()
    {
        Assert.Empty(Failures(new AccessOptions { Resources = [Entry()] }));
        Assert.Equal(TimeSpan.FromMinutes(15), new AccessOptions().Reminders.Interval);
        Assert.Equal(3, new AccessOptions().Reminders.Max);
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("00:00:01")]
    [InlineData("02:00:00")]
    public void Validate_ZeroOrAnyPositiveInterval_Succeeds(string interval)
    {
        var options = new AccessOptions { Resources = [Entry()], Reminders = { Interval = TimeSpan.Parse(interval, System.Globalization.CultureInfo.InvariantCulture) } };

        Assert.Empty(Failures(options));
    }

    [Fact]
    public void Validate_NegativeInterval_NamesTheKey()
    {
        var failure = Assert.Single(Failures(new AccessOptions { Resources = [Entry()], Reminders = { Interval = TimeSpan.FromMinutes(-1) } }));

        Assert.StartsWith("Access:Reminders:Interval -00:01:00 must not be negative", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(51)]
    public void Validate_MaxOutOfRange_NamesTheKey(int max)
    {
        var failure = Assert.Single(Failures(new AccessOptions { Resources = [Entry()], Reminders = { Max = max } }));

        Assert.Equal($"Access:Reminders:Max {max} must be between 0 and 50.", failure);
    }

    [Fact]
    public void Validate_EscalateAfterWithoutApprovers_NamesTheKey()
    {
        var entry = Entry();
        entry.EscalationApprovers = [];

        var failure = Assert.Single(Failures(new AccessOptions { Resources = [entry] }));

        Assert.StartsWith("Access:Resources[0].EscalateAfter is set but Access:Resources[0].EscalationApprovers is empty", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ApproversWithoutEscalateAfter_NamesTheKey()
    {
        var entry = Entry();
        entry.EscalateAfter = null;

        var failure = Assert.Single(Failures(new AccessOptions { Resources = [entry] }));

        Assert.StartsWith("Access:Resources[0].EscalationApprovers is set but Access:Resources[0].EscalateAfter is not", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("01:00:00")]
    [InlineData("-00:05:00")]
    public void Validate_EscalateAfterNotBeforeTheTimeout_NamesTheKey(string after)
    {
        var entry = Entry();
        entry.EscalateAfter = TimeSpan.Parse(after, System.Globalization.CultureInfo.InvariantCulture);

        var failure = Assert.Single(Failures(new AccessOptions { Resources = [entry] }));

        Assert.StartsWith($"Access:Resources[0].EscalateAfter {entry.EscalateAfter} must be more than 0 and less than Access:PendingTimeout", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BadEscalationApproverAndChannel_NameEachKey()
    {
        var entry = Entry();
        entry.EscalationApprovers = ["U0ONCALL1", "@oncall"];
        entry.EscalationChannel = "#incidents";

        var failures = Failures(new AccessOptions { Resources = [entry] });

        Assert.Equal(2, failures.Count);
        Assert.Contains(failures, f => f.StartsWith("Access:Resources[0].EscalationApprovers[1] \"@oncall\" is not a Slack user ID", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Access:Resources[0].EscalationChannel \"#incidents\" is not a Slack channel ID", StringComparison.Ordinal));
    }
}
