using System.ClientModel;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace RelayDesk.Assistant.Llm;

/// <summary>The model answered, but not with anything a customer should read.</summary>
public sealed class LlmResponseException(string message) : Exception(message)
{
    public LlmResponseException()
        : this("The model gave an unusable answer.")
    {
    }

    public LlmResponseException(string message, Exception innerException)
        : this(message + " " + innerException?.Message)
    {
    }
}

/// <summary>Names why a model call failed, for metrics and logs (never with message text: it may quote the customer).</summary>
internal static class LlmFailures
{
    public static string Reason(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case BrokenCircuitException:
                    return "circuit_open";
                case TimeoutRejectedException:
                case TimeoutException:
                case OperationCanceledException:
                    return "timeout";
                case LlmResponseException:
                    return "garbage";
                case ClientResultException { Status: > 0 }:
                    return "http_error";
                case HttpRequestException:
                    return "unreachable";
                case System.Text.Json.JsonException:
                    return "garbage";
            }
        }

        return "error";
    }
}
