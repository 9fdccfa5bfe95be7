namespace SlackJit.Slack.Blocks;

/// <summary>Slack's Block Kit limits (docs/SLACK-PLATFORM.md). Past them Slack rejects the whole message.</summary>
public static class BlockLimits
{
    public const int MessageBlocks = 50;
    public const int ModalBlocks = 100;
    public const int MessageText = 40_000;
    public const int SectionText = 3000;
    public const int SectionFields = 10;
    public const int FieldText = 2000;
    public const int HeaderText = 150;
    public const int ContextElements = 10;
    public const int ContextText = 2000;
    public const int ActionsElements = 25;
    public const int ButtonText = 75;
    public const int ButtonValue = 2000;
    public const int ButtonUrl = 3000;
    public const int ConfirmTitle = 100;
    public const int ConfirmText = 300;
    public const int ConfirmButton = 30;
    public const int Id = 255;
    public const int SelectOptions = 100;

    /// <summary>Options in one checkboxes element.</summary>
    public const int Checkboxes = 10;

    public const int OptionText = 75;
    public const int OptionValue = 150;
    public const int Placeholder = 150;
    public const int InputLabel = 2000;
    public const int InputHint = 2000;
    public const int InputInitialValue = 3000;
    public const int ModalTitle = 24;
    public const int ModalButton = 24;
    public const int PrivateMetadata = 3000;
}
