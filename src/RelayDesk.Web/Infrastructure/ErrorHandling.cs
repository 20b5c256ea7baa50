using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using RelayDesk.Domain;
using RelayDesk.Web.Features.Conversations;
using RelayDesk.Web.Features.Routing;

namespace RelayDesk.Web.Infrastructure;

/// <summary>Maps refused commands to problem-details responses: 400 for bad input, 404 unknown, 409 wrong state.</summary>
internal sealed class DomainExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail, code) = exception switch
        {
            ConversationNotFoundException => (StatusCodes.Status404NotFound, "Conversation not found", exception.Message, "conversation.not_found"),
            OfferNotFoundException => (StatusCodes.Status404NotFound, "Offer not found", exception.Message, "offer.not_found"),
            DomainException { Code: Features.Accounts.AgentAccountErrands.NotYours } d => (StatusCodes.Status403Forbidden, "Not your conversation", d.Message, d.Code),
            DomainException d when d.Code.StartsWith("conversation.", StringComparison.Ordinal) =>
                (StatusCodes.Status409Conflict, "The conversation cannot do that now", d.Message, d.Code),
            DomainException d => (StatusCodes.Status400BadRequest, "Invalid request", d.Message, d.Code),
            UnauthorizedAccessException => (StatusCodes.Status401Unauthorized, "Sign in required", exception.Message, "auth.required"),
            BadHttpRequestException b => (b.StatusCode, "Invalid request", b.Message, "request.invalid"),
            ArgumentException a when httpContext.Request.Path.StartsWithSegments("/api/v1/staffing") =>
                (StatusCodes.Status400BadRequest, "Invalid staffing request", a.Message, "staffing.invalid"),
            _ => (0, string.Empty, string.Empty, string.Empty),
        };
        if (status == 0)
        {
            return false;
        }

        httpContext.Response.StatusCode = status;
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        problem.Extensions["code"] = code;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }
}
