using Microsoft.EntityFrameworkCore;
using RelayDesk.Domain.Conversations;
using RelayDesk.Domain.Escalation;
using RelayDesk.Domain.Staffing;

namespace RelayDesk.Data.Seeding;

/// <summary>
/// Seeds weeks of past conversations (deterministic, fixed seed) so analytics and staffing have something to show on
/// a fresh install: realistic daily and weekly volume, about a third handed to people for the usual reasons, resolved
/// by the demo agents after a few minutes, then closed. Runs once: skipped when history already exists.
/// </summary>
public sealed class DemoHistorySeeder(RelayDeskDbContext db)
{
    public const int Seed = 20261101;

    private static readonly (string Text, string Language)[] Questions =
    [
        ("Wann ist meine nächste Rate fällig?", "de"), ("Ich habe die Ware zurückgeschickt, muss ich trotzdem zahlen?", "de"),
        ("Wann bekomme ich mein Geld zurück?", "de"), ("Kann ich die Zahlung verschieben?", "de"),
        ("When is my next payment due?", "en"), ("I returned my order, do I still have to pay?", "en"),
        ("How long does a refund take?", "en"), ("Can I extend my due date?", "en"),
    ];

    private static readonly EscalationDecision[] Reasons =
    [
        EscalationDecision.Button,
        new(true, "explicit-request", "The customer asked for a person.", "Mensch bitte", 0.9, EscalationPriority.Normal, []),
        new(true, "hardship", "Financial hardship.", "kann die Rate nicht bezahlen", 0.9, EscalationPriority.Urgent, ["hardship"]),
        new(true, "dispute", "A dispute with the merchant.", "never delivered", 0.9, EscalationPriority.High, ["disputes"]),
        new(true, "fraud", "Possible fraud.", "I never ordered this", 0.9, EscalationPriority.Urgent, ["fraud"]),
        new(true, "frustration", "The customer is frustrated.", "useless!!!", 0.8, EscalationPriority.High, []),
    ];

    public async Task<int> SeedAsync(int weeks, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (weeks <= 0 || await db.Conversations.AnyAsync(c => c.StartedAt < now.AddDays(-1), cancellationToken))
        {
            return 0;
        }

        var agents = await db.Users.AsNoTracking().Where(u => u.Email!.StartsWith("agent")).OrderBy(u => u.Email)
            .Select(u => new { u.Id, u.DisplayName }).ToListAsync(cancellationToken);
        if (agents.Count == 0)
        {
            return 0;
        }

        var start = StaffingPlanner.Floor(now.AddDays(-7 * weeks), TimeSpan.FromDays(1));
        var starts = DemoContactHistory.Generate(start, weeks, Seed, contactsPerDay: 360).Where(t => t < now).ToList();
        var random = new Random(Seed);
        var detectChanges = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var batch in starts.Chunk(1000))
            {
                foreach (var startedAt in batch)
                {
                    db.Conversations.Add(PastConversation(startedAt, random, agents[random.Next(agents.Count)].Id, agents[0].DisplayName));
                }

                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detectChanges;
        }

        return starts.Count;
    }

    private static Conversation PastConversation(DateTimeOffset startedAt, Random random, string agentId, string agentName)
    {
        var (question, language) = Questions[random.Next(Questions.Length)];
        var conversation = Conversation.Start(Guid.CreateVersion7(startedAt), language, null, startedAt);
        var t = startedAt;
        conversation.Append(MessageAuthor.Assistant, language == "de" ? "Hallo! Wie kann ich helfen?" : "Hi! How can I help?", t);
        conversation.Append(MessageAuthor.Customer, question, t = t.AddSeconds(20 + random.Next(60)));
        if (random.NextDouble() < 0.32)
        {
            conversation.RequestHuman(Reasons[random.Next(Reasons.Length)], t = t.AddSeconds(5));
            conversation.Assign(agentId, agentName, t = t.AddSeconds(Exponential(random, 45)));
            conversation.Append(MessageAuthor.Agent, language == "de" ? "Ich kümmere mich darum." : "I'll take care of it.", t = t.AddSeconds(30), authorId: agentId, authorName: agentName);
            conversation.Resolve(agentId, t = t.AddSeconds(Exponential(random, 390)));
        }
        else
        {
            conversation.Append(MessageAuthor.Assistant, language == "de" ? "Hier ist die Antwort aus unserem Hilfe-Center." : "Here is the answer from our help centre.", t = t.AddSeconds(2));
        }

        conversation.Close(t.AddMinutes(2));
        conversation.TakeDomainEvents();
        return conversation;
    }

    private static double Exponential(Random random, double mean) => -mean * Math.Log(1 - random.NextDouble());
}
