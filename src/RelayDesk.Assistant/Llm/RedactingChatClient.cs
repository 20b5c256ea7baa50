using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace RelayDesk.Assistant.Llm;

/// <summary>
/// The one door to the model: every message that leaves — system prompt, history, the customer's text, tool calls and
/// tool results — is rebuilt from redacted text only (no raw representations travel along), and the placeholders in
/// the model's tool-call arguments are restored so the tools work on real values.
/// </summary>
internal sealed class RedactingChatClient(IChatClient inner, PersonalDataRedactor redactor) : DelegatingChatClient(inner)
{
    private static readonly JsonSerializerOptions Json = new(AIJsonUtilities.DefaultOptions) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var outgoing = messages.Select(Redact).ToList();
        var response = await base.GetResponseAsync(outgoing, options, cancellationToken);
        foreach (var call in response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>())
        {
            if (call.Arguments is { } arguments)
            {
                foreach (var key in arguments.Keys.ToList())
                {
                    arguments[key] = MapStrings(arguments[key], s => redactor.Restore(s, maskPaymentData: false));
                }
            }
        }

        return response;
    }

    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The assistant does not stream.");

    private ChatMessage Redact(ChatMessage message)
    {
        var contents = new List<AIContent>();
        foreach (var content in message.Contents)
        {
            switch (content)
            {
                case TextContent text:
                    contents.Add(new TextContent(redactor.Redact(text.Text)));
                    break;
                case FunctionCallContent call:
                    var arguments = call.Arguments?.ToDictionary(a => a.Key, a => MapStrings(a.Value, redactor.Redact));
                    contents.Add(new FunctionCallContent(call.CallId, call.Name, arguments));
                    break;
                case FunctionResultContent result:
                    contents.Add(new FunctionResultContent(result.CallId, RedactResult(result.Result)));
                    break;
                default:
                    // Anything else (reasoning, data, usage) has no business going back to the model.
                    break;
            }
        }

        return new ChatMessage(message.Role, contents);
    }

    private string RedactResult(object? result)
    {
        var json = result switch
        {
            null => "null",
            string s => s,
            JsonElement e => e.GetRawText(),
            _ => JsonSerializer.Serialize(result, result.GetType(), Json),
        };

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return redactor.Redact(json);
        }

        // String values are redacted unescaped ("M\u00fcller" would slip past a text pattern), then the whole text once
        // more for numbers that are personal data (a card number stored as a number).
        return redactor.Redact(RedactNode(node)?.ToJsonString(Json) ?? "null");
    }

    private JsonNode? RedactNode(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.Select(p => KeyValuePair.Create(p.Key, RedactNode(p.Value)))),
        JsonArray array => new JsonArray([.. array.Select(RedactNode)]),
        JsonValue value when value.GetValueKind() == JsonValueKind.String => JsonValue.Create(redactor.Redact(value.GetValue<string>())),
        _ => node?.DeepClone(),
    };

    private static object? MapStrings(object? value, Func<string, string> map) => value switch
    {
        string s => map(s),
        JsonElement { ValueKind: JsonValueKind.String } e => JsonSerializer.SerializeToElement(map(e.GetString()!), Json),
        _ => value,
    };
}
