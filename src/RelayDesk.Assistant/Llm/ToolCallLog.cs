using System.Text.Json;
using Microsoft.Extensions.AI;

namespace RelayDesk.Assistant.Llm;

/// <summary>
/// Runs the tools of one turn and remembers what they reported, for the turn's escalation signals: the largest amount
/// touched, a policy refusal, a tool that failed. Tools run one after another within a turn.
/// </summary>
internal sealed class ToolCallLog
{
    private readonly List<string> _called = [];

    public IReadOnlyList<string> Called => _called;

    public decimal? LargestAmount { get; private set; }

    public bool Refused { get; private set; }

    public string? FailedTool { get; private set; }

    public async ValueTask<object?> InvokeAsync(FunctionInvocationContext context, CancellationToken cancellationToken)
    {
        _called.Add(context.Function.Name);
        try
        {
            var result = await context.Function.InvokeAsync(context.Arguments, cancellationToken);
            Read(result);
            return result;
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            FailedTool ??= context.Function.Name;
            throw;
        }
    }

    private void Read(object? result)
    {
        JsonElement json;
        try
        {
            json = result switch
            {
                null => default,
                JsonElement e => e,
                string s => JsonDocument.Parse(s).RootElement.Clone(),
                _ => JsonSerializer.SerializeToElement(result, result.GetType(), AIJsonUtilities.DefaultOptions),
            };
        }
        catch (JsonException)
        {
            return; // Plain text: nothing to read.
        }

        Walk(json, propertyName: null);
    }

    private void Walk(JsonElement element, string? propertyName)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Walk(property.Value, property.Name);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, propertyName);
                }

                break;
            case JsonValueKind.Number when IsAmount(propertyName) && element.TryGetDecimal(out var amount):
                LargestAmount = LargestAmount is { } largest ? Math.Max(largest, Math.Abs(amount)) : Math.Abs(amount);
                break;
            case JsonValueKind.True when propertyName is not null
                && (propertyName.Equals("refused", StringComparison.OrdinalIgnoreCase) || propertyName.Equals("policyRefusal", StringComparison.OrdinalIgnoreCase)):
                Refused = true;
                break;
        }
    }

    private static bool IsAmount(string? name) => name is not null
        && (name.Contains("amount", StringComparison.OrdinalIgnoreCase) || name.Contains("balance", StringComparison.OrdinalIgnoreCase));
}
