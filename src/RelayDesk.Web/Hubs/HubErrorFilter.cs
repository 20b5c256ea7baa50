using Microsoft.AspNetCore.SignalR;
using RelayDesk.Domain;
using RelayDesk.Web.Features.Conversations;
using RelayDesk.Web.Features.Routing;

namespace RelayDesk.Web.Hubs;

/// <summary>Turns refused commands into <see cref="HubException"/>s whose message the client can show as it is.</summary>
internal sealed class HubErrorFilter : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(invocationContext);
        }
        catch (DomainException exception)
        {
            throw new HubException(exception.Message);
        }
        catch (ConversationNotFoundException)
        {
            throw new HubException("Conversation not found.");
        }
        catch (OfferNotFoundException exception)
        {
            throw new HubException(exception.Message);
        }
        catch (UnauthorizedAccessException exception)
        {
            throw new HubException(exception.Message);
        }
    }
}
