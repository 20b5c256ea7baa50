using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using RelayDesk.Domain.Escalation;
using RelayDesk.Domain.Routing;
using static RelayDesk.Domain.Tests.Routing.RoutingBuilders;

namespace RelayDesk.Domain.Tests.Routing;

/// <summary>The board's decision, checked against a brute-force reading of the rules on random desks.</summary>
public class RoutingBoardProperties
{
    private static readonly string[] Skills = ["payments", "returns", "disputes", "hardship", "fraud"];

    private static Gen<RoutingAgent> AgentGen(int index) =>
        from skills in Gen.SubListOf(Skills)
        from levels in Gen.ListOf(Gen.Choose(1, 5), Skills.Length)
        from languages in Gen.Elements("de", "en", "de,en")
        from capacity in Gen.Choose(1, 3)
        from load in Gen.Choose(0, 3)
        from presence in Gen.Elements(Presence.Online, Presence.Online, Presence.Away, Presence.Offline)
        from idle in Gen.Choose(0, 20)
        select new RoutingAgent($"agent{index}", skills.Select((s, i) => (s, levels[i])).ToDictionary(p => p.s, p => p.Item2),
            languages.Split(','), presence, Math.Min(load, capacity), T0.AddMinutes(-idle), capacity);

    private static Gen<QueuedCase> CaseGen(int index) =>
        from skills in Gen.SubListOf(Skills).Select(s => s.Take(2).ToArray())
        from priority in Gen.Elements(EscalationPriority.Normal, EscalationPriority.High, EscalationPriority.Urgent)
        from language in Gen.Elements("de", "en")
        from waited in Gen.Choose(0, 15)
        select Case(index, priority, string.Join(',', skills), language, waited);

    private static Gen<(RoutingAgent[] Agents, QueuedCase[] Cases)> DeskGen =>
        from agentCount in Gen.Choose(0, 8)
        from caseCount in Gen.Choose(0, 12)
        from agents in Gen.ListOf(AgentGen(0), agentCount)
        from cases in Gen.ListOf(CaseGen(0), caseCount)
        select (agents.Select((a, i) => a with { Id = $"agent{i}" }).ToArray(), cases.Select((c, i) => c with { Id = IdOf(i + 1) }).ToArray());

    [Property(MaxTest = 300)]
    public Property NextAssignment_IsTheFirstServableCaseInOrder_WithTheBestQualifiedFreeAgent()
    {
        return Prop.ForAll(DeskGen.ToArbitrary(), desk =>
        {
            var board = new RoutingBoard();
            foreach (var agent in desk.Agents)
            {
                board.SetAgent(agent);
            }

            foreach (var queued in desk.Cases)
            {
                board.Enqueue(queued);
            }

            var decision = board.NextAssignment(T0);
            var expected = Oracle(desk.Agents, desk.Cases);
            return (decision?.ConversationId, decision?.AgentId) == (expected?.Case, expected?.Agent);
        });
    }

    [Property(MaxTest = 200)]
    public Property TheOrder_DoesNotDependOnTheOrderCasesArrivedIn()
    {
        return Prop.ForAll(DeskGen.ToArbitrary(), desk =>
        {
            var forward = new RoutingBoard();
            var backward = new RoutingBoard();
            foreach (var queued in desk.Cases)
            {
                forward.Enqueue(queued);
            }

            foreach (var queued in desk.Cases.Reverse())
            {
                backward.Enqueue(queued);
            }

            return forward.InOrder().Select(c => c.Id).SequenceEqual(backward.InOrder().Select(c => c.Id));
        });
    }

    [Property(MaxTest = 200)]
    public Property AssigningUntilNobodyCan_NeverExceedsAnyAgentsCapacity()
    {
        return Prop.ForAll(DeskGen.ToArbitrary(), desk =>
        {
            var board = new RoutingBoard();
            foreach (var agent in desk.Agents)
            {
                board.SetAgent(agent);
            }

            foreach (var queued in desk.Cases)
            {
                board.Enqueue(queued);
            }

            var cases = desk.Cases.ToDictionary(c => c.Id);
            while (board.NextAssignment(T0) is { } decision)
            {
                var agent = board.FindAgent(decision.AgentId)!;
                var queued = cases[decision.ConversationId];
                if (!agent.IsQualifiedFor(queued.Skills, queued.Language) || agent.Load >= agent.Capacity || agent.Presence != Presence.Online)
                {
                    return false;
                }

                board.Remove(decision.ConversationId);
                board.SetAgent(agent with { Load = agent.Load + 1, IdleSince = T0 });
            }

            return board.InOrder().All(c => !desk.Agents.Any(a => a.Presence == Presence.Online && a.Load < a.Capacity
                && board.FindAgent(a.Id)!.Load < a.Capacity && a.IsQualifiedFor(c.Skills, c.Language)));
        });
    }

    private static (Guid Case, string Agent)? Oracle(RoutingAgent[] agents, QueuedCase[] cases)
    {
        var order = QueueOrder.Default;
        foreach (var queued in cases.OrderBy(order.KeyOf))
        {
            var best = agents
                .Where(a => a.Presence == Presence.Online && a.Load < a.Capacity && a.IsQualifiedFor(queued.Skills, queued.Language))
                .OrderBy(a => a.Load)
                .ThenByDescending(a => queued.Skills.Distinct().Sum(s => a.SkillLevels[s]))
                .ThenBy(a => a.IdleSince)
                .ThenBy(a => a.Id, StringComparer.Ordinal)
                .FirstOrDefault();
            if (best is not null)
            {
                return (queued.Id, best.Id);
            }
        }

        return null;
    }
}
