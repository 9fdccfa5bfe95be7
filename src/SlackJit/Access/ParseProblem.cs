namespace SlackJit.Access;

/// <summary>Why a command's text is not a request's shape; the Slack-facing room words it.</summary>
public enum ParseProblem
{
    None,

    /// <summary>No words at all.</summary>
    Empty,

    /// <summary>Only the break-glass flag.</summary>
    OnlyBreakGlass,

    /// <summary>The first word names no bucket (<c>/reports</c>, <c>s3:///x</c>).</summary>
    NoBucket,
}
