using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RelayDesk.Data;
using RelayDesk.Domain.Conversations;
using RelayDesk.Web.Hubs;

namespace RelayDesk.Web.Tests.Infrastructure;

/// <summary>Waits until a conversation in the database satisfies a condition, woken by the app's own change feed.</summary>
public static class DeskFeedProbe
{
    public static async Task<Conversation> WaitForAsync(this RelayDeskFactory factory, Guid id, Func<Conversation, bool> condition)
    {
        var feed = factory.Services.GetRequiredService<DeskFeed>();
        var changed = new SemaphoreSlim(0);
        void OnChanged(DeskChange change)
        {
            if (change.ConversationId == id)
            {
                changed.Release();
            }
        }

        feed.Changed += OnChanged;
        try
        {
            using var deadline = new CancellationTokenSource(TestTimeouts.Event);
            while (true)
            {
                var conversation = await factory.LoadAsync(id);
                if (conversation is not null && condition(conversation))
                {
                    return conversation;
                }

                // Woken by the change feed; the short re-check only guards against a change that is written without one.
                await changed.WaitAsync(TimeSpan.FromMilliseconds(250), deadline.Token);
            }
        }
        finally
        {
            feed.Changed -= OnChanged;
        }
    }

    public static async Task<Conversation?> LoadAsync(this RelayDeskFactory factory, Guid id)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelayDeskDbContext>();
        return await db.Conversations.AsNoTracking().Include(c => c.Messages).SingleOrDefaultAsync(c => c.Id == id);
    }
}
