namespace SlackJit.Access;

/// <summary>Where the clean-up of a grant's DM stands (see <see cref="DmCleanup"/>).</summary>
public enum DmCleanupState
{
    /// <summary>Slack refused every attempt so far: the DM may still show the credentials.</summary>
    Failing,

    /// <summary>Slack confirmed the edit that replaced the credentials with the closing notice.</summary>
    Edited,

    /// <summary>Editing failed and Slack confirmed deleting the message (<c>chat.delete</c>).</summary>
    Deleted,

    /// <summary>Slack answered <c>message_not_found</c> to the edit and to the delete: there is no message to hold them.</summary>
    Missing,
}
