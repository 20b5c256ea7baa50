namespace RelayDesk.Web.Features.AssistantTurns;

/// <summary>How the assistant's turns are run.</summary>
public sealed class AssistantOptions
{
    public const string Section = "Assistant";

    /// <summary>
    /// The longest an assistant turn may take before a person takes over instead. Default 10 seconds: longer feels
    /// broken in a chat.
    /// </summary>
    public TimeSpan TurnTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Where the trained intent model is cached, relative to the content root. Default <c>App_Data/nlu</c>.</summary>
    public string ModelCacheDirectory { get; set; } = "App_Data/nlu";

    /// <summary>How many conversations' turns run at once. Default 4; turns of one conversation never overlap.</summary>
    public int MaxConcurrentTurns { get; set; } = 4;
}
