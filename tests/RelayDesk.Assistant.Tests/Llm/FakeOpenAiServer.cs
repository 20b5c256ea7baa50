using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RelayDesk.Assistant.Tests.Llm;

/// <summary>
/// An OpenAI-compatible chat-completions endpoint on loopback Kestrel, in the test process. It records every request,
/// checks that none carries a forbidden (unredacted) value anywhere in its body, and plays back a script: tool calls,
/// answers, errors, a hang, garbage.
/// </summary>
public sealed partial class FakeOpenAiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Func<JsonNode, FakeReply>> _script = new();
    private readonly ConcurrentQueue<JsonNode> _requests = new();
    private readonly ConcurrentQueue<string> _violations = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private int _callId;

    private FakeOpenAiServer(WebApplication app)
    {
        _app = app;
    }

    /// <summary>The base address a client is configured with, as for OpenAI (<c>…/v1</c>).</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>Values that must never reach the model (compared case-insensitively, also after JSON unescaping).</summary>
    public IReadOnlyList<string> Forbidden { get; set; } = [];

    public IReadOnlyList<JsonNode> Requests => [.. _requests];

    /// <summary>Forbidden values seen in a request, and requests the fake did not expect.</summary>
    public IReadOnlyList<string> Violations => [.. _violations];

    public static async Task<FakeOpenAiServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeOpenAiServer(app);
        app.MapPost("/v1/chat/completions", server.HandleAsync);
        app.MapFallback((HttpContext context) =>
        {
            server._violations.Enqueue($"Unexpected request {context.Request.Method} {context.Request.Path}");
            return Results.NotFound();
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Endpoint = new Uri(address.TrimEnd('/') + "/v1");
        return server;
    }

    /// <summary>The next request is answered by <paramref name="reply"/>, which may read that request.</summary>
    public FakeOpenAiServer Then(Func<JsonNode, FakeReply> reply)
    {
        _script.Enqueue(reply);
        return this;
    }

    public FakeOpenAiServer Then(FakeReply reply) => Then(_ => reply);

    /// <summary>Waits until <paramref name="count"/> requests (in total) have arrived.</summary>
    public async Task WaitForRequestsAsync(int count)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (_requests.Count < count)
        {
            await _arrived.WaitAsync(deadline.Token);
        }
    }

    /// <summary>The placeholder (e.g. <c>[EMAIL_1]</c>) of a kind that the request carries, for scripted answers.</summary>
    public static string PlaceholderIn(JsonNode request, string kind)
    {
        var match = Regex.Match(request.ToJsonString(), $@"\[{kind}_\d+\]");
        Assert.True(match.Success, $"The request carries no {kind} placeholder.");
        return match.Value;
    }

    /// <summary>The names of the tools a request offered.</summary>
    public static IReadOnlyList<string> ToolNames(JsonNode request) =>
        request["tools"]?.AsArray().Select(t => t!["function"]!["name"]!.GetValue<string>()).ToList() ?? [];

    public static IReadOnlyList<(string Role, string Content)> Messages(JsonNode request) =>
        request["messages"]!.AsArray().Select(m => (m!["role"]!.GetValue<string>(), ContentOf(m["content"]))).ToList();

    private static string ContentOf(JsonNode? content) => content switch
    {
        null => string.Empty,
        JsonValue v => v.GetValue<string>(),
        JsonArray parts => string.Concat(parts.Select(p => p?["text"]?.GetValue<string>() ?? string.Empty)),
        _ => content.ToJsonString(),
    };

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var request = JsonNode.Parse(body)!;
        Check(body, request);
        _requests.Enqueue(request);
        _arrived.Release();
        if (!_script.TryDequeue(out var next))
        {
            _violations.Enqueue("A request arrived that the script did not expect.");
            context.Response.StatusCode = 500;
            return;
        }

        var reply = next(request);
        switch (reply)
        {
            case FakeReply.Hang:
                using (var hang = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _app.Lifetime.ApplicationStopping))
                {
                    await Task.Delay(Timeout.Infinite, hang.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                }

                return;
            case FakeReply.Status status:
                context.Response.StatusCode = status.Code;
                await context.Response.WriteAsJsonAsync(new { error = new { message = "scripted failure", type = "server_error" } });
                return;
            case FakeReply.Raw raw:
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(raw.Body);
                return;
            case FakeReply.ToolCall call:
                await WriteCompletionAsync(context, request, new JsonObject
                {
                    ["role"] = "assistant",
                    ["content"] = null,
                    ["tool_calls"] = new JsonArray(new JsonObject
                    {
                        ["id"] = string.Create(CultureInfo.InvariantCulture, $"call_{Interlocked.Increment(ref _callId)}"),
                        ["type"] = "function",
                        ["function"] = new JsonObject { ["name"] = call.Name, ["arguments"] = call.ArgumentsJson },
                    }),
                }, "tool_calls", call.PromptTokens, call.CompletionTokens);
                return;
            case FakeReply.Answer answer:
                await WriteCompletionAsync(context, request, new JsonObject { ["role"] = "assistant", ["content"] = answer.Text }, "stop",
                    answer.PromptTokens, answer.CompletionTokens);
                return;
        }
    }

    private static Task WriteCompletionAsync(HttpContext context, JsonNode request, JsonObject message, string finishReason, int promptTokens, int completionTokens)
    {
        var completion = new JsonObject
        {
            ["id"] = "chatcmpl-fake",
            ["object"] = "chat.completion",
            ["created"] = 1_764_000_000,
            ["model"] = request["model"]?.GetValue<string>() ?? "fake",
            ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["message"] = message, ["finish_reason"] = finishReason }),
            ["usage"] = new JsonObject
            {
                ["prompt_tokens"] = promptTokens,
                ["completion_tokens"] = completionTokens,
                ["total_tokens"] = promptTokens + completionTokens,
            },
        };
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(completion.ToJsonString());
    }

    private void Check(string body, JsonNode request)
    {
        var texts = new List<string> { body };
        Collect(request, texts);
        foreach (var value in Forbidden)
        {
            if (texts.Any(t => t.Contains(value, StringComparison.OrdinalIgnoreCase)))
            {
                _violations.Enqueue($"The request carried the unredacted value “{value}”.");
            }
        }
    }

    /// <summary>Every string in the request, unescaped, including the JSON carried inside strings (tool arguments and results).</summary>
    private static void Collect(JsonNode? node, List<string> texts)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    texts.Add(key);
                    Collect(value, texts);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Collect(item, texts);
                }

                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                var text = value.GetValue<string>();
                texts.Add(text);
                if (text.StartsWith('{') || text.StartsWith('['))
                {
                    try
                    {
                        Collect(JsonNode.Parse(text), texts);
                    }
                    catch (JsonException)
                    {
                        // Not JSON after all; the text itself was checked.
                    }
                }

                break;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _arrived.Dispose();
    }
}

/// <summary>What the fake endpoint answers one request with.</summary>
public abstract record FakeReply
{
    public sealed record Answer(string Text, int PromptTokens = 100, int CompletionTokens = 20) : FakeReply;

    public sealed record ToolCall(string Name, string ArgumentsJson = "{}", int PromptTokens = 80, int CompletionTokens = 10) : FakeReply;

    public sealed record Status(int Code) : FakeReply;

    public sealed record Raw(string Body) : FakeReply;

    public sealed record Hang : FakeReply;
}
