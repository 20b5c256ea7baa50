using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenAI;
using OpenAI.Chat;

namespace RelayDesk.Assistant.Llm;

/// <summary>
/// Makes the chat client for the configured OpenAI-compatible endpoint. Requests go through the named
/// <see cref="HttpClientName"/> client, whose resilience handler (timeout, circuit breaker) applies; the SDK's own
/// retries are off, because a retried turn would only arrive after the customer has given up. Everything that talks to
/// the model about a customer's conversation takes its client from <see cref="CreateRedactingAsync"/>, so nothing
/// leaves unredacted.
/// </summary>
public sealed class LlmChatClientSource(
    IHttpClientFactory httpClients,
    IOptions<AssistantProviderOptions> options,
    LlmMetrics metrics,
    TimeProvider clock,
    ILoggerFactory loggers)
{
    public const string HttpClientName = "RelayDesk.Assistant.Llm";

    public IChatClient Create()
    {
        var o = options.Value.OpenAI;
        var model = o.Model ?? throw new InvalidOperationException("Assistant:OpenAI:Model is not configured.");
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = o.Endpoint ?? throw new InvalidOperationException("Assistant:OpenAI:Endpoint is not configured."),
            Transport = new HttpClientPipelineTransport(httpClients.CreateClient(HttpClientName)),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = o.RequestTimeout * 2,
        };

        // Local servers take no key, but the SDK wants one.
        var key = new ApiKeyCredential(string.IsNullOrWhiteSpace(o.ApiKey) ? "none" : o.ApiKey);
        var chat = new ChatClient(model, key, clientOptions).AsIChatClient();
        return new MeteredChatClient(chat, model, metrics, clock, loggers.CreateLogger<LlmAssistant>());
    }

    /// <summary>
    /// The client for one customer's conversation: the customer's known personal data (from the
    /// <see cref="ICustomerPersonalData"/> of <paramref name="services"/>, none for an anonymous visitor) makes the
    /// redactor, and a <see cref="RedactingChatClient"/> redacts every request and tool exchange before it reaches the
    /// model. <paramref name="outer"/> adds layers around it (e.g. function invocation, whose tool calls and results
    /// must pass the redaction too). The redactor restores placeholders in what the caller shows.
    /// </summary>
    public async Task<RedactedChatClient> CreateRedactingAsync(
        IServiceProvider services, string? customerId, Func<ChatClientBuilder, ChatClientBuilder>? outer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var known = customerId is null ? [] : await services.GetRequiredService<ICustomerPersonalData>().FindAsync(customerId, cancellationToken);
        var redactor = new PersonalDataRedactor(known);
        var builder = new ChatClientBuilder(Create());
        builder = outer?.Invoke(builder) ?? builder;
        return new RedactedChatClient(builder.Use(inner => new RedactingChatClient(inner, redactor)).Build(services), redactor);
    }
}

/// <summary>A chat client whose requests are redacted, and the redactor that restores the placeholders in its answers.</summary>
public sealed record RedactedChatClient(IChatClient Client, PersonalDataRedactor Redactor);
