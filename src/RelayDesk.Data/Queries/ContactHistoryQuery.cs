using Microsoft.EntityFrameworkCore;
using RelayDesk.Domain.Staffing;

namespace RelayDesk.Data.Queries;

/// <summary>When conversations started and when people were asked for: the raw history that staffing plans learn from.</summary>
public static class ContactHistoryQuery
{
    public static async Task<ContactHistoryData> LoadAsync(RelayDeskDbContext db, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.Conversations.AsNoTracking()
            .Where(c => c.StartedAt >= from && c.StartedAt < to)
            .Select(c => new { c.StartedAt, c.HumanRequestedAt, c.AssignedAt, c.ResolvedAt, c.EscalationSkills, c.Language })
            .ToListAsync(cancellationToken);
        var handled = rows.Where(r => r.AssignedAt is not null && r.ResolvedAt is not null)
            .Select(r => (r.ResolvedAt!.Value - r.AssignedAt!.Value).TotalSeconds)
            .Where(seconds => seconds > 0)
            .ToList();
        return new ContactHistoryData(
            [.. rows.Select(r => r.StartedAt)],
            handled.Count == 0 ? null : handled.Average(),
            [.. rows.Where(r => r.HumanRequestedAt is not null).Select(r => new HumanRequestRecord(
                r.HumanRequestedAt!.Value, PrimarySkill(r.EscalationSkills), r.Language))]);
    }

    private static string PrimarySkill(string skills) =>
        skills.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? SkillStaffingPlan.General;
}

/// <param name="ConversationStarts">When each conversation started.</param>
/// <param name="AverageHandleTimeSeconds">Mean time from an agent's accept to resolution, when any were resolved.</param>
/// <param name="HumanRequestsBySkill">When a person was asked for (or required), with the skill and language needed.</param>
public sealed record ContactHistoryData(
    IReadOnlyList<DateTimeOffset> ConversationStarts,
    double? AverageHandleTimeSeconds,
    IReadOnlyList<HumanRequestRecord> HumanRequestsBySkill)
{
    /// <summary>When a person was asked for.</summary>
    public IReadOnlyList<DateTimeOffset> HumanRequests => [.. HumanRequestsBySkill.Select(r => r.At)];
}
