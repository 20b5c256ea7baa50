using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using RelayDesk.Data;
using RelayDesk.Data.Routing;
using RelayDesk.Domain;

namespace RelayDesk.Web.Features.Routing;

/// <summary>
/// Supervisors list and create teams: a team has business hours in its own IANA time zone (open on some weekdays,
/// closed on holidays). Agents join a team through their routing settings or the team's member list
/// (<see cref="EditTeam"/>); conversations handed to a team go to its agents only, and its hours count for their wait
/// and callback slots. Teams are changed with <see cref="EditTeam"/> and removed with <see cref="RemoveTeam"/>.
/// </summary>
public sealed partial class ManageTeams(RelayDeskDbContext db)
{
    /// <param name="Opens">Local opening time, <c>HH:mm</c>.</param>
    /// <param name="Closes">Local closing time, <c>HH:mm</c> (<c>24:00</c> for midnight), after <paramref name="Opens"/>.</param>
    /// <param name="Days">Open weekdays: <c>mon</c> … <c>sun</c>.</param>
    public sealed record Request(string? Id, string? Name, string? TimeZone, string? Opens, string? Closes, IReadOnlyList<string>? Days,
        IReadOnlyList<DateOnly>? Holidays);

    public sealed record TeamView(string Id, string Name, string TimeZone, string Opens, string Closes, IReadOnlyList<string> Days,
        IReadOnlyList<DateOnly> Holidays, IReadOnlyList<string> AgentIds);

    public sealed record TeamList(IReadOnlyList<TeamView> Teams);

    private static readonly string[] DayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    public async Task<TeamList> ListAsync(CancellationToken cancellationToken)
    {
        var teams = await db.RoutingTeams.AsNoTracking().ToListAsync(cancellationToken);
        var members = (await TeamOfEveryoneAsync(db, cancellationToken)).ToLookup(a => a.Value, a => a.Key, StringComparer.Ordinal);
        return new TeamList([.. teams.OrderBy(t => t.Id, StringComparer.Ordinal).Select(t => View(t, [.. members[t.Id].Order(StringComparer.Ordinal)]))]);
    }

    /// <summary>Every staff member's team: the one in their routing settings, or the desk team when they have none.</summary>
    internal static async Task<Dictionary<string, string>> TeamOfEveryoneAsync(RelayDeskDbContext db, CancellationToken cancellationToken)
    {
        var teams = await db.AgentRouting.AsNoTracking().ToDictionaryAsync(a => a.AgentId, a => a.TeamId, cancellationToken);
        var users = await db.Users.AsNoTracking().Select(u => u.Id).ToListAsync(cancellationToken);
        return users.ToDictionary(u => u, u => teams.GetValueOrDefault(u) ?? AgentRoutingState.DefaultTeamId, StringComparer.Ordinal);
    }

    public async Task<TeamView> CreateAsync(Request request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var team = Validate(request);
        if (await db.RoutingTeams.AnyAsync(t => t.Id == team.Id, cancellationToken))
        {
            throw new DomainException("team.exists", "There is already a team with this id.");
        }

        db.RoutingTeams.Add(team);
        await db.SaveChangesAsync(cancellationToken);
        return View(team, []);
    }

    /// <summary>The team a request describes, or a refusal naming the first field that is wrong.</summary>
    internal static RoutingTeam Validate(Request request)
    {
        var id = request.Id?.Trim() ?? string.Empty;
        if (!TeamIdPattern().IsMatch(id))
        {
            throw new DomainException("team.id_invalid", "id is 1 to 64 lower-case letters, digits or dashes.");
        }

        var name = request.Name?.Trim() ?? string.Empty;
        if (name.Length is 0 or > 200)
        {
            throw new DomainException("team.name_invalid", "name is required (at most 200 characters).");
        }

        var zone = request.TimeZone?.Trim() ?? string.Empty;
        if (!TimeZoneInfo.TryConvertIanaIdToWindowsId(zone, out _) || !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
        {
            throw new DomainException("team.time_zone_unknown", "timeZone must be a known IANA time zone, e.g. Europe/Berlin.");
        }

        if (!TryParseTime(request.Opens, out var opens) || !TryParseTime(request.Closes, out var closes) || opens >= closes)
        {
            throw new DomainException("team.hours_invalid", "opens and closes are local times (HH:mm), opens before closes.");
        }

        var days = new SortedSet<int>();
        foreach (var day in request.Days ?? [])
        {
            var index = Array.IndexOf(DayNames, day?.Trim().ToLowerInvariant());
            if (index < 0)
            {
                throw new DomainException("team.days_invalid", "days are mon, tue, wed, thu, fri, sat, sun.");
            }

            days.Add(index);
        }

        if (days.Count == 0)
        {
            throw new DomainException("team.days_invalid", "days needs at least one open weekday (mon … sun).");
        }

        var holidays = (request.Holidays ?? []).Distinct().Order().ToList();
        if (holidays.Count > 150)
        {
            throw new DomainException("team.holidays_invalid", "At most 150 holidays per team.");
        }

        return new RoutingTeam
        {
            Id = id,
            Name = name,
            TimeZoneId = zone,
            Opens = opens,
            Closes = closes,
            Days = string.Join(',', days.Select(d => d.ToString(CultureInfo.InvariantCulture))),
            Holidays = string.Join(',', holidays.Select(h => h.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))),
        };
    }

    private static bool TryParseTime(string? text, out TimeSpan time)
    {
        if (text?.Trim() == "24:00")
        {
            time = TimeSpan.FromDays(1);
            return true;
        }

        var parsed = TimeOnly.TryParseExact(text?.Trim(), ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local);
        time = parsed ? local.ToTimeSpan() : default;
        return parsed;
    }

    private static string FormatTime(TimeSpan time) =>
        time >= TimeSpan.FromDays(1) ? "24:00" : time.ToString(@"hh\:mm", CultureInfo.InvariantCulture);

    internal static TeamView View(RoutingTeam team, IReadOnlyList<string> agentIds)
    {
        var hours = team.ToBusinessHours();
        return new TeamView(team.Id, team.Name, team.TimeZoneId, FormatTime(team.Opens), FormatTime(team.Closes),
            [.. hours.Days.Order().Select(d => DayNames[(int)d])], [.. hours.Holidays.Order()], agentIds);
    }

    [GeneratedRegex("^[a-z0-9-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex TeamIdPattern();

    internal static void Map(RouteGroupBuilder supervisor)
    {
        supervisor.MapGet("/teams", (ManageTeams handler, CancellationToken ct) => handler.ListAsync(ct))
            .WithName("GetTeams")
            .WithSummary("Teams with their business hours, holidays and agents.");
        supervisor.MapPost("/teams", async (Request request, ManageTeams handler, CancellationToken ct) =>
                TypedResults.Created("/api/v1/supervisor/teams", await handler.CreateAsync(request, ct)))
            .WithName("CreateTeam")
            .WithSummary("Create a team with business hours in its IANA time zone; assign agents with PUT /teams/{id} or PUT /agents/{agentId}/routing.");
        EditTeam.Map(supervisor);
        RemoveTeam.Map(supervisor);
    }
}
