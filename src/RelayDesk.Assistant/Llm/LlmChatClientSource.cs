using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenAI;
using OpenAI.Chat;

namespace RelayDesk.Assistant.Llm;

/// <summary>
/// Makes the chat client for the configured OpenAI-compatible endpoint. Requests go through the named
/// <see cref="HttpClientName"/> client, whose resilience handler (timeout, circuit breaker) applies; the SDK's own
/// retries are off, because a retried turn would only arrive after the customer has given up.
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
}
