using RelayDesk.Assistant;
using RelayDesk.Domain.Conversations;
using RelayDesk.Web.Auth;

namespace RelayDesk.Web.Features.Conversations;

/// <summary>A customer opens the chat: the conversation starts with the assistant's greeting in their language.</summary>
public sealed class StartConversation(ConversationStore store, IAssistant assistant, CustomerTokens tokens, TimeProvider clock)
{
    public sealed record Request(string? Language);

    public sealed record Response(Guid Id, string Token, string State);

    public async Task<Response> HandleAsync(Request request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var conversation = Conversation.Start(Guid.CreateVersion7(), request.Language ?? SupportedLanguages.German, customerId: null, now);
        conversation.Append(MessageAuthor.Assistant, assistant.Greeting(conversation.Language), now);
        await store.AddAsync(conversation, cancellationToken);
        return new Response(conversation.Id, tokens.Issue(conversation.Id), conversation.State.ToWire());
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapPost("/", async (Request request, StartConversation handler, CancellationToken ct) =>
            {
                var response = await handler.HandleAsync(request, ct);
                return TypedResults.Created($"/api/v1/conversations/{response.Id}", response);
            })
            .AllowAnonymous()
            .WithName("StartConversation")
            .WithSummary("Start a chat; returns the conversation token that authorises it.");
}
