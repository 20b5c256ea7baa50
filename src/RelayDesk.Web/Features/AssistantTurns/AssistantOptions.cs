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
    /// How many conversations' turns run at once; turns of one conversation never overlap. Default (0): eight per
    /// processor core. A turn's own work for the processor is about a millisecond with the embedded assistant; most of its
    /// time it waits — for the database to commit the answer, or for an external model — and meanwhile others can run.
    /// </summary>
    public int MaxConcurrentTurns { get; set; }

    /// <summary>The number of turns that run at once (<see cref="MaxConcurrentTurns"/>, or sized from the cores).</summary>
    public int ConcurrentTurns => MaxConcurrentTurns > 0 ? MaxConcurrentTurns : 8 * Environment.ProcessorCount;
}
