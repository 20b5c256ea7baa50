using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using System.Text;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace RelayDesk.Assistant.Llm;

/// <summary>
/// Offers the methods of an errands service as tools: every public method of <typeparamref name="TErrands"/> with a
/// <see cref="DescriptionAttribute"/> becomes a tool named in snake_case (<c>GetNextPaymentAsync</c> →
/// <c>get_next_payment</c>). A parameter named <c>customerId</c> (string or Guid) is bound to the turn's customer and
/// hidden from the model, so the model can never pick whose account it touches; <c>conversationId</c> (Guid) and
/// <c>turnKey</c> (string: the conversation and the turn's place in it, the same when a turn is retried) are bound
/// and hidden likewise, for the audit trail and idempotency. The service is resolved from the turn's own DI scope on
/// each call. Anonymous visitors get no tools.
/// </summary>
public sealed class ErrandToolbox<TErrands> : IAssistantToolbox
    where TErrands : class
{
    public const string CustomerIdParameter = "customerId";
    public const string ConversationIdParameter = "conversationId";
    public const string TurnKeyParameter = "turnKey";

    private static readonly MethodInfo[] Errands = typeof(TErrands)
        .GetMethods(BindingFlags.Public | BindingFlags.Instance)
        .Where(m => m.GetCustomAttribute<DescriptionAttribute>() is not null && !m.IsSpecialName)
        .ToArray();

    public IReadOnlyList<AITool> ToolsFor(AssistantTurn turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.CustomerId is not { } customerId)
        {
            return [];
        }

        return [.. Errands.Select(method => AIFunctionFactory.Create(method, Resolve, new AIFunctionFactoryOptions
        {
            Name = ToolName(method.Name),
            ConfigureParameterBinding = parameter => parameter.Name switch
            {
                CustomerIdParameter => Hidden(p => Bind(customerId, p.ParameterType)),
                ConversationIdParameter => Hidden(_ => turn.ConversationId),
                TurnKeyParameter => Hidden(_ => TurnKey(turn)),
                _ => default,
            },
        }))];
    }

    /// <summary>Identifies the turn: its conversation and how many messages came before it.</summary>
    public static string TurnKey(AssistantTurn turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return string.Create(CultureInfo.InvariantCulture, $"{turn.ConversationId:N}:{turn.Previous.Count}");
    }

    private static AIFunctionFactoryOptions.ParameterBindingOptions Hidden(Func<ParameterInfo, object?> value) => new()
    {
        ExcludeFromSchema = true,
        BindParameter = (p, _) => value(p),
    };

    /// <summary><c>GetNextPaymentAsync</c> → <c>get_next_payment</c>.</summary>
    public static string ToolName(string methodName)
    {
        ArgumentNullException.ThrowIfNull(methodName);
        var name = methodName.EndsWith("Async", StringComparison.Ordinal) ? methodName[..^5] : methodName;
        var snake = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                snake.Append('_');
            }

            snake.Append(char.ToLowerInvariant(name[i]));
        }

        return snake.ToString();
    }

    private static object Resolve(AIFunctionArguments arguments) =>
        (arguments.Services ?? throw new InvalidOperationException("Errand tools need the turn's services."))
            .GetRequiredService<TErrands>();

    private static object Bind(string customerId, Type type) => type switch
    {
        _ when type == typeof(string) => customerId,
        _ when type == typeof(Guid) => Guid.Parse(customerId, CultureInfo.InvariantCulture),
        _ => throw new NotSupportedException($"A {CustomerIdParameter} parameter must be a string or a Guid, not {type.Name}."),
    };
}
