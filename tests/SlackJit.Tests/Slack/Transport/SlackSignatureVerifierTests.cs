using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using SlackJit.Slack;
using SlackJit.Slack.Transport;

namespace SlackJit.Tests.Slack.Transport;

public sealed class SlackSignatureVerifierTests
{
    // Slack's worked example (docs.slack.dev, "Verifying requests from Slack").
    private const string DocSecret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string DocTimestamp = "1531420618";
    private const string DocBody =
        "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar" +
        "&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com" +
        "%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    private const string DocSignature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

    private static readonly DateTimeOffset DocTime = DateTimeOffset.FromUnixTimeSeconds(1531420618);

    [Fact]
    public void Verify_SlackDocumentedExample_IsValid()
    {
        var verifier = Verifier(DocSecret, new FakeTimeProvider(DocTime));

        Assert.Equal(SignatureCheck.Valid, verifier.Verify(DocTimestamp, DocSignature, Body(DocBody)));
    }

    [Fact]
    public void Sign_SlackDocumentedExample_MatchesTestSigner()
    {
        Assert.Equal(DocSignature, SlackRequestSigner.Sign(DocSecret, DocTimestamp, DocBody));
    }

    [Theory]
    [InlineData(300, true)]
    [InlineData(-300, true)]
    [InlineData(301, false)] // a replay of an old request
    [InlineData(-301, false)] // from the future
    [InlineData(86_400, false)]
    public void Verify_ClockSkew_RefusedOutsideFiveMinutes(int requestAgeSeconds, bool accepted)
    {
        var expected = accepted ? SignatureCheck.Valid : SignatureCheck.StaleTimestamp;
        var now = DocTime.AddSeconds(requestAgeSeconds);
        var verifier = Verifier(DocSecret, new FakeTimeProvider(now));

        Assert.Equal(expected, verifier.Verify(DocTimestamp, DocSignature, Body(DocBody)));
    }

    [Fact]
    public void Verify_TamperedBody_IsMismatch()
    {
        var verifier = Verifier(DocSecret, new FakeTimeProvider(DocTime));
        var tampered = DocBody.Replace("user_id=U2CERLKJA", "user_id=U2CERLKJB", StringComparison.Ordinal);

        Assert.Equal(SignatureCheck.Mismatch, verifier.Verify(DocTimestamp, DocSignature, Body(tampered)));
    }

    [Fact]
    public void Verify_TamperedTimestampWithinWindow_IsMismatch()
    {
        var verifier = Verifier(DocSecret, new FakeTimeProvider(DocTime));

        Assert.Equal(SignatureCheck.Mismatch, verifier.Verify("1531420619", DocSignature, Body(DocBody)));
    }

    [Fact]
    public void Verify_WrongSecret_IsMismatch()
    {
        var verifier = Verifier("another-secret", new FakeTimeProvider(DocTime));

        Assert.Equal(SignatureCheck.Mismatch, verifier.Verify(DocTimestamp, DocSignature, Body(DocBody)));
    }

    [Fact]
    public void Verify_EmptySecret_RefusesEvenASignatureMadeWithIt()
    {
        var verifier = Verifier("", new FakeTimeProvider(DocTime));
        var signedWithEmpty = SlackRequestSigner.Sign("", DocTimestamp, DocBody);

        Assert.Equal(SignatureCheck.NoSecret, verifier.Verify(DocTimestamp, signedWithEmpty, Body(DocBody)));
    }

    [Theory]
    [InlineData(null, DocSignature)]
    [InlineData(DocTimestamp, null)]
    [InlineData("", DocSignature)]
    [InlineData(DocTimestamp, "")]
    public void Verify_MissingHeader_IsRefused(string? timestamp, string? signature)
    {
        var verifier = Verifier(DocSecret, new FakeTimeProvider(DocTime));

        Assert.Equal(SignatureCheck.MissingHeaders, verifier.Verify(timestamp, signature, Body(DocBody)));
    }

    [Theory]
    [InlineData("1531420618.5", DocSignature)]
    [InlineData("-1531420618", DocSignature)]
    [InlineData(" 1531420618", DocSignature)]
    [InlineData("99999999999999999999", DocSignature)]
    [InlineData("abc", DocSignature)]
    [InlineData(DocTimestamp, "a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")] // no prefix
    [InlineData(DocTimestamp, "v1=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")] // other version
    [InlineData(DocTimestamp, "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b5")] // short
    [InlineData(DocTimestamp, "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b50300")] // long
    [InlineData(DocTimestamp, "v0=z2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")] // not hex
    public void Verify_MalformedHeader_IsRefused(string timestamp, string signature)
    {
        var verifier = Verifier(DocSecret, new FakeTimeProvider(DocTime));

        Assert.Equal(SignatureCheck.MalformedHeaders, verifier.Verify(timestamp, signature, Body(DocBody)));
    }

    [Fact]
    public void Verify_UppercaseHex_IsAccepted()
    {
        // Slack sends lowercase; hex case carries no meaning, so the decoded bytes are compared.
        var verifier = Verifier(DocSecret, new FakeTimeProvider(DocTime));
        var upper = "v0=" + DocSignature[3..].ToUpperInvariant();

        Assert.Equal(SignatureCheck.Valid, verifier.Verify(DocTimestamp, upper, Body(DocBody)));
    }

    internal static SlackSignatureVerifier Verifier(string secret, TimeProvider time)
    {
        var options = Substitute.For<IOptionsMonitor<SlackOptions>>();
        options.CurrentValue.Returns(new SlackOptions { SigningSecret = secret });
        return new SlackSignatureVerifier(options, time);
    }

    private static byte[] Body(string body) => Encoding.UTF8.GetBytes(body);
}
