using Microsoft.Extensions.Options;

namespace RelayDesk.Assistant.Llm;

/// <summary>Which model answers customers.</summary>
public enum AssistantProvider
{
    /// <summary>The offline assistant: embedded intent model and help articles. Needs nothing outside the machine.</summary>
    Embedded,

    /// <summary>An OpenAI-compatible chat-completions endpoint (OpenAI, Azure OpenAI, Ollama, vLLM), with the embedded assistant as fallback.</summary>
    OpenAI,
}

/// <summary>The assistant's provider, bound from the <c>Assistant</c> section.</summary>
public sealed class AssistantProviderOptions
{
    public const string Section = "Assistant";

    /// <summary>Default <see cref="AssistantProvider.Embedded"/>: no data leaves the machine unless an operator says so.</summary>
    public AssistantProvider Provider { get; set; } = AssistantProvider.Embedded;

    /// <summary>The endpoint used when <see cref="Provider"/> is <see cref="AssistantProvider.OpenAI"/>.</summary>
    public OpenAIProviderOptions OpenAI { get; set; } = new();
}

/// <summary>An OpenAI-compatible chat-completions endpoint and how far RelayDesk trusts it.</summary>
public sealed class OpenAIProviderOptions
{
    /// <summary>
    /// The API base address, including the version path: <c>https://api.openai.com/v1</c>, <c>http://localhost:11434/v1</c>
    /// (Ollama), <c>https://RESOURCE.openai.azure.com/openai/v1</c> (Azure OpenAI). Required; no default.
    /// </summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The model (or Azure deployment) name, e.g. <c>gpt-4o-mini</c> or <c>llama3.1</c>. Required; no default.</summary>
    public string? Model { get; set; }

    /// <summary>The API key; may stay empty for local servers that take none (Ollama, vLLM). Default empty.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The longest one request to the model may take. Default 5 seconds.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The longest a whole turn (all model and tool rounds) may take before the embedded assistant answers instead.
    /// Default 7 seconds, below the turn timeout (10 s) so the fallback still has time to answer.
    /// </summary>
    public TimeSpan TurnBudget { get; set; } = TimeSpan.FromSeconds(7);

    /// <summary>How many model rounds a turn may take (each tool call costs one). Default 4.</summary>
    public int MaxRounds { get; set; } = 4;

    /// <summary>The share of failed requests, over <see cref="BreakerSamplingDuration"/>, that opens the circuit. Default 0.5.</summary>
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>How many requests must have been made in the sampling window before the circuit may open. Default 4.</summary>
    public int BreakerMinimumThroughput { get; set; } = 4;

    /// <summary>The window the failure ratio is measured over. Default 60 seconds.</summary>
    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long an open circuit sends every turn straight to the embedded assistant. Default 30 seconds.</summary>
    public TimeSpan BreakerDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Sampling temperature; low, because answers must stick to tool results. Default 0.2.</summary>
    public float Temperature { get; set; } = 0.2f;

    /// <summary>The most tokens the model may write per round. Default 600 (a chat answer, not an essay).</summary>
    public int MaxOutputTokens { get; set; } = 600;
}

/// <summary>Says clearly at start what an OpenAI provider lacks, instead of failing on the first customer turn.</summary>
internal sealed class AssistantProviderOptionsValidator : IValidateOptions<AssistantProviderOptions>
{
    public ValidateOptionsResult Validate(string? name, AssistantProviderOptions options)
    {
        if (options.Provider != AssistantProvider.OpenAI)
        {
            return ValidateOptionsResult.Success;
        }

        var o = options.OpenAI;
        var errors = new List<string>();
        if (o.Endpoint is null || !o.Endpoint.IsAbsoluteUri || (o.Endpoint.Scheme != Uri.UriSchemeHttp && o.Endpoint.Scheme != Uri.UriSchemeHttps))
        {
            errors.Add("Assistant:Provider is OpenAI but Assistant:OpenAI:Endpoint is missing or not an http(s) address (e.g. http://localhost:11434/v1 for Ollama).");
        }

        if (string.IsNullOrWhiteSpace(o.Model))
        {
            errors.Add("Assistant:Provider is OpenAI but Assistant:OpenAI:Model is missing (e.g. gpt-4o-mini, or llama3.1 for Ollama).");
        }

        if (o.RequestTimeout <= TimeSpan.Zero || o.TurnBudget <= TimeSpan.Zero)
        {
            errors.Add("Assistant:OpenAI:RequestTimeout and Assistant:OpenAI:TurnBudget must be positive.");
        }

        if (o.MaxRounds < 1 || o.MaxOutputTokens < 1)
        {
            errors.Add("Assistant:OpenAI:MaxRounds and Assistant:OpenAI:MaxOutputTokens must be at least 1.");
        }

        if (o.BreakerFailureRatio is <= 0 or > 1 || o.BreakerMinimumThroughput < 2 || o.BreakerDuration < TimeSpan.FromMilliseconds(500)
            || o.BreakerSamplingDuration < TimeSpan.FromMilliseconds(500))
        {
            errors.Add("Assistant:OpenAI circuit breaker: BreakerFailureRatio must be in (0, 1], BreakerMinimumThroughput at least 2, BreakerDuration and BreakerSamplingDuration at least 0.5 s.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
