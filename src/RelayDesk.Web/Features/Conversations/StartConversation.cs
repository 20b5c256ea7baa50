using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using RelayDesk.Assistant;
using RelayDesk.Data;
using RelayDesk.Domain.Conversations;
using RelayDesk.Web.Auth;
using RelayDesk.Web.Infrastructure.RateLimiting;

namespace RelayDesk.Web.Features.Conversations;

/// <summary>
/// A customer opens the chat: the conversation starts with the assistant's greeting in their language. With a
/// signed-in customer's token (<c>Authorization: Bearer …</c>) the conversation is linked to that customer, so the
/// assistant can run their account errands; without one it is anonymous, as before.
/// </summary>
public sealed class StartConversation(ConversationStore store, IAssistant assistant, CustomerTokens tokens, RelayDeskDbContext db, TimeProvider clock)
{
    public sealed record Request(string? Language);

    public sealed record Response(Guid Id, string Token, string State);

    public async Task<Response> HandleAsync(Request request, string? customerId, CancellationToken cancellationToken)
    {
        var language = request.Language;
        if (customerId is not null)
        {
            var customerLanguage = await db.Customers.AsNoTracking().Where(c => c.Id == customerId).Select(c => c.Language).SingleOrDefaultAsync(cancellationToken)
                ?? throw new UnauthorizedAccessException("The customer of this token is not known.");
            language ??= customerLanguage;
        }

        var now = clock.GetUtcNow();
        var conversation = Conversation.Start(Guid.CreateVersion7(), language ?? SupportedLanguages.German, customerId, now);
        conversation.Append(MessageAuthor.Assistant, assistant.Greeting(conversation.Language), now);
        await store.AddAsync(conversation, cancellationToken);
        return new Response(conversation.Id, tokens.Issue(conversation.Id), conversation.State.ToWire());
    }

    /// <summary>The signed-in customer when the request carries a customer token; a token that is not valid is refused.</summary>
    private static async Task<string?> SignedInCustomerAsync(HttpContext context)
    {
        if (!context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var result = await context.AuthenticateAsync(CustomerTokens.Scheme);
        return result.Succeeded
            ? CustomerTokens.CustomerOf(result.Principal)
            : throw new UnauthorizedAccessException("The customer token is not valid (expired or not signed by this desk).");
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapPost("/", async (Request request, HttpContext context, StartConversation handler, CancellationToken ct) =>
            {
                var response = await handler.HandleAsync(request, await SignedInCustomerAsync(context), ct);
                return TypedResults.Created($"/api/v1/conversations/{response.Id}", response);
            })
            .AllowAnonymous()
            .RequireRateLimiting(RateLimitPolicies.ConversationStarts)
            .WithName("StartConversation")
            .WithSummary("Start a chat (anonymous, or linked to the signed-in customer's account with a customer token); returns the conversation token that authorises it.");
}
