using System.Numerics;

namespace RelayDesk.Domain.Routing;

/// <summary>
/// The live routing picture: who is waiting (one sorted queue per required skill set and language) and who could take
/// them (agents with skills and languages as bit masks). A case handed to a team forms its own queue (skill set,
/// language and team), whose qualified agents are only that team's, so team routing costs nothing extra per decision. Built for one decision in microseconds at desk scale:
/// a decision looks only at the head of each skill-set queue (there are a few dozen sets, not thousands of cases) and
/// only at the agents qualified for that set (pre-computed when the roster changes), so it does not grow with the
/// number of waiting cases.
/// </summary>
public sealed class RoutingBoard
{
    private const int MaxPassedScan = 64;
    private const int AnyTeam = -1;

    private readonly QueueOrder _order;
    private readonly Dictionary<string, int> _skillBits = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _languageBits = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _teamNumbers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Requirement> _requirements = new(StringComparer.Ordinal);
    private readonly List<Requirement> _requirementList = [];
    private readonly Dictionary<Guid, Entry> _cases = [];
    private readonly List<AgentSlot> _agents = [];
    private readonly Dictionary<string, int> _agentIndex = new(StringComparer.Ordinal);

    // Agents who could take a chat now (online, below capacity), kept as a list with each agent's place in it, so a
    // busy desk (few free agents) is searched through the free ones rather than through everyone qualified.
    private readonly List<int> _available = [];
    private readonly List<int> _availablePlace = [];
    private int _rosterVersion;

    public RoutingBoard(QueueOrder? order = null)
    {
        _order = order ?? QueueOrder.Default;
    }

    public int QueuedCount => _cases.Count;

    public QueueOrder Order => _order;

    public void Enqueue(QueuedCase queued)
    {
        ArgumentNullException.ThrowIfNull(queued);
        Remove(queued.Id);
        var requirement = RequirementFor(queued.Skills, queued.Language, queued.TeamId);
        var key = _order.KeyOf(queued);
        requirement.Queue.Add(key);
        _cases[queued.Id] = new Entry(queued, requirement, key);
    }

    public bool Remove(Guid conversationId)
    {
        if (!_cases.Remove(conversationId, out var entry))
        {
            return false;
        }

        entry.Requirement.Queue.Remove(entry.Key);
        return true;
    }

    public bool IsQueued(Guid conversationId) => _cases.ContainsKey(conversationId);

    /// <summary>Adds or replaces an agent (presence, load and skills as they are now).</summary>
    public void SetAgent(RoutingAgent agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var slot = new AgentSlot(agent, MaskOf(agent.SkillLevels.Keys, _skillBits), MaskOf(agent.Languages, _languageBits), LevelsOf(agent),
            TeamNumber(agent.TeamId));
        if (_agentIndex.TryGetValue(agent.Id, out var index))
        {
            var before = _agents[index];
            _agents[index] = slot;
            if (before.SkillMask != slot.SkillMask || before.LanguageMask != slot.LanguageMask || before.Team != slot.Team)
            {
                _rosterVersion++;
            }
        }
        else
        {
            _agentIndex[agent.Id] = _agents.Count;
            _agents.Add(slot);
            _availablePlace.Add(-1);
            _rosterVersion++;
        }

        UpdateAvailability(_agentIndex[agent.Id], agent.Presence == Presence.Online && agent.Load < agent.Capacity);
    }

    private void UpdateAvailability(int index, bool available)
    {
        var place = _availablePlace[index];
        if (available && place < 0)
        {
            _availablePlace[index] = _available.Count;
            _available.Add(index);
        }
        else if (!available && place >= 0)
        {
            var last = _available[^1];
            _available[place] = last;
            _availablePlace[last] = place;
            _available.RemoveAt(_available.Count - 1);
            _availablePlace[index] = -1;
        }
    }

    public RoutingAgent? FindAgent(string agentId) =>
        _agentIndex.TryGetValue(agentId, out var index) ? _agents[index].Agent : null;

    /// <summary>
    /// The next push assignment: the first case in queue order that an online agent with free capacity can take, and
    /// the best such agent (fewest chats, then highest skill level for the case, then longest without a new chat).
    /// Null when nobody can take anything now.
    /// </summary>
    public AssignmentDecision? NextAssignment(DateTimeOffset now)
    {
        if (_available.Count == 0)
        {
            return null;
        }

        Requirement? bestRequirement = null;
        QueueKey bestKey = default;
        var bestAgent = -1;
        QueuedCase? bestCase = null;
        foreach (var requirement in _requirementList)
        {
            if (requirement.Queue.Count == 0)
            {
                continue;
            }

            var head = requirement.Queue.Min;
            if (bestRequirement is not null && head > bestKey)
            {
                continue; // Its first case ranks after the best found so far: nothing here can beat it.
            }

            var (queued, key, agent) = FirstServable(requirement, bestRequirement is null ? null : bestKey);
            if (queued is not null)
            {
                (bestRequirement, bestKey, bestAgent, bestCase) = (requirement, key, agent, queued);
            }
        }

        return bestCase is null ? null : Decide(bestCase, _agents[bestAgent].Agent, now);
    }

    /// <summary>The case an agent would pick next from the queue (pull): the first in order they are qualified for.</summary>
    public AssignmentDecision? NextFor(string agentId, DateTimeOffset now)
    {
        if (!_agentIndex.TryGetValue(agentId, out var index))
        {
            return null;
        }

        var slot = _agents[index];
        Entry? best = null;
        foreach (var requirement in _requirementList)
        {
            if (requirement.Queue.Count > 0 && slot.Qualifies(requirement)
                && (best is null || requirement.Queue.Min < best.Key))
            {
                best = _cases[requirement.Queue.Min.Id];
            }
        }

        return best is null ? null : Decide(best.Case, slot.Agent, now);
    }

    /// <summary>
    /// Every waiting case's 1-based position among the cases that compete with it for the same people (cases whose
    /// skill sets no common agent holds do not hold each other up).
    /// </summary>
    public IReadOnlyDictionary<Guid, int> Positions()
    {
        var competes = CompetitionMatrix();
        var ordered = _cases.Values.OrderBy(e => e.Key).ToList();
        var seen = new int[_requirementList.Count];
        var positions = new Dictionary<Guid, int>(ordered.Count);
        foreach (var entry in ordered)
        {
            var ahead = 0;
            var mine = entry.Requirement.Index;
            for (var other = 0; other < seen.Length; other++)
            {
                if (competes[mine][other])
                {
                    ahead += seen[other];
                }
            }

            positions[entry.Case.Id] = ahead + 1;
            seen[mine]++;
        }

        return positions;
    }

    /// <summary>What the wait estimate of one case rests on, or null when the case is not queued.</summary>
    public WaitInputs? WaitInputsFor(Guid conversationId, int? position = null)
    {
        if (!_cases.TryGetValue(conversationId, out var entry))
        {
            return null;
        }

        var place = position ?? Positions()[conversationId];
        int qualified = 0, total = 0, free = 0;
        foreach (var index in Candidates(entry.Requirement))
        {
            var agent = _agents[index].Agent;
            if (agent.Presence == Presence.Online)
            {
                qualified++;
                total += agent.Capacity;
                free += agent.FreeSlots;
            }
        }

        return new WaitInputs(place, qualified, total, free);
    }

    /// <summary>Why this case is where it is in the queue (and, for a case handed to a team, who may take it).</summary>
    public string? Explain(Guid conversationId, DateTimeOffset now) =>
        _cases.TryGetValue(conversationId, out var entry) ? _order.Explain(entry.Case, now) + TeamNote(entry.Case) : null;

    /// <summary>The team a waiting case was handed to; null when it is for the whole desk or not queued.</summary>
    public string? TeamOf(Guid conversationId) => _cases.TryGetValue(conversationId, out var entry) ? entry.Case.TeamId : null;

    private static string TeamNote(QueuedCase queued) =>
        queued.TeamId is null ? string.Empty : $" Handed to team {queued.TeamId}: only its agents are offered it.";

    /// <summary>The waiting cases in queue order (first tier, then aged priority, then id).</summary>
    public IReadOnlyList<QueuedCase> InOrder() => [.. _cases.Values.OrderBy(e => e.Key).Select(e => e.Case)];

    private AssignmentDecision Decide(QueuedCase queued, RoutingAgent agent, DateTimeOffset now) =>
        new(queued.Id, agent.Id, $"{_order.Explain(queued, now)}{TeamNote(queued)} Agent {agent.Id}: {agent.Load} of {agent.Capacity} chats, "
            + $"qualified for {(queued.Skills.Count == 0 ? "general questions" : string.Join('+', queued.Skills))} in {queued.Language}, "
            + $"without a new chat since {agent.IdleSince:HH:mm:ss}.");

    private (QueuedCase? Case, QueueKey Key, int Agent) FirstServable(Requirement requirement, QueueKey? mustBeat)
    {
        var head = _cases[requirement.Queue.Min.Id];
        var agent = BestAgent(requirement, head.Case);
        if (agent >= 0 || head.Case.PassedBy.Count == 0)
        {
            return agent >= 0 ? (head.Case, head.Key, agent) : (null, default, -1);
        }

        // Agents who let this case pass may still take the next ones of the same skill set.
        var scanned = 0;
        foreach (var key in requirement.Queue)
        {
            if (scanned++ > MaxPassedScan || (mustBeat is { } limit && key > limit))
            {
                break;
            }

            var entry = _cases[key.Id];
            agent = BestAgent(requirement, entry.Case);
            if (agent >= 0)
            {
                return (entry.Case, key, agent);
            }

            if (entry.Case.PassedBy.Count == 0)
            {
                break; // Nobody was excluded and still nobody can take it: the rest of this set waits too.
            }
        }

        return (null, default, -1);
    }

    private int BestAgent(Requirement requirement, QueuedCase queued)
    {
        // Search the smaller of the two: the agents free now (checking their skills) or those qualified (checking that they are free).
        var candidates = Candidates(requirement);
        return _available.Count < candidates.Length
            ? BestAgent(requirement, queued, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_available), checkSkills: true)
            : BestAgent(requirement, queued, candidates, checkSkills: false);
    }

    private int BestAgent(Requirement requirement, QueuedCase queued, ReadOnlySpan<int> indexes, bool checkSkills)
    {
        var best = -1;
        int bestLoad = 0, bestLevel = 0;
        long bestIdle = 0;
        foreach (var index in indexes)
        {
            var slot = _agents[index];
            var agent = slot.Agent;
            if ((checkSkills && !slot.Qualifies(requirement))
                || agent.Presence != Presence.Online || agent.Load >= agent.Capacity
                || (queued.PassedBy.Count > 0 && queued.PassedBy.Contains(agent.Id)))
            {
                continue;
            }

            var level = slot.LevelFor(requirement.SkillMask);
            var idle = agent.IdleSince.UtcTicks;
            var better = best < 0
                || agent.Load < bestLoad
                || (agent.Load == bestLoad && (level > bestLevel
                    || (level == bestLevel && (idle < bestIdle
                        || (idle == bestIdle && string.CompareOrdinal(agent.Id, _agents[best].Agent.Id) < 0)))));
            if (better)
            {
                (best, bestLoad, bestLevel, bestIdle) = (index, agent.Load, level, idle);
            }
        }

        return best;
    }

    private int[] Candidates(Requirement requirement)
    {
        if (requirement.CandidatesVersion != _rosterVersion)
        {
            var candidates = new List<int>();
            for (var i = 0; i < _agents.Count; i++)
            {
                if (_agents[i].Qualifies(requirement))
                {
                    candidates.Add(i);
                }
            }

            requirement.Candidates = [.. candidates];
            requirement.CandidatesVersion = _rosterVersion;
        }

        return requirement.Candidates;
    }

    private bool[][] CompetitionMatrix()
    {
        var count = _requirementList.Count;
        var sets = _requirementList.Select(r => Candidates(r).ToHashSet()).ToArray();
        var matrix = new bool[count][];
        for (var a = 0; a < count; a++)
        {
            matrix[a] = new bool[count];
            for (var b = 0; b < count; b++)
            {
                matrix[a][b] = a == b || sets[a].Overlaps(sets[b]);
            }
        }

        return matrix;
    }

    private Requirement RequirementFor(IReadOnlyList<string> skills, string language, string? teamId)
    {
        var sorted = skills.Select(s => s.ToLowerInvariant()).Distinct().Order(StringComparer.Ordinal).ToArray();
        var name = language + "|" + string.Join(',', sorted) + "|" + teamId;
        if (!_requirements.TryGetValue(name, out var requirement))
        {
            requirement = new Requirement(_requirementList.Count, sorted, language, MaskOf(sorted, _skillBits), MaskOf([language], _languageBits),
                teamId is null ? AnyTeam : TeamNumber(teamId));
            _requirements[name] = requirement;
            _requirementList.Add(requirement);
        }

        return requirement;
    }

    /// <summary>Teams as small numbers (0 for an agent without a team), so the team check is one comparison.</summary>
    private int TeamNumber(string? teamId)
    {
        if (teamId is null)
        {
            return 0;
        }

        if (!_teamNumbers.TryGetValue(teamId, out var number))
        {
            number = _teamNumbers.Count + 1;
            _teamNumbers[teamId] = number;
        }

        return number;
    }

    private static ulong MaskOf(IEnumerable<string> names, Dictionary<string, int> bits)
    {
        var mask = 0UL;
        foreach (var name in names)
        {
            if (!bits.TryGetValue(name, out var bit))
            {
                if (bits.Count == 64)
                {
                    throw new DomainException("routing.too_many_skills", "Routing supports at most 64 distinct skills and 64 languages.");
                }

                bit = bits.Count;
                bits[name] = bit;
            }

            mask |= 1UL << bit;
        }

        return mask;
    }

    private byte[] LevelsOf(RoutingAgent agent)
    {
        var levels = new byte[64];
        foreach (var (skill, level) in agent.SkillLevels)
        {
            levels[BitOperations.TrailingZeroCount(MaskOf([skill], _skillBits))] = (byte)Math.Clamp(level, 1, 5);
        }

        return levels;
    }

    private sealed record Entry(QueuedCase Case, Requirement Requirement, QueueKey Key);

    private sealed class Requirement(int index, string[] skills, string language, ulong skillMask, ulong languageMask, int team)
    {
        /// <summary>The team whose agents alone may take these cases, or <see cref="AnyTeam"/>.</summary>
        public int Team { get; } = team;

        public int Index { get; } = index;

        public string[] Skills { get; } = skills;

        public string Language { get; } = language;

        public ulong SkillMask { get; } = skillMask;

        public ulong LanguageMask { get; } = languageMask;

        public SortedSet<QueueKey> Queue { get; } = [];

        public int[] Candidates { get; set; } = [];

        public int CandidatesVersion { get; set; } = -1;
    }

    private readonly record struct AgentSlot(RoutingAgent Agent, ulong SkillMask, ulong LanguageMask, byte[] Levels, int Team)
    {
        public bool Qualifies(Requirement requirement) =>
            (SkillMask & requirement.SkillMask) == requirement.SkillMask && (LanguageMask & requirement.LanguageMask) != 0
            && (requirement.Team == AnyTeam || requirement.Team == Team);

        public int LevelFor(ulong skills)
        {
            var sum = 0;
            while (skills != 0)
            {
                sum += Levels[BitOperations.TrailingZeroCount(skills)];
                skills &= skills - 1;
            }

            return sum;
        }
    }
}
