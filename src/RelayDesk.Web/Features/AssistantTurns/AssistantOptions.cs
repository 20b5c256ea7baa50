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

    /// <summary>
    /// How many conversations' turns run at once; turns of one conversation never overlap. Default (0): one per processor
    /// core, at least two — the embedded assistant is work for the processor, so more would only queue for it; an external
    /// model, which mostly waits, may need more.
    /// </summary>
    public int MaxConcurrentTurns { get; set; }

    /// <summary>The number of turns that run at once (<see cref="MaxConcurrentTurns"/>, or sized from the cores).</summary>
    public int ConcurrentTurns => MaxConcurrentTurns > 0 ? MaxConcurrentTurns : Math.Max(2, Environment.ProcessorCount);
}
