using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using RelayDesk.Data;
using RelayDesk.Data.Accounts;
using RelayDesk.Domain;
using RelayDesk.Domain.Accounts.Errands;
using RelayDesk.Domain.Conversations;
using RelayDesk.Web.Features.Agent;
using RelayDesk.Web.Features.Conversations;

namespace RelayDesk.Web.Features.Accounts;

/// <summary>
/// Agents run the same account errands from the workspace, on the account of the customer linked to the conversation
/// they work on; every call is audited with the agent as the actor. A conversation without a signed-in customer has
/// no account to work on.
/// </summary>
public sealed class AgentAccountErrands(RelayDeskDbContext db, AccountErrands errands, CurrentAgent current)
{
    public sealed record LinkedAccount(Guid ConversationId, BalanceOverview Balance, IReadOnlyList<PurchaseSchedule> Schedules);

    public sealed record ExtendRequest(string? PurchaseNumber, int Days, string? IdempotencyKey);

    public sealed record PurchaseRequest(string? PurchaseNumber, string? IdempotencyKey);

    public async Task<LinkedAccount> GetAsync(Guid conversationId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var caller = await CallerAsync(conversationId, user, cancellationToken);
        var balance = Checked(await errands.GetOpenBalanceAsync(caller, cancellationToken));
        var purchases = await errands.LoadAccountAsync(caller.CustomerId!, cancellationToken);
        return new LinkedAccount(conversationId, balance, [.. purchases.OrderByDescending(p => p.PurchasedAt).Select(AccountViews.Schedule)]);
    }

    public async Task<ErrandResult<DueDateExtension>> ExtendAsync(Guid conversationId, ExtendRequest request, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await errands.ExtendDueDateAsync(await CallerAsync(conversationId, user, cancellationToken, change: true), request.PurchaseNumber ?? string.Empty, request.Days, request.IdempotencyKey ?? string.Empty, cancellationToken);

    public async Task<ErrandResult<ReturnRegistered>> MarkReturnSentAsync(Guid conversationId, PurchaseRequest request, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await errands.MarkReturnSentAsync(await CallerAsync(conversationId, user, cancellationToken, change: true), request.PurchaseNumber ?? string.Empty, request.IdempotencyKey ?? string.Empty, cancellationToken);

    public async Task<ErrandResult<InvoiceResent>> ResendInvoiceAsync(Guid conversationId, PurchaseRequest request, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await errands.ResendInvoiceAsync(await CallerAsync(conversationId, user, cancellationToken, change: true), request.PurchaseNumber ?? string.Empty, request.IdempotencyKey ?? string.Empty, cancellationToken);

    /// <summary>
    /// The agent acting on the conversation's customer. Any agent may look (the look is audited); only the agent the
    /// conversation is assigned to — or a supervisor — may change the account.
    /// </summary>
    private async Task<ErrandCaller> CallerAsync(Guid conversationId, ClaimsPrincipal user, CancellationToken cancellationToken, bool change = false)
    {
        var agent = await current.ResolveAsync(user);
        var conversation = await db.Conversations.AsNoTracking().Where(c => c.Id == conversationId)
            .Select(c => new { c.CustomerId, c.State, c.AssignedAgentId }).SingleOrDefaultAsync(cancellationToken)
            ?? throw new ConversationNotFoundException(conversationId);
        if (change && !user.IsInRole(Roles.Supervisor) && (conversation.State != ConversationState.Assigned || conversation.AssignedAgentId != agent.Id))
        {
            throw new DomainException(NotYours, "Only the agent this conversation is assigned to (or a supervisor) can change the customer's account.");
        }

        return conversation.CustomerId is null
            ? throw new DomainException("conversation.no-customer", "This conversation is anonymous: no customer account is linked to it.")
            : new ErrandCaller(ActorKind.Agent, agent.Id, conversation.CustomerId, conversationId);
    }

    public const string NotYours = "conversation.not_yours";

    private static T Checked<T>(ErrandResult<T> result)
        where T : class => result.Value ?? throw new DomainException(result.Code, result.Message);

    /// <summary>Done → 200 with the result; otherwise a problem with the errand's code: 404 unknown, 403 not theirs, 409 refused by policy, 400 bad input.</summary>
    private static IResult ToHttp<T>(ErrandResult<T> result)
        where T : class => result.Outcome switch
        {
            ErrandOutcome.Done when result.Value is not null => TypedResults.Ok(result.Value),
            _ => TypedResults.Problem(
                statusCode: result.Outcome switch
                {
                    ErrandOutcome.NotFound => StatusCodes.Status404NotFound,
                    ErrandOutcome.NotAllowed => StatusCodes.Status403Forbidden,
                    ErrandOutcome.Refused => StatusCodes.Status409Conflict,
                    _ => StatusCodes.Status400BadRequest,
                },
                title: "The errand was not done",
                detail: result.Message,
                extensions: new Dictionary<string, object?> { ["code"] = result.Code }),
        };

    internal static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/conversations/{id:guid}/account", (Guid id, ClaimsPrincipal user, AgentAccountErrands handler, CancellationToken ct) => handler.GetAsync(id, user, ct))
            .WithName("GetLinkedAccount")
            .WithSummary("The account of the customer linked to the conversation: balance, purchases and schedules (audited).");
        group.MapPost("/conversations/{id:guid}/account/extend-due-date", async (Guid id, ExtendRequest request, ClaimsPrincipal user, AgentAccountErrands handler, CancellationToken ct) =>
                ToHttp(await handler.ExtendAsync(id, request, user, ct)))
            .WithName("AgentExtendDueDate");
        group.MapPost("/conversations/{id:guid}/account/mark-return-sent", async (Guid id, PurchaseRequest request, ClaimsPrincipal user, AgentAccountErrands handler, CancellationToken ct) =>
                ToHttp(await handler.MarkReturnSentAsync(id, request, user, ct)))
            .WithName("AgentMarkReturnSent");
        group.MapPost("/conversations/{id:guid}/account/resend-invoice", async (Guid id, PurchaseRequest request, ClaimsPrincipal user, AgentAccountErrands handler, CancellationToken ct) =>
                ToHttp(await handler.ResendInvoiceAsync(id, request, user, ct)))
            .WithName("AgentResendInvoice");
    }
}
